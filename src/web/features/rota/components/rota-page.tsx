import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router-dom'
import { PageHeader } from '../../../components/page-header.tsx'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { CoverageReport } from './coverage-report.tsx'
import { MySchedule } from './my-schedule.tsx'
import { RotaCalendar } from './rota-calendar.tsx'
import { SamplingQueue } from './sampling-queue.tsx'

const tabs = ['calendar', 'coverage', 'sampling', 'me'] as const

// 排班: managers (admin, hr, supervisors) get the calendar, the coverage report and the sampling queue as tabs at
// /rota/<tab>; everyone else — the agents — lands on their own schedule, laid out for a phone.
export function RotaPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const location = useLocation()
  const navigate = useNavigate()
  const manages = user.role === 'admin' || user.role === 'hr' || user.role === 'supervisor'
  if (!manages) return <MySchedule />
  const current = tabs.find((tab) => location.pathname.startsWith(`/rota/${tab}`)) ?? 'calendar'
  return (
    <>
      <PageHeader title={t('rota.title')} subtitle={t('rota.subtitle')} />
      <Tabs
        activeKey={current}
        onChange={(key) => navigate(`/rota/${key}`)}
        destroyOnHidden
        items={[
          { key: 'calendar', label: t('rota.tabs.calendar'), children: <RotaCalendar /> },
          { key: 'coverage', label: t('rota.tabs.coverage'), children: <CoverageReport /> },
          { key: 'sampling', label: t('rota.tabs.sampling'), children: <SamplingQueue /> },
          { key: 'me', label: t('rota.tabs.me'), children: <MySchedule embedded /> },
        ]}
      />
    </>
  )
}
