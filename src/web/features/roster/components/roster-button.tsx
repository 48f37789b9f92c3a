import { TeamOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RosterImportDrawer } from './roster-import-drawer.tsx'

/** The organisation page's 花名册 导入/导出 button (admin and HR), opening the roster drawer. */
export function RosterButton() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button icon={<TeamOutlined />} onClick={() => setOpen(true)}>
        {t('roster.button')}
      </Button>
      <RosterImportDrawer open={open} onClose={() => setOpen(false)} />
    </>
  )
}
