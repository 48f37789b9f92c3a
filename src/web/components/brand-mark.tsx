import { theme } from 'antd'
import { useTranslation } from 'react-i18next'

// The product mark: the first character of the name (绩) on the primary colour; decorative, so hidden from screen readers.
export function BrandMark({ size = 32 }: { size?: number }) {
  const { token } = theme.useToken()
  const { t } = useTranslation()
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: size,
        height: size,
        borderRadius: size / 4,
        background: `linear-gradient(135deg, ${token.colorPrimary}, ${token.colorPrimaryActive})`,
        color: '#fff',
        fontWeight: 700,
        fontSize: size * 0.55,
        lineHeight: 1,
        flex: 'none',
      }}
    >
      {t('app.mark')}
    </span>
  )
}
