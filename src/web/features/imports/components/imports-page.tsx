import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router-dom'
import { PageHeader } from '../../../components/page-header.tsx'
import { useSession } from '../../auth/api/get-session.ts'
import { AttributionPage } from './attribution-page.tsx'
import { ImportHistory } from './import-history.tsx'
import { ImportWizard } from './import-wizard.tsx'

// /imports: the import wizard; /imports/history: what was imported, with undo; /imports/attribution: who the
// names in the exports are credited to. Finance sees the history and the attribution table read-only.
export function ImportsPage() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const session = useSession()
  const canImport = session.data?.user.role === 'admin' || session.data?.user.role === 'hr'
  const tab =
    location.pathname.replace(/^\/imports\/?/, '').split('/')[0] || (canImport ? 'wizard' : 'history')
  const items = [
    ...(canImport ? [{ key: 'wizard', label: t('imports.tabs.wizard'), children: <ImportWizard /> }] : []),
    { key: 'history', label: t('imports.tabs.history'), children: <ImportHistory /> },
    { key: 'attribution', label: t('imports.tabs.attribution'), children: <AttributionPage /> },
  ]
  return (
    <div>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => navigate(key === 'wizard' ? '/imports' : `/imports/${key}`)}
        items={items}
      />
    </div>
  )
}
