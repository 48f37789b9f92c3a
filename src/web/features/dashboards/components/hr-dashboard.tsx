import { Alert, Card, Col, Empty, Row, Spin, Table } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { sheetStates } from '../../../../contracts/workflow.ts'
import { useHrDashboard } from '../api/get-hr-dashboard.ts'
import {
  gradeBarOption,
  gradesByDepartmentOption,
  histogramOption,
  stagesOption,
  trendOption,
} from '../chart-options.ts'
import { gradeName } from '../grade-name.ts'
import { ChartCard } from './chart-card.tsx'
import { DashboardFilters } from './dashboard-filters.tsx'
import { SummaryStats } from './summary-stats.tsx'
import { useNumberParam } from './use-number-param.ts'

// The company dashboard for HR and admin: grades, score histogram, stage progress, average over periods.
export function HrDashboard() {
  const { t, i18n } = useTranslation()
  const [cycleId, setCycleId] = useNumberParam('cycleId')
  const [departmentId, setDepartmentId] = useNumberParam('departmentId')
  const query = useHrDashboard({ cycleId, departmentId })
  const data = query.data

  const charts = useMemo(() => {
    if (!data) return null
    const count = t('dashboards.count')
    const grades = data.grades.map((g) => ({
      name: gradeName(t, i18n.language, g.grade, g.label),
      count: g.count,
    }))
    const departmentName = (name: string | null) => name ?? t('dashboards.hr.noDepartment')
    const stageOrder = (s: string) => sheetStates.indexOf(s as (typeof sheetStates)[number])
    return {
      grades: gradeBarOption(grades, count),
      byDepartment: gradesByDepartmentOption(
        data.departments.map((d) => ({
          name: departmentName(d.departmentName),
          grades: d.grades.map((g) => ({
            name: gradeName(t, i18n.language, g.grade, g.label),
            count: g.count,
          })),
        })),
        grades.map((g) => g.name),
      ),
      histogram: histogramOption(data.histogram, count),
      stages: stagesOption(
        [...data.stages]
          .sort((a, b) => stageOrder(a.state) - stageOrder(b.state))
          .map((s) => ({ name: t(`sheets.state.${s.state}`, { defaultValue: s.state }), count: s.count })),
        count,
      ),
      trend: trendOption(
        data.trend.map((p) => p.name),
        [{ name: t('dashboards.hr.average'), values: data.trend.map((p) => p.mean) }],
      ),
    }
  }, [data, t, i18n.language])

  return (
    <>
      <DashboardFilters
        cycleId={cycleId}
        onCycle={setCycleId}
        departmentId={departmentId}
        onDepartment={setDepartmentId}
      />
      {query.isError ? <Alert type="error" showIcon title={t('dashboards.loadFailed')} /> : null}
      {query.isPending ? <Spin style={{ display: 'block', padding: 48 }} /> : null}
      {data && !data.cycle ? <Empty description={t('dashboards.noCycle')} /> : null}
      {data?.cycle && charts ? (
        <div data-testid="hr-dashboard">
          <SummaryStats summary={data.summary} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t('dashboards.hr.grades')}
                option={charts.grades}
                empty={data.summary.scored === 0}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t('dashboards.hr.histogram')}
                option={charts.histogram}
                empty={data.summary.scored === 0}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t('dashboards.hr.stages')}
                option={charts.stages}
                empty={data.stages.length === 0}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t('dashboards.hr.trend')}
                option={charts.trend}
                empty={data.trend.length === 0}
              />
            </Col>
            <Col xs={24}>
              <ChartCard
                title={t('dashboards.hr.gradesByDepartment')}
                option={charts.byDepartment}
                empty={data.departments.length === 0}
                height={Math.max(200, 40 + data.departments.length * 36)}
              />
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('dashboards.hr.departmentTable')} className="jixiao-dashboard-card">
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(d) => String(d.departmentId)}
                  dataSource={data.departments}
                  columns={[
                    {
                      title: t('dashboards.hr.department'),
                      dataIndex: 'departmentName',
                      render: (name: string | null) => name ?? t('dashboards.hr.noDepartment'),
                    },
                    { title: t('dashboards.summary.scored'), dataIndex: 'count', align: 'right' },
                    { title: t('dashboards.summary.mean'), dataIndex: 'mean', align: 'right' },
                    ...data.grades.map((g) => ({
                      key: g.grade,
                      title: gradeName(t, i18n.language, g.grade, g.label),
                      align: 'right' as const,
                      render: (_: unknown, d: (typeof data.departments)[number]) =>
                        d.grades.find((x) => x.grade === g.grade)?.count ?? 0,
                    })),
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
