import { Alert, Card, Col, Empty, Row, Spin, Table, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { TeamDashboard as TeamData } from '../../../../contracts/dashboards.ts'
import { formatValue } from '../../sheets/format-value.ts'
import { useTeamDashboard } from '../api/get-team-dashboard.ts'
import { completionOption, membersOption, radarAxes, radarOption } from '../chart-options.ts'
import { gradeName } from '../grade-name.ts'
import { ChartCard } from './chart-card.tsx'
import { DashboardFilters } from './dashboard-filters.tsx'
import { SummaryStats } from './summary-stats.tsx'
import { useNumberParam } from './use-number-param.ts'

const defaultThreshold = 60
const formatNumber = (v: number | null) => formatValue(v)

// The team dashboard: dimension radar, indicators against targets, members' totals and who is below the line.
export function TeamDashboard({ withDepartments }: { withDepartments: boolean }) {
  const { t, i18n } = useTranslation()
  const [cycleId, setCycleId] = useNumberParam('cycleId')
  const [departmentId, setDepartmentId] = useNumberParam('departmentId')
  const [thresholdParam, setThreshold] = useNumberParam('threshold')
  const threshold = thresholdParam ?? defaultThreshold
  const query = useTeamDashboard({ cycleId, departmentId, threshold })
  const data = query.data

  const charts = useMemo(() => {
    if (!data) return null
    return {
      radar: (() => {
        const shares = radarAxes(
          data.dimensions,
          data.indicators.map((i) => ({
            name: i.name,
            percent:
              i.points !== null && i.maxPoints ? Math.round((i.points * 10000) / i.maxPoints) / 100 : null,
          })),
        ).axes
        return radarOption(
          shares.map((a) => a.name),
          [{ name: t('dashboards.team.teamAverage'), values: shares.map((a) => a.percent) }],
        )
      })(),
      completion: completionOption(data.indicators, t('dashboards.team.target')),
      members: membersOption(
        data.members.map((m) => ({ name: m.employeeName, total: m.total })),
        data.threshold,
        t('dashboards.team.thresholdLine', { threshold: data.threshold }),
      ),
    }
  }, [data, t])

  const memberColumns = [
    {
      title: t('dashboards.team.employee'),
      dataIndex: 'employeeName',
      render: (name: string, m: TeamData['members'][number]) => (
        <Link to={`/sheets/${m.sheetId}/print`}>{name}</Link>
      ),
    },
    { title: t('dashboards.hr.department'), dataIndex: 'departmentName' },
    { title: t('dashboards.team.total'), dataIndex: 'total', align: 'right' as const },
    {
      title: t('dashboards.team.grade'),
      dataIndex: 'grade',
      render: (g: string | null) => (g ? gradeName(t, i18n.language, g) : '—'),
    },
  ]

  return (
    <>
      <DashboardFilters
        cycleId={cycleId}
        onCycle={setCycleId}
        departmentId={departmentId}
        onDepartment={withDepartments ? setDepartmentId : undefined}
        threshold={threshold}
        onThreshold={setThreshold}
      />
      {query.isError ? <Alert type="error" showIcon title={t('dashboards.loadFailed')} /> : null}
      {query.isPending ? <Spin style={{ display: 'block', padding: 48 }} /> : null}
      {data && !data.cycle ? <Empty description={t('dashboards.noCycle')} /> : null}
      {data?.cycle && charts ? (
        <div data-testid="team-dashboard">
          <SummaryStats summary={data.summary} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <ChartCard
                title={t('dashboards.team.radar')}
                option={charts.radar}
                empty={data.dimensions.length < 1}
              />
            </Col>
            <Col xs={24} lg={14}>
              <ChartCard
                title={t('dashboards.team.completion')}
                option={charts.completion}
                empty={!data.indicators.some((i) => i.completion !== null)}
                height={Math.max(240, 40 + data.indicators.filter((i) => i.completion !== null).length * 32)}
              />
            </Col>
            <Col xs={24}>
              <ChartCard
                title={t('dashboards.team.members')}
                option={charts.members}
                empty={data.members.length === 0}
                extra={
                  data.membersTruncated ? (
                    <Typography.Text type="secondary">
                      {t('dashboards.team.membersTruncated', { count: data.members.length })}
                    </Typography.Text>
                  ) : null
                }
              />
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                className="jixiao-dashboard-card"
                title={t('dashboards.team.below', { threshold: data.threshold })}
              >
                <Table
                  size="small"
                  pagination={false}
                  rowKey="sheetId"
                  dataSource={data.belowThreshold}
                  columns={memberColumns}
                  locale={{ emptyText: t('dashboards.team.belowNone') }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" className="jixiao-dashboard-card" title={t('dashboards.team.indicators')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={data.indicators}
                  columns={[
                    { title: t('dashboards.team.indicator'), dataIndex: 'name' },
                    {
                      title: t('dashboards.team.actual'),
                      key: 'actual',
                      align: 'right',
                      render: (_: unknown, i: TeamData['indicators'][number]) =>
                        formatValue(i.actual, i.unit ?? undefined),
                    },
                    {
                      title: t('dashboards.team.targetValue'),
                      key: 'target',
                      align: 'right',
                      render: (_: unknown, i: TeamData['indicators'][number]) =>
                        formatValue(i.target, i.unit ?? undefined),
                    },
                    {
                      title: t('dashboards.team.completionRate'),
                      dataIndex: 'completion',
                      align: 'right',
                      render: (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`),
                    },
                    {
                      title: t('dashboards.team.points'),
                      key: 'points',
                      align: 'right',
                      render: (_: unknown, i: TeamData['indicators'][number]) =>
                        `${formatNumber(i.points)} / ${formatNumber(i.maxPoints)}`,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </div>
      ) : null}
    </>
  )
}
