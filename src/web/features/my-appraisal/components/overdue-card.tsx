import { WarningOutlined } from '@ant-design/icons'
import { Card, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OverdueItem } from '../../../../contracts/sheets.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useMyOverdue } from '../api/list-my-overdue.ts'
import { useMySheets } from '../api/list-my-sheets.ts'

/** Where an overdue item is dealt with: my own sheet under 我的考核, anyone else's under 我的团队. */
export function overdueLink(item: OverdueItem, mySheetIds: ReadonlySet<number>): string {
  return item.kind === 'sheet' && mySheetIds.has(item.sheetId)
    ? `/my-appraisal/${item.sheetId}`
    : `/team/${item.sheetId}`
}

// Overdue steps the signed-in person owes (逾期待办), each linking to where it is done; nothing when none.
// Reusable on the dashboard: <OverdueCard />.
export function OverdueCard() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const overdue = useMyOverdue()
  const mine = useMySheets(user.employeeId !== null)
  const mySheetIds = new Set((mine.data ?? []).map((s) => s.id))
  const items = overdue.data ?? []
  if (items.length === 0) return null
  return (
    <Card
      size="small"
      data-testid="overdue-card"
      title={
        <Flex gap={8} align="center">
          <WarningOutlined style={{ color: '#fa541c' }} />
          {t('myAppraisal.overdue.title', { n: items.length })}
        </Flex>
      }
    >
      <Flex vertical gap={8}>
        {items.map((item) => (
          <Link key={`${item.kind}-${item.id}-${item.step}`} to={overdueLink(item, mySheetIds)}>
            <Flex wrap gap={8} align="center">
              <Tag color="red">{t('myAppraisal.overdue.days', { n: item.daysOverdue })}</Tag>
              <Typography.Text>
                {t(`myAppraisal.overdue.step.${item.step}`, { defaultValue: item.stepName })} ·{' '}
                {item.employeeName} · {item.cycleName}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('myAppraisal.overdue.due', { date: item.dueDate })}
              </Typography.Text>
            </Flex>
          </Link>
        ))}
      </Flex>
    </Card>
  )
}
