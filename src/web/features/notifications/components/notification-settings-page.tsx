import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../../components/page-header.tsx'
import { AllowedHostsCard } from './allowed-hosts-card.tsx'
import { WebhookSettingsCard } from './webhook-settings-card.tsx'

// 通知设置 (admin): where the company's notifications go besides the bell, today the group robot, and which hosts
// besides the platforms' own it may reach.
export function NotificationSettingsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('notifications.settings.title')} subtitle={t('notifications.settings.subtitle')} />
      <WebhookSettingsCard />
      <AllowedHostsCard />
    </>
  )
}
