import { ArrowLeftOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { CalibrationSheet } from '../../../../contracts/cycles.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { allSheetsPath, sheetPath } from '../../../lib/sheet-links.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useCalibration } from '../api/get-calibration.ts'
import { useCycle } from '../api/get-cycle.ts'
import { CalibrateDialog } from './calibrate-dialog.tsx'
import { GradeQuotaCard } from './grade-quota-card.tsx'
import { QuotaExceptionDialog } from './quota-exception-dialog.tsx'
import { QuotaModeSwitch } from './quota-mode-switch.tsx'
import { type HistogramSeries, ScoreHistogram } from './score-histogram.tsx'

// 绩效校准: the score distribution by department, grade quotas (强制分布) with their violations, and the
// sheets HR may still adjust before sign-off (each adjustment needs a reason).
export function CalibrationPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const id = Number(useParams().id)
  const cycle = useCycle(id)
  const calibration = useCalibration(id)
  const [adjusting, setAdjusting] = useState<CalibrationSheet | undefined>()
  // The held department HR is recording an exception for (强制分布例外).
  const [excepting, setExcepting] = useState<{ departmentId: number | null } | undefined>()
  const canManageQuotas = ['hr', 'admin'].includes(useCurrentUser().role)
  const data = calibration.data
  const series = useMemo<HistogramSeries[]>(
    () =>
      (data?.departments ?? []).map((d) => ({
        name: d.departmentName ?? t('cycles.board.noDepartment'),
        distribution: d,
      })),
    [data, t],
  )
  const grade = (g: string | null) => (g ? t(`cycles.grades.${g}`, { defaultValue: g }) : '—')

  if (calibration.isError || cycle.isError)
    return (
      <Result
        status="error"
        title={t('cycles.loadFailed')}
        subTitle={describeError(t, calibration.error ?? cycle.error)}
      />
    )
  if (!data || !cycle.data) return <Skeleton active />
  const violating = new Set(data.violations.flatMap((v) => v.sheetIds))
  const departmentName = (departmentId: number | null) =>
    data.departments.find((d) => d.departmentId === departmentId)?.departmentName ??
    t('cycles.board.noDepartment')

  return (
    <>
      <PageHeader
        title={t('cycles.calibration.title', { name: cycle.data.name })}
        subtitle={t('cycles.calibration.subtitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/cycles/${id}`)}>
            {t('cycles.actions.toBoard')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('cycles.calibration.distribution')} size="small">
            <Flex gap={24} wrap style={{ marginBottom: 8 }}>
              <Statistic title={t('cycles.calibration.count')} value={data.company.count} />
              <Statistic title={t('cycles.calibration.mean')} value={data.company.mean ?? '—'} />
              <Statistic title={t('cycles.calibration.min')} value={data.company.min ?? '—'} />
              <Statistic title={t('cycles.calibration.max')} value={data.company.max ?? '—'} />
            </Flex>
            {data.company.count > 0 ? (
              <ScoreHistogram series={series} label={t('cycles.calibration.histogram')} />
            ) : (
              <Typography.Text type="secondary">{t('cycles.calibration.noScores')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <GradeQuotaCard cycle={cycle.data} />
          <Card title={t('cycles.calibration.violations')} size="small" style={{ marginTop: 16 }}>
            {canManageQuotas ? <QuotaModeSwitch cycleId={id} mode={data.quotaMode} /> : null}
            {data.violations.length === 0 ? (
              <Alert type="success" showIcon message={t('cycles.calibration.noViolations')} />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }} data-testid="quota-violations">
                {data.violations.map((v) => (
                  <Alert
                    key={`${v.scope}-${v.departmentId}-${v.grade}`}
                    type="warning"
                    showIcon
                    message={t('cycles.calibration.violation', {
                      scope:
                        v.scope === 'company'
                          ? t('cycles.calibration.company')
                          : departmentName(v.departmentId),
                      grade: grade(v.grade),
                      count: v.count,
                      size: v.groupSize,
                      allowed: v.allowed,
                      share: Math.round(v.maxShare * 100),
                    })}
                    description={v.held ? t('cycles.calibration.held') : undefined}
                    action={
                      v.held && canManageQuotas ? (
                        <Button
                          size="small"
                          onClick={() => setExcepting({ departmentId: v.departmentId })}
                          aria-label={t('cycles.calibration.recordExceptionFor', {
                            department: departmentName(v.departmentId),
                          })}
                        >
                          {t('cycles.calibration.recordException')}
                        </Button>
                      ) : undefined
                    }
                  />
                ))}
              </Space>
            )}
            {data.quotaExceptions.length > 0 ? (
              <section aria-labelledby="quota-exceptions-title" style={{ marginTop: 12 }}>
                <Typography.Text strong id="quota-exceptions-title">
                  {t('cycles.calibration.exceptions')}
                </Typography.Text>
                <ul style={{ paddingInlineStart: 20, margin: '4px 0 0' }}>
                  {data.quotaExceptions.map((e) => (
                    <li key={`${e.departmentId}-${e.recordedAt}`}>
                      <Typography.Text strong>{departmentName(e.departmentId)}</Typography.Text>{' '}
                      {t('cycles.calibration.exceptionBy', {
                        reason: e.reason,
                        by: e.recordedBy,
                        date: dayjs(e.recordedAt).format('YYYY-MM-DD'),
                      })}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('cycles.calibration.byDepartment')} size="small">
            <Table
              rowKey={(r) => String(r.departmentId)}
              size="small"
              pagination={false}
              dataSource={data.departments}
              columns={[
                {
                  title: t('cycles.board.department'),
                  key: 'name',
                  render: (_, r) => r.departmentName ?? t('cycles.board.noDepartment'),
                },
                { title: t('cycles.calibration.count'), dataIndex: 'count', align: 'right' },
                { title: t('cycles.calibration.mean'), dataIndex: 'mean', align: 'right' },
                { title: t('cycles.calibration.min'), dataIndex: 'min', align: 'right' },
                { title: t('cycles.calibration.max'), dataIndex: 'max', align: 'right' },
                {
                  title: t('cycles.calibration.grades'),
                  key: 'grades',
                  render: (_, r) => (
                    <Space wrap size={4}>
                      {Object.entries(r.grades).map(([g, n]) => (
                        <Tag key={g}>
                          {grade(g)} {n}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('cycles.calibration.sheets')} size="small">
            <Table<CalibrationSheet>
              rowKey="sheetId"
              size="small"
              dataSource={data.sheets}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 800 }}
              locale={{ emptyText: t('cycles.calibration.noScores') }}
              columns={[
                {
                  title: t('cycles.board.employee'),
                  key: 'employee',
                  render: (_, r) => <Link to={sheetPath(r.sheetId)}>{r.employeeName}</Link>,
                },
                {
                  title: t('cycles.board.department'),
                  key: 'department',
                  render: (_, r) =>
                    r.departmentId === null ? (
                      '—'
                    ) : (
                      <Link to={allSheetsPath(id, { departmentId: String(r.departmentId) })}>
                        {r.departmentName}
                      </Link>
                    ),
                },
                {
                  title: t('cycles.list.status'),
                  key: 'state',
                  render: (_, r) => t(`cycles.states.${r.state}`),
                },
                {
                  title: t('cycles.calibration.total'),
                  dataIndex: 'total',
                  align: 'right',
                  sorter: (a, b) => a.total - b.total,
                },
                {
                  title: t('cycles.calibration.grade'),
                  key: 'grade',
                  render: (_, r) => (
                    <Space size={4}>
                      {grade(r.grade)}
                      {violating.has(r.sheetId) ? (
                        <Tag color="orange">{t('cycles.calibration.overQuota')}</Tag>
                      ) : null}
                      {r.calibrated ? <Tag color="blue">{t('cycles.calibration.calibrated')}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  title: t('cycles.calibration.action'),
                  key: 'action',
                  render: (_, r) =>
                    r.calibratable ? (
                      <Button
                        size="small"
                        onClick={() => setAdjusting(r)}
                        aria-label={t('cycles.calibration.adjustFor', { name: r.employeeName })}
                      >
                        {t('cycles.calibration.adjust')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {adjusting ? <CalibrateDialog sheet={adjusting} onClose={() => setAdjusting(undefined)} /> : null}
      {excepting ? (
        <QuotaExceptionDialog
          cycleId={id}
          departmentId={excepting.departmentId}
          departmentName={departmentName(excepting.departmentId)}
          onClose={() => setExcepting(undefined)}
        />
      ) : null}
    </>
  )
}
