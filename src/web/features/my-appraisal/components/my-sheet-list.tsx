import { RightOutlined } from '@ant-design/icons'
import { Alert, Card, Empty, Flex, Result, Skeleton, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { SheetSummary } from '../../../../contracts/sheets.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { SheetStateTag } from '../../sheets/components/sheet-header.tsx'
import { formatNumber } from '../../sheets/format-value.ts'
import { owedStepOf, stageDueDate, stageOf } from '../../sheets/sheet-stages.ts'
import { useMySheets } from '../api/list-my-sheets.ts'
import { OverdueCard } from './overdue-card.tsx'
import { PeerReviewTasks } from './peer-review-tasks.tsx'

function SheetCard({ sheet, today }: { sheet: SheetSummary; today: string }) {
  const { t } = useTranslation()
  const owed = owedStepOf(sheet, 'owner', today)
  const stage = stageOf(sheet.state)
  const due = stageDueDate(stage, sheet.deadlines, sheet.appealDeadline)
  return (
    <Link to={`/my-appraisal/${sheet.id}`} data-testid={`my-sheet-${sheet.id}`}>
      <Card size="small" hoverable>
        <Flex align="center" gap={12}>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Flex wrap gap={8} align="center">
              <Typography.Text strong>{sheet.cycleName}</Typography.Text>
              <SheetStateTag state={sheet.state} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sheet.periodStart} ~ {sheet.periodEnd}
              {sheet.reviewerName ? ` · ${t('myAppraisal.reviewer', { name: sheet.reviewerName })}` : ''}
            </Typography.Text>
            <Flex wrap gap={6} align="center">
              {owed ? (
                <Tag color={owed.overdue ? 'red' : 'gold'}>
                  {t(owed.overdue ? 'myAppraisal.todoOverdue' : 'myAppraisal.todo', {
                    step: t(`myAppraisal.overdue.step.${owed.step}`),
                    date: owed.dueDate ?? '—',
                  })}
                </Tag>
              ) : due ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('myAppraisal.stageDue', { stage: t(`sheets.stage.${stage}`), date: due })}
                </Typography.Text>
              ) : null}
              {sheet.total !== null ? (
                <Tag color="blue">{t('myAppraisal.total', { total: formatNumber(sheet.total) })}</Tag>
              ) : null}
              {sheet.state === 'appeal_window' && sheet.appealDeadline ? (
                <Tag color="orange">{t('myAppraisal.appealUntil', { date: sheet.appealDeadline })}</Tag>
              ) : null}
            </Flex>
          </Flex>
          <RightOutlined aria-hidden="true" />
        </Flex>
      </Card>
    </Link>
  )
}

// 我的考核: the employee's sheets per cycle (newest first) with their stage, what they owe and by when,
// and the total once computed; overdue steps on top. Cards, so the list reads the same on a phone.
export function MySheetList() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const sheets = useMySheets(user.employeeId !== null)
  const today = dayjs().format('YYYY-MM-DD')
  return (
    <>
      <PageHeader title={t('myAppraisal.title')} subtitle={t('myAppraisal.subtitle')} />
      {user.employeeId === null ? (
        <Result status="info" title={t('myAppraisal.noEmployee')} />
      ) : (
        <Flex vertical gap={12}>
          <OverdueCard />
          <PeerReviewTasks />
          {sheets.isPending ? (
            <Skeleton active />
          ) : sheets.isError ? (
            <Alert type="error" showIcon title={describeError(t, sheets.error)} />
          ) : sheets.data.length === 0 ? (
            <Empty description={t('myAppraisal.empty')} />
          ) : (
            sheets.data.map((sheet) => <SheetCard key={sheet.id} sheet={sheet} today={today} />)
          )}
        </Flex>
      )}
    </>
  )
}
