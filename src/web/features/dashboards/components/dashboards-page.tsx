import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom'
import type { Role } from '../../../../contracts/auth.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { HrDashboard } from './hr-dashboard.tsx'
import { MyDashboard } from './my-dashboard.tsx'
import { PrintChromeStyle } from './print-chrome-style.tsx'
import { TeamDashboard } from './team-dashboard.tsx'

type TabKey = 'hr' | 'team' | 'me'

/** The dashboards a role may open, in tab order: HR and admin the company and team, supervisors their team. */
export function dashboardTabs(role: Role, hasEmployee: boolean): TabKey[] {
  const tabs: TabKey[] = []
  if (role === 'hr' || role === 'admin') tabs.push('hr', 'team')
  if (role === 'supervisor') tabs.push('team')
  if (hasEmployee) tabs.push('me')
  return tabs.length > 0 ? tabs : ['me']
}

// 绩效看板: /dashboards/hr, /dashboards/team and /dashboards/me as tabs; /dashboards opens the first one allowed.
export function DashboardsPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const navigate = useNavigate()
  const location = useLocation()
  const hasEmployee = user.employeeId !== null
  const tabs = dashboardTabs(user.role, hasEmployee)
  const active = tabs.find((tab) => location.pathname.startsWith(`/dashboards/${tab}`)) ?? tabs[0]!
  return (
    <>
      <PrintChromeStyle />
      <PageHeader title={t('dashboards.title')} subtitle={t('dashboards.subtitle')} />
      {tabs.length > 1 ? (
        <Tabs
          className="jixiao-no-print"
          activeKey={active}
          onChange={(key) => navigate(`/dashboards/${key}`)}
          items={tabs.map((key) => ({ key, label: t(`dashboards.tabs.${key}`) }))}
        />
      ) : null}
      <Routes>
        <Route index element={<Navigate to={`/dashboards/${tabs[0]}`} replace />} />
        {tabs.includes('hr') ? <Route path="hr" element={<HrDashboard />} /> : null}
        {tabs.includes('team') ? (
          <Route path="team" element={<TeamDashboard withDepartments={user.role !== 'supervisor'} />} />
        ) : null}
        <Route path="me" element={<MyDashboard hasEmployee={hasEmployee} />} />
        <Route path="*" element={<Navigate to={`/dashboards/${tabs[0]}`} replace />} />
      </Routes>
    </>
  )
}
