import { PrinterOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Spin, Table, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { MyDashboard as MyData } from '../../../../contracts/dashboards.ts'
import { formatValue } from '../../sheets/format-value.ts'
import { useMyDashboard } from '../api/get-my-dashboard.ts'
import { radarAxes, radarOption, trendOption } from '../chart-options.ts'
import { gradeName } from '../grade-name.ts'
import { ChartCard } from './chart-card.tsx'
import { DashboardFilters } from './dashboard-filters.tsx'
import { useNumberParam } from './use-number-param.ts'

const show = (v: number | null | undefined) => formatValue(v)

// One employee's dashboard: total over periods, dimensions against the team median, every indicator's result.
export function MyDashboard({ hasEmployee }: { hasEmployee: boolean }) {
  const { t, i18n } = useTranslation()
  const [cycleId, setCycleId] = useNumberParam('cycleId')
  const [employeeId] = useNumberParam('employeeId')
  const query = useMyDashboard({ cycleId, employeeId }, hasEmployee || employeeId !== undefined)
  const data = query.data
  const language = i18n.language

  const charts = useMemo(() => {
    if (!data) return null
    return {
      trend: trendOption(
        data.trend.map((p) => p.name),
        [{ name: t('dashboards.me.total'), values: data.trend.map((p) => p.total) }],
      ),
      radar: (() => {
        const shares = radarAxes(
          data.dimensions,
          data.indicators.map((i) => ({
            name: i.name,
            percent: i.maxPoints > 0 ? Math.round((i.points * 10000) / i.maxPoints) / 100 : null,
            teamMedian: i.teamMedian,
          })),
        ).axes
        return radarOption(
          shares.map((a) => a.name),
          [
            { name: t('dashboards.me.mine'), values: shares.map((a) => a.percent) },
            ...(shares.some((a) => a.teamMedian !== null)
              ? [{ name: t('dashboards.me.teamMedian'), values: shares.map((a) => a.teamMedian) }]
              : []),
          ],
        )
      })(),
    }
  }, [data, t])

  if (!hasEmployee && employeeId === undefined) return <Empty description={t('dashboards.me.noEmployee')} />
  const sheet = data?.sheet
  return (
    <>
      <DashboardFilters cycleId={cycleId} onCycle={setCycleId} />
      {query.isError ? <Alert type="error" showIcon title={t('dashboards.loadFailed')} /> : null}
      {query.isPending ? <Spin style={{ display: 'block', padding: 48 }} /> : null}
      {data && !data.cycle ? <Empty description={t('dashboards.noCycle')} /> : null}
      {data?.cycle && charts ? (
        <div data-testid="my-dashboard">
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={{ xs: 2, md: 5 }}
              items={[
                { key: 'name', label: t('dashboards.team.employee'), children: data.employee.name },
                { key: 'cycle', label: t('dashboards.filters.cycle'), children: data.cycle.name },
                {
                  key: 'total',
                  label: t('dashboards.me.total'),
                  children: <Typography.Text strong>{show(sheet?.total ?? null)}</Typography.Text>,
                },
                {
                  key: 'grade',
                  label: t('dashboards.me.grade'),
                  children: sheet?.grade ? gradeName(t, language, sheet.grade, sheet.gradeLabel) : '—',
                },
                {
                  key: 'coefficient',
                  label: t('dashboards.me.coefficient'),
                  children: show(sheet?.coefficient ?? null),
                },
              ]}
            />
            {sheet ? (
              <Link to={`/sheets/${sheet.id}/print`} className="jixiao-no-print">
                <Button size="small" icon={<PrinterOutlined />}>
                  {t('dashboards.me.printSheet')}
                </Button>
              </Link>
            ) : null}
          </Card>
          {sheet && sheet.total === null ? (
            <Alert type="info" showIcon title={t('dashboards.me.notScored')} style={{ marginBottom: 12 }} />
          ) : null}
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t('dashboards.me.trend')}
                option={charts.trend}
                empty={data.trend.length === 0}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t('dashboards.me.radar')}
                option={charts.radar}
                empty={data.dimensions.length === 0}
                extra={
                  data.dimensions.length > 0 && data.indicators.every((i) => i.teamMedian === null) ? (
                    <Typography.Text type="secondary">{t('dashboards.me.medianHidden')}</Typography.Text>
                  ) : null
                }
              />
            </Col>
            <Col xs={24}>
              <Card size="small" className="jixiao-dashboard-card" title={t('dashboards.me.indicators')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={data.indicators}
                  columns={[
                    { title: t('dashboards.me.dimension'), dataIndex: 'dimension' },
                    { title: t('dashboards.me.indicator'), dataIndex: 'name' },
                    {
                      title: t('dashboards.me.actual'),
                      key: 'actual',
                      align: 'right',
                      render: (_: unknown, i: MyData['indicators'][number]) =>
                        formatValue(i.actual, i.unit ?? undefined),
                    },
                    {
                      title: t('dashboards.me.target'),
                      key: 'target',
                      align: 'right',
                      render: (_: unknown, i: MyData['indicators'][number]) =>
                        formatValue(i.target, i.unit ?? undefined),
                    },
                    {
                      title: t('dashboards.me.points'),
                      key: 'points',
                      align: 'right',
                      render: (_: unknown, i: MyData['indicators'][number]) =>
                        `${show(i.points)} / ${show(i.maxPoints)}`,
                    },
                    {
                      title: t('dashboards.me.explanation'),
                      dataIndex: 'explanation',
                      render: (e: MyData['indicators'][number]['explanation']) =>
                        e ? (language === 'en' ? e.en : e['zh-CN']) : '—',
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
