import { DownOutlined, GlobalOutlined } from '@ant-design/icons'
import { Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { changeLanguage, isLanguage, type Language, languages } from '../i18n/i18n.ts'

// 简体中文 / 繁體中文 / English: each language is named in itself, so anyone can find their own.
export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation()
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN'
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current],
        items: languages.map((lng) => ({ key: lng, label: t(`language.${lng}`), lang: lng })),
        onClick: ({ key }) => {
          if (isLanguage(key)) void changeLanguage(key)
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={`${t('language.label')}: ${t(`language.${current}`)}`}
      >
        {compact ? null : t(`language.${current}`)}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  )
}
