import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../auth/current-user-context.ts'

// The demo company's passwords are printed in the README and at start-up: say so before anyone types real data.
export function DemoBanner() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  if (!user.companyIsDemo) return null
  return (
    <Alert
      type="warning"
      showIcon
      title={t('companies.demoBanner.title')}
      description={t('companies.demoBanner.description')}
      style={{ marginBottom: 16 }}
    />
  )
}
