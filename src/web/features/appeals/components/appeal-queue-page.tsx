import { Result, Segmented, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { AppealStatus, AppealSummary } from '../../../../contracts/appeals.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { sheetPath } from '../../../lib/sheet-links.ts'
import { useAppeals } from '../api/list-appeals.ts'
import { AppealStatusTag } from './appeal-status-tag.tsx'

/** An appeal under investigation whose working-day deadline has passed. */
export const isAppealOverdue = (a: Pick<AppealSummary, 'status' | 'investigationDue'>, today: string) =>
  a.status !== 'ruled' && a.investigationDue !== null && a.investigationDue < today

// 申诉处理: the queue with status, handler, investigation deadline (working days) and overdue flags.
export function AppealQueuePage() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<AppealStatus | 'all'>('all')
  const appeals = useAppeals(status === 'all' ? undefined : status)
  const today = dayjs().format('YYYY-MM-DD')
  if (appeals.isError)
    return (
      <Result status="error" title={t('appeals.loadFailed')} subTitle={describeError(t, appeals.error)} />
    )
  return (
    <>
      <PageHeader title={t('appeals.title')} subtitle={t('appeals.subtitle')} />
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as AppealStatus | 'all')}
        options={(['all', 'filed', 'investigating', 'ruled'] as const).map((s) => ({
          value: s,
          label: s === 'all' ? t('appeals.all') : t(`appeals.status.${s}`),
        }))}
      />
      <Table<AppealSummary>
        rowKey="id"
        size="middle"
        loading={appeals.isPending}
        dataSource={appeals.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('appeals.empty') }}
        columns={[
          {
            title: t('appeals.columns.employee'),
            key: 'employee',
            render: (_, r) => <Link to={`${r.id}`}>{r.employeeName}</Link>,
          },
          { title: t('appeals.columns.cycle'), dataIndex: 'cycleName' },
          {
            title: t('appeals.columns.status'),
            key: 'status',
            render: (_, r) => <AppealStatusTag status={r.status} ruling={r.ruling} />,
          },
          { title: t('appeals.columns.handler'), key: 'handler', render: (_, r) => r.handlerName ?? '—' },
          {
            title: t('appeals.columns.filedAt'),
            key: 'filedAt',
            render: (_, r) => dayjs(r.filedAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('appeals.columns.due'),
            key: 'due',
            render: (_, r) =>
              r.investigationDue ? (
                <>
                  <Typography.Text type={isAppealOverdue(r, today) ? 'danger' : undefined}>
                    {r.investigationDue}
                  </Typography.Text>{' '}
                  {isAppealOverdue(r, today) ? <Tag color="red">{t('appeals.overdue')}</Tag> : null}
                </>
              ) : (
                '—'
              ),
          },
          {
            title: t('allSheets.columns.sheet'),
            key: 'sheet',
            render: (_, r) => <Link to={sheetPath(r.sheetId)}>{t('allSheets.openSheet')}</Link>,
          },
        ]}
      />
    </>
  )
}
