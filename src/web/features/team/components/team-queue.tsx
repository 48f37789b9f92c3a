import {
  Alert,
  Card,
  Collapse,
  Empty,
  Flex,
  Grid,
  Pagination,
  Result,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import type { SheetSummary, TeamQueueItem } from '../../../../contracts/sheets.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { SheetStateTag } from '../../sheets/components/sheet-header.tsx'
import { formatNumber } from '../../sheets/format-value.ts'
import { owedStepOf, stageDueDate, stageOf } from '../../sheets/sheet-stages.ts'
import { teamQueuePageSize, useTeamQueue } from '../api/get-team-queue.ts'
import { sortQueue } from '../sort-queue.ts'

type Row = SheetSummary & { waitingOnMe?: boolean }

function NextStep({ row, today, mine }: { row: Row; today: string; mine: boolean }) {
  const { t } = useTranslation()
  const owed = mine ? owedStepOf(row, 'reviewer', today) : undefined
  if (owed)
    return (
      <Tag color={owed.overdue ? 'red' : 'gold'} data-testid={owed.overdue ? 'overdue-flag' : undefined}>
        {t(owed.overdue ? 'team.overdue' : 'team.waiting', {
          step: t(`myAppraisal.overdue.step.${owed.step}`),
          date: owed.dueDate ?? '—',
        })}
      </Tag>
    )
  const stage = stageOf(row.state)
  const due = stageDueDate(stage, row.deadlines, row.appealDeadline)
  return due ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('myAppraisal.stageDue', { stage: t(`sheets.stage.${stage}`), date: due })}
    </Typography.Text>
  ) : null
}

/** A list the server pages: which page is shown, how many rows there are, and how to turn the page. */
type ServerPaging = { offset: number; total: number; onChange: (offset: number) => void }

function QueueList({
  rows,
  mine,
  today,
  paging,
}: {
  rows: Row[]
  mine: boolean
  today: string
  paging?: ServerPaging
}) {
  const { t } = useTranslation()
  const screens = Grid.useBreakpoint()
  const wide = screens.md ?? true
  if (rows.length === 0 && !paging?.total)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('team.empty')} />
  const current = paging ? Math.floor(paging.offset / teamQueuePageSize) + 1 : undefined
  const turn = (page: number) => paging?.onChange((page - 1) * teamQueuePageSize)
  if (!wide)
    return (
      <Flex vertical gap={8}>
        {rows.map((row) => (
          <Link key={row.id} to={`/team/${row.id}`} data-testid={`team-sheet-${row.id}`}>
            <Card size="small" hoverable>
              <Flex vertical gap={4}>
                <Flex wrap gap={8} align="center" justify="space-between">
                  <Typography.Text strong>
                    {row.employeeName}
                    <Typography.Text type="secondary"> · {row.departmentName ?? '—'}</Typography.Text>
                  </Typography.Text>
                  <SheetStateTag state={row.state} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.cycleName}
                  {row.total !== null
                    ? ` · ${t('myAppraisal.total', { total: formatNumber(row.total) })}`
                    : ''}
                </Typography.Text>
                <NextStep row={row} today={today} mine={mine} />
              </Flex>
            </Card>
          </Link>
        ))}
        {paging && paging.total > teamQueuePageSize ? (
          <Pagination
            simple
            size="small"
            align="center"
            current={current}
            pageSize={teamQueuePageSize}
            total={paging.total}
            onChange={turn}
          />
        ) : null}
      </Flex>
    )
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      pagination={
        paging
          ? paging.total > teamQueuePageSize
            ? {
                current,
                pageSize: teamQueuePageSize,
                total: paging.total,
                onChange: turn,
                showSizeChanger: false,
              }
            : false
          : rows.length > teamQueuePageSize
            ? { pageSize: teamQueuePageSize }
            : false
      }
      dataSource={rows}
      onRow={(row) => ({ 'data-testid': `team-sheet-${row.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'employee',
          title: t('team.column.employee'),
          render: (_, row) => (
            <Link to={`/team/${row.id}`}>
              {row.employeeName}
              <Typography.Text type="secondary"> {row.employeeNo}</Typography.Text>
            </Link>
          ),
        },
        {
          key: 'department',
          title: t('team.column.department'),
          render: (_, row) => row.departmentName ?? '—',
        },
        { key: 'cycle', title: t('team.column.cycle'), dataIndex: 'cycleName' },
        {
          key: 'state',
          title: t('team.column.state'),
          render: (_, row) => <SheetStateTag state={row.state} />,
        },
        {
          key: 'next',
          title: t('team.column.next'),
          render: (_, row) => <NextStep row={row} today={today} mine={mine} />,
        },
        ...(mine
          ? []
          : [
              {
                key: 'reviewer',
                title: t('team.column.reviewer'),
                render: (_: unknown, row: Row) => row.reviewerName ?? '—',
              },
            ]),
        {
          key: 'total',
          title: t('team.column.total'),
          align: 'right' as const,
          render: (_, row) => (row.total === null ? '—' : formatNumber(row.total)),
        },
      ]}
    />
  )
}

// 我的团队: the review queue of the sheets I review (what waits on me first, overdue flagged, with due dates),
// and my indirect reports' sheets read-only; a cycle filter when there are several. The server pages the
// read-only and the archived lists (20 rows a page), so a large reporting tree does not load at once. The
// cycle filter lives in the address (?cycle=ID), so a link (e.g. a "feedback meetings due" notification) can
// open the queue on one cycle.
export function TeamQueuePage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const [params, setParams] = useSearchParams()
  const cycleParam = Number(params.get('cycle'))
  const cycleId = Number.isInteger(cycleParam) && cycleParam > 0 ? cycleParam : undefined
  const [readOnlyOffset, setReadOnlyOffset] = useState(0)
  const [archivedOffset, setArchivedOffset] = useState(0)
  const queue = useTeamQueue(cycleId, { readOnlyOffset, archivedOffset })
  const today = dayjs().format('YYYY-MM-DD')
  // the cycles come from the unfiltered first page (the same query as the default view, so no extra request)
  const all = useTeamQueue()
  const cycles = all.data?.cycles ?? []
  const data = queue.data
  const toReview: TeamQueueItem[] = useMemo(
    () => (data ? sortQueue(data.toReview, today) : []),
    [data, today],
  )
  // archived sheets (final) leave the working lists and wait, folded, at the bottom
  const open = toReview.filter((s) => s.state !== 'final')
  const indirect = (data?.readOnly ?? []).filter((s) => s.state !== 'final')
  const archived: SheetSummary[] = data?.archived ?? []
  const chooseCycle = (v?: number) => {
    setParams(v === undefined ? {} : { cycle: String(v) }, { replace: true })
    setReadOnlyOffset(0)
    setArchivedOffset(0)
  }

  return (
    <>
      <PageHeader
        title={t('team.title')}
        subtitle={t('team.subtitle')}
        extra={
          cycles.length > 1 ? (
            <Select
              aria-label={t('team.cycleFilter')}
              allowClear
              placeholder={t('team.allCycles')}
              style={{ minWidth: 200 }}
              value={cycleId}
              onChange={chooseCycle}
              options={cycles.map((c) => ({ value: c.id, label: c.name }))}
            />
          ) : null
        }
      />
      {user.employeeId === null ? (
        <Result status="info" title={t('team.noEmployee')} />
      ) : queue.isPending ? (
        <Skeleton active />
      ) : queue.isError ? (
        <Alert type="error" showIcon title={describeError(t, queue.error)} />
      ) : (
        <Flex vertical gap={12}>
          <Card
            size="small"
            title={t('team.toReview', { n: toReview.filter((s) => s.waitingOnMe).length })}
            data-testid="team-queue"
          >
            <QueueList rows={open} mine today={today} />
          </Card>
          {(data?.readOnlyTotal ?? 0) > 0 ? (
            <Card size="small" title={t('team.readOnly')} data-testid="team-read-only">
              <QueueList
                rows={indirect}
                mine={false}
                today={today}
                paging={{
                  offset: readOnlyOffset,
                  total: data?.readOnlyTotal ?? 0,
                  onChange: setReadOnlyOffset,
                }}
              />
            </Card>
          ) : null}
          {(data?.archivedTotal ?? 0) > 0 ? (
            <Collapse
              size="small"
              items={[
                {
                  key: 'archived',
                  label: t('team.archived', { n: data?.archivedTotal ?? 0 }),
                  children: (
                    <QueueList
                      rows={archived}
                      mine={false}
                      today={today}
                      paging={{
                        offset: archivedOffset,
                        total: data?.archivedTotal ?? 0,
                        onChange: setArchivedOffset,
                      }}
                    />
                  ),
                },
              ]}
            />
          ) : null}
        </Flex>
      )}
    </>
  )
}
