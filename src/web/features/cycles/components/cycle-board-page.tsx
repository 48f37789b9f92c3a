import {
  BarChartOutlined,
  CalculatorOutlined,
  ReloadOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { AppealSummary } from '../../../../contracts/appeals.ts'
import type { CycleComputation, CycleMove, OverdueStep } from '../../../../contracts/cycles.ts'
import { type Job, sheetStates } from '../../../../contracts/workflow.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { allSheetsPath, sheetPath } from '../../../lib/sheet-links.ts'
import { useComputeCycle } from '../api/compute-cycle.ts'
import { cycleQueryKeys } from '../api/cycle-query-keys.ts'
import { useCycleBoard } from '../api/get-cycle-board.ts'
import { describeJobFailure } from '../describe-job-failure.ts'
import { stageProgress } from '../stage-progress.ts'
import { CycleSettingsCard } from './cycle-settings-card.tsx'
import { HistoryTargetsButton } from './history-targets-button.tsx'
import { JobProgress } from './job-progress.tsx'

// The HR cycle board (周期看板): progress by stage and by department, how far computing got (已计算 X / Y, the
// sheets still to compute, a failed or interrupted job and 重新计算), overdue steps, open appeals, the compute
// job and the appeal-window settings.
export function CycleBoardPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const id = Number(useParams().id)
  const board = useCycleBoard(id)
  const compute = useComputeCycle()
  const [computeJob, setComputeJob] = useState<number | undefined>()

  if (board.isError)
    return <Result status="error" title={t('cycles.loadFailed')} subTitle={describeError(t, board.error)} />
  if (!board.data) return <Skeleton active />
  const { cycle, byState, departments, overdue, openAppeals, total, computation } = board.data
  const moves = board.data.moves ?? []
  const movedSheets = new Set(moves.map((m) => m.sheetId))

  const startCompute = () =>
    compute.mutate(id, {
      onSuccess: ({ jobId }) => setComputeJob(jobId),
      onError: (error) => message.error(describeError(t, error)),
    })
  const computed = (job: Job) => {
    void queryClient.invalidateQueries({ queryKey: cycleQueryKeys.all })
    if (job.status === 'succeeded')
      message.success(t('cycles.board.computed', { count: Number(job.result?.computed ?? job.done) }))
  }

  return (
    <>
      <PageHeader
        title={cycle.name}
        subtitle={`${t(`cycles.kinds.${cycle.kind}`)} · ${cycle.periodStart} – ${cycle.periodEnd} · ${t(`cycles.status.${cycle.status}`)}`}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => void board.refetch()}>
              {t('cycles.actions.refresh')}
            </Button>
            <Button icon={<UnorderedListOutlined />} onClick={() => navigate(allSheetsPath(id))}>
              {t('allSheets.open')}
            </Button>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('calibration')}>
              {t('cycles.actions.calibration')}
            </Button>
            <HistoryTargetsButton cycleId={id} />
            <Button
              type="primary"
              icon={<CalculatorOutlined />}
              loading={compute.isPending}
              onClick={startCompute}
            >
              {t('cycles.actions.compute')}
            </Button>
          </Space>
        }
      />
      {computeJob !== undefined ? (
        <Card size="small" title={t('cycles.board.computeJob')} style={{ marginBottom: 16 }}>
          <JobProgress jobId={computeJob} onFinished={computed} />
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <ComputationCard
            computation={computation}
            computing={compute.isPending}
            onRecompute={startCompute}
          />
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('cycles.board.byStage')} size="small">
            <Flex gap={24} wrap style={{ marginBottom: 12 }}>
              <Link to={allSheetsPath(id)}>
                <Statistic title={t('cycles.board.total')} value={total} />
              </Link>
              <Link to={allSheetsPath(id, { overdue: 'true' })}>
                <Statistic title={t('cycles.board.overdue')} value={overdue.length} />
              </Link>
              <Link to={allSheetsPath(id, { hasAppeal: 'true' })}>
                <Statistic title={t('cycles.board.openAppeals')} value={openAppeals.length} />
              </Link>
              <Link to={allSheetsPath(id, { state: 'final' })}>
                <Statistic title={t('cycles.states.final')} value={byState.final ?? 0} />
              </Link>
            </Flex>
            <div data-testid="stage-progress">
              {stageProgress(byState, total).map((s) => (
                <Flex key={s.state} align="center" gap={12}>
                  <Typography.Text style={{ width: 140, flex: 'none' }}>
                    {t(`cycles.states.${s.state}`)}
                  </Typography.Text>
                  <Link to={allSheetsPath(id, { state: s.state })} aria-label={t(`cycles.states.${s.state}`)}>
                    <Tag style={{ width: 40, textAlign: 'center' }}>{s.count}</Tag>
                  </Link>
                  <Progress percent={s.reachedPercent} size="small" style={{ margin: 0 }} />
                </Flex>
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <CycleSettingsCard cycle={cycle} />
          <Card title={t('cycles.board.deadlines')} size="small" style={{ marginTop: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={Object.entries(cycle.deadlines)
                .sort(([, a], [, b]) => a.localeCompare(b))
                .map(([step, date]) => ({
                  key: step,
                  label: t(`cycles.steps.${step}`, { defaultValue: step }),
                  children: date,
                }))}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('cycles.board.byDepartment')} size="small">
            <Table
              rowKey={(r) => String(r.departmentId)}
              size="small"
              pagination={false}
              dataSource={departments}
              scroll={{ x: 700 }}
              columns={[
                {
                  title: t('cycles.board.department'),
                  key: 'name',
                  render: (_, r) =>
                    r.departmentId === null ? (
                      t('cycles.board.noDepartment')
                    ) : (
                      <Link to={allSheetsPath(id, { departmentId: String(r.departmentId) })}>
                        {r.departmentName}
                      </Link>
                    ),
                },
                { title: t('cycles.board.total'), dataIndex: 'total', align: 'right', width: 80 },
                {
                  title: t('cycles.board.states'),
                  key: 'states',
                  render: (_, r) => (
                    <Space wrap size={4}>
                      {sheetStates
                        .filter((s) => (r.byState[s] ?? 0) > 0)
                        .map((s) => (
                          <Link
                            key={s}
                            to={allSheetsPath(id, {
                              state: s,
                              departmentId: r.departmentId === null ? undefined : String(r.departmentId),
                            })}
                          >
                            <Tag>
                              {t(`cycles.states.${s}`)} {r.byState[s]}
                            </Tag>
                          </Link>
                        ))}
                    </Space>
                  ),
                },
                {
                  title: t('cycles.board.scored'),
                  key: 'scored',
                  width: 200,
                  render: (_, r) => {
                    const scored = sheetStates
                      .slice(sheetStates.indexOf('computed'))
                      .reduce((n, s) => n + (r.byState[s] ?? 0), 0)
                    return (
                      <Progress percent={r.total ? Math.round((scored / r.total) * 100) : 0} size="small" />
                    )
                  },
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('cycles.board.overdueList')} size="small">
            <Table<OverdueStep>
              rowKey={(r) => `${r.sheetId}-${r.step}-${r.owedBy}`}
              size="small"
              dataSource={overdue}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('cycles.board.noOverdue') }}
              columns={[
                {
                  title: t('cycles.board.employee'),
                  key: 'employee',
                  render: (_, r) => (
                    <>
                      <Link to={sheetPath(r.sheetId)}>{r.employeeName}</Link>
                      {movedSheets.has(r.sheetId) ? (
                        <Tag color="purple" style={{ marginInlineStart: 6 }}>
                          {t('orgEdit.board.moved')}
                        </Tag>
                      ) : null}
                    </>
                  ),
                },
                {
                  title: t('cycles.board.department'),
                  key: 'department',
                  render: (_, r) => r.departmentName ?? '—',
                },
                {
                  title: t('cycles.board.step'),
                  key: 'step',
                  render: (_, r) =>
                    t(
                      `cycles.steps.${r.owedBy === 'hr' && r.step === 'supervisorReview' ? 'compute' : r.step}`,
                      {
                        defaultValue: r.stepName,
                      },
                    ),
                },
                {
                  title: t('cycles.board.owedBy'),
                  key: 'owedBy',
                  render: (_, r) =>
                    r.owedBy === 'reviewer' && r.reviewerName
                      ? `${t('cycles.parties.reviewer')}（${r.reviewerName}）`
                      : t(`cycles.parties.${r.owedBy}`, { defaultValue: r.owedBy }),
                },
                {
                  title: t('cycles.board.dueDate'),
                  dataIndex: 'dueDate',
                  render: (d: string) => <Typography.Text type="danger">{d}</Typography.Text>,
                },
              ]}
            />
          </Card>
        </Col>
        {moves.length > 0 ? (
          <Col xs={24}>
            <MovesCard moves={moves} />
          </Col>
        ) : null}
        <Col xs={24} lg={10}>
          <Card title={t('cycles.board.openAppeals')} size="small">
            <Table<AppealSummary>
              rowKey="id"
              size="small"
              dataSource={openAppeals}
              pagination={false}
              locale={{ emptyText: t('cycles.board.noAppeals') }}
              columns={[
                {
                  title: t('cycles.board.employee'),
                  key: 'employee',
                  render: (_, r) => <Link to={`/appeals/${r.id}`}>{r.employeeName}</Link>,
                },
                {
                  title: t('cycles.list.status'),
                  key: 'status',
                  render: (_, r) => t(`cycles.appealStatus.${r.status}`),
                },
                { title: t('cycles.board.handler'), key: 'handler', render: (_, r) => r.handlerName ?? '—' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  )
}

/** 调动: who moved department or manager since the cycle opened; the sheet stays where it was opened. */
function MovesCard({ moves }: { moves: CycleMove[] }) {
  const { t } = useTranslation()
  const none = t('common.none')
  return (
    <Card title={t('orgEdit.board.movesTitle')} size="small">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('orgEdit.board.movesHint')}
      </Typography.Paragraph>
      <Table<CycleMove>
        rowKey="sheetId"
        size="small"
        dataSource={moves}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 480 }}
        columns={[
          {
            title: t('cycles.board.employee'),
            key: 'employee',
            render: (_, m) => (
              <>
                {m.employeeName}
                <Tag color="purple" style={{ marginInlineStart: 6 }}>
                  {t('orgEdit.board.moved')}
                </Tag>
              </>
            ),
          },
          {
            title: t('orgEdit.board.department'),
            key: 'department',
            render: (_, m) =>
              m.departmentMoved ? `${m.fromDepartmentName ?? none} → ${m.toDepartmentName ?? none}` : '—',
          },
          {
            title: t('orgEdit.board.manager'),
            key: 'manager',
            render: (_, m) =>
              m.managerMoved ? `${m.fromManagerName ?? none} → ${m.toManagerName ?? none}` : '—',
          },
        ]}
      />
    </Card>
  )
}

/** 已计算 X / Y, the sheets still to compute and, when the last compute job failed (a restart), 重新计算. */
function ComputationCard({
  computation,
  computing,
  onRecompute,
}: {
  computation: CycleComputation
  computing: boolean
  onRecompute: () => void
}) {
  const { t } = useTranslation()
  const { computed, total, uncomputed, uncomputedCount, lastJob, held } = computation
  const failure = lastJob ? describeJobFailure(t, lastJob) : null
  return (
    <Card
      title={t('cycles.board.computation')}
      size="small"
      extra={
        failure && uncomputedCount > 0 ? (
          <Button icon={<CalculatorOutlined />} loading={computing} onClick={onRecompute}>
            {t('cycles.actions.recompute')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        <Flex align="center" gap={12}>
          <Typography.Text strong style={{ flex: 'none' }}>
            {t('cycles.board.computedOf', { computed, total })}
          </Typography.Text>
          <Progress
            percent={total ? Math.round((computed / total) * 100) : 0}
            size="small"
            style={{ margin: 0 }}
          />
        </Flex>
        {failure ? (
          <Alert type="warning" showIcon message={t('cycles.board.lastJobFailed')} description={failure} />
        ) : null}
        {held.length > 0 ? (
          // Sheets held by missing data (issue 16), by person and item: enter the data, then compute again.
          <Table<CycleComputation['held'][number]>
            rowKey="sheetId"
            size="small"
            dataSource={held}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            title={() => t('cycles.board.held', { count: held.length })}
            columns={[
              {
                title: t('cycles.board.employee'),
                key: 'employee',
                render: (_, r) => <Link to={sheetPath(r.sheetId)}>{r.employeeName}</Link>,
              },
              {
                title: t('cycles.board.department'),
                key: 'department',
                render: (_, r) => r.departmentName ?? '—',
              },
              {
                title: t('cycles.board.heldItems'),
                key: 'items',
                render: (_, r) => r.items.map((i) => i.name).join('、'),
              },
            ]}
          />
        ) : null}
        {uncomputedCount > 0 ? (
          <Table<CycleComputation['uncomputed'][number]>
            rowKey="sheetId"
            size="small"
            dataSource={uncomputed}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            title={() =>
              `${t('cycles.board.uncomputed', { count: uncomputedCount })}${
                uncomputedCount > uncomputed.length
                  ? ` · ${t('cycles.board.uncomputedMore', { shown: uncomputed.length })}`
                  : ''
              }`
            }
            columns={[
              {
                title: t('cycles.board.employee'),
                key: 'employee',
                render: (_, r) => <Link to={sheetPath(r.sheetId)}>{r.employeeName}</Link>,
              },
              {
                title: t('cycles.board.department'),
                key: 'department',
                render: (_, r) => r.departmentName ?? '—',
              },
              {
                title: t('cycles.parties.reviewer'),
                key: 'reviewer',
                render: (_, r) => r.reviewerName ?? '—',
              },
            ]}
          />
        ) : null}
      </Flex>
    </Card>
  )
}
