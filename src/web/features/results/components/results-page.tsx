import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom'
import type { Role } from '../../../../contracts/auth.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { BonusPoolsPage } from './bonus-pools-page.tsx'
import { ConsequencesPage } from './consequences-page.tsx'
import { PaySheetPage } from './pay-sheet-page.tsx'

type TabKey = 'pay' | 'bonuses' | 'consequences'

/** The results pages a role may open: pay and bonuses for HR, admin and finance; consequences also for supervisors. */
export function resultTabs(role: Role): TabKey[] {
  if (role === 'supervisor') return ['consequences']
  if (role === 'employee') return []
  return ['pay', 'bonuses', 'consequences']
}

// 考核结果: /results/pay (工资表), /results/bonuses (奖金池), /results/consequences (结果应用) as tabs.
export function ResultsPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const navigate = useNavigate()
  const location = useLocation()
  const tabs = resultTabs(user.role)
  const active = tabs.find((tab) => location.pathname.startsWith(`/results/${tab}`)) ?? tabs[0]
  if (!active) return <Navigate to="/" replace />
  return (
    <>
      <PageHeader title={t('results.title')} subtitle={t('results.subtitle')} />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/results/${key}`)}
        items={tabs.map((key) => ({ key, label: t(`results.tabs.${key}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to={`/results/${tabs[0]}`} replace />} />
        {tabs.includes('pay') ? <Route path="pay" element={<PaySheetPage />} /> : null}
        {tabs.includes('bonuses') ? <Route path="bonuses" element={<BonusPoolsPage />} /> : null}
        <Route path="consequences" element={<ConsequencesPage />} />
        <Route path="*" element={<Navigate to={`/results/${tabs[0]}`} replace />} />
      </Routes>
    </>
  )
}
