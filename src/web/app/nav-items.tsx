import {
  AccountBookOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  IdcardOutlined,
  LineChartOutlined,
  LoginOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import { lazy, type ReactNode } from 'react'
import type { Role } from '../../contracts/auth.ts'
import { HomePage } from '../features/home/components/home-page.tsx'

// Pages other than the dashboard load on first visit, so the first screen does not wait for every feature.
const OrganisationPage = lazy(() =>
  import('../features/organisation/components/organisation-page.tsx').then((m) => ({
    default: m.OrganisationPage,
  })),
)
const TemplatesPage = lazy(() =>
  import('../features/templates/components/templates-page.tsx').then((m) => ({ default: m.TemplatesPage })),
)
const ImportsPage = lazy(() =>
  import('../features/imports/components/imports-page.tsx').then((m) => ({ default: m.ImportsPage })),
)
const MetricsPage = lazy(() =>
  import('../features/metrics/components/metrics-page.tsx').then((m) => ({ default: m.MetricsPage })),
)
const AllSheetsPage = lazy(() =>
  import('../features/all-sheets/components/all-sheets-page.tsx').then((m) => ({ default: m.AllSheetsPage })),
)
const CyclesPage = lazy(() =>
  import('../features/cycles/components/cycles-page.tsx').then((m) => ({ default: m.CyclesPage })),
)
const AppealsPage = lazy(() =>
  import('../features/appeals/components/appeals-page.tsx').then((m) => ({ default: m.AppealsPage })),
)
const AuditPage = lazy(() =>
  import('../features/audit/components/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
)
const DashboardsPage = lazy(() =>
  import('../features/dashboards/components/dashboards-page.tsx').then((m) => ({
    default: m.DashboardsPage,
  })),
)
const ResultsPage = lazy(() =>
  import('../features/results/components/results-page.tsx').then((m) => ({ default: m.ResultsPage })),
)
const AccountsPage = lazy(() =>
  import('../features/accounts/components/accounts-page.tsx').then((m) => ({ default: m.AccountsPage })),
)
const CalendarPage = lazy(() =>
  import('../features/calendar/components/calendar-page.tsx').then((m) => ({ default: m.CalendarPage })),
)
const MyAppraisalPage = lazy(() =>
  import('../features/my-appraisal/components/my-appraisal-page.tsx').then((m) => ({
    default: m.MyAppraisalPage,
  })),
)
const TeamPage = lazy(() =>
  import('../features/team/components/team-page.tsx').then((m) => ({ default: m.TeamPage })),
)
const NotificationSettingsPage = lazy(() =>
  import('../features/notifications/components/notification-settings-page.tsx').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
)
const DirectorySettingsPage = lazy(() =>
  import('../features/sign-in-providers/components/directory-settings-page.tsx').then((m) => ({
    default: m.DirectorySettingsPage,
  })),
)
const RotaPage = lazy(() =>
  import('../features/rota/components/rota-page.tsx').then((m) => ({ default: m.RotaPage })),
)

export type NavItem = {
  key: string
  /** The page's path; sub-paths (`/organisation/…`) render the same element, which may route further inside. */
  path: string
  /** i18n key of the menu label. */
  labelKey: string
  icon: ReactNode
  element: ReactNode
  /** Roles that see the entry and may open the page; omitted = everyone signed in. */
  roles?: readonly Role[]
}

// The side navigation, in menu order. A new feature adds one entry here: 考核模板, 考核周期, 数据导入, 薪酬, 排班 …
export const navItems: readonly NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: <DashboardOutlined />, element: <HomePage /> },
  {
    key: 'dashboards',
    path: '/dashboards',
    labelKey: 'dashboards.nav',
    icon: <BarChartOutlined />,
    element: <DashboardsPage />,
  },
  {
    key: 'my-appraisal',
    path: '/my-appraisal',
    labelKey: 'myAppraisal.nav',
    icon: <ProfileOutlined />,
    element: <MyAppraisalPage />,
  },
  {
    key: 'team',
    path: '/team',
    labelKey: 'team.nav',
    icon: <TeamOutlined />,
    element: <TeamPage />,
    roles: ['supervisor', 'hr', 'admin'],
  },
  {
    key: 'rota',
    path: '/rota',
    labelKey: 'rota.nav',
    icon: <FieldTimeOutlined />,
    element: <RotaPage />,
  },
  {
    key: 'organisation',
    path: '/organisation',
    labelKey: 'nav.organisation',
    icon: <ApartmentOutlined />,
    element: <OrganisationPage />,
  },
  {
    key: 'templates',
    path: '/templates',
    labelKey: 'templates.nav',
    icon: <FileTextOutlined />,
    element: <TemplatesPage />,
    roles: ['admin', 'hr'],
  },
  {
    key: 'cycles',
    path: '/cycles',
    labelKey: 'cycles.nav',
    icon: <ScheduleOutlined />,
    element: <CyclesPage />,
    roles: ['admin', 'hr'],
  },
  {
    key: 'all-sheets',
    path: '/sheets',
    labelKey: 'allSheets.nav',
    icon: <UnorderedListOutlined />,
    element: <AllSheetsPage />,
    roles: ['admin', 'hr', 'supervisor'],
  },
  {
    key: 'results',
    path: '/results',
    labelKey: 'results.nav',
    icon: <AccountBookOutlined />,
    element: <ResultsPage />,
    roles: ['admin', 'hr', 'finance', 'supervisor'],
  },
  {
    key: 'appeals',
    path: '/appeals',
    labelKey: 'appeals.nav',
    icon: <SolutionOutlined />,
    element: <AppealsPage />,
    roles: ['admin', 'hr'],
  },
  {
    key: 'audit',
    path: '/audit',
    labelKey: 'audit.nav',
    icon: <FileProtectOutlined />,
    element: <AuditPage />,
    roles: ['admin', 'hr'],
  },
  {
    key: 'accounts',
    path: '/settings/accounts',
    labelKey: 'accounts.nav',
    icon: <IdcardOutlined />,
    element: <AccountsPage />,
    roles: ['admin', 'hr'],
  },
  {
    key: 'calendar',
    path: '/settings/calendar',
    labelKey: 'calendar.nav',
    icon: <CalendarOutlined />,
    element: <CalendarPage />,
    roles: ['admin', 'hr'],
  },
  {
    key: 'notification-settings',
    path: '/settings/notifications',
    labelKey: 'notifications.nav',
    icon: <NotificationOutlined />,
    element: <NotificationSettingsPage />,
    roles: ['admin'],
  },
  {
    key: 'directory-settings',
    path: '/settings/directory',
    labelKey: 'signInProviders.nav',
    icon: <LoginOutlined />,
    element: <DirectorySettingsPage />,
    roles: ['admin'],
  },
  {
    key: 'imports',
    path: '/imports',
    labelKey: 'imports.nav',
    icon: <CloudUploadOutlined />,
    element: <ImportsPage />,
    roles: ['admin', 'hr', 'finance'],
  },
  {
    key: 'metrics',
    path: '/metrics',
    labelKey: 'metrics.nav',
    icon: <LineChartOutlined />,
    element: <MetricsPage />,
    roles: ['admin', 'hr', 'finance'],
  },
]
