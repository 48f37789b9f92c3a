import { Alert, Card, DatePicker, Flex, InputNumber, Segmented, Select, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import type { MetricResult } from '../../../../contracts/ingest.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { type MetricGrouping, useMetric, useMetricCatalogue, useMetricSeries } from '../api/metric-queries.ts'
import { type PeriodKind, periodCode, periodKindOf, periodStart } from '../period-code.ts'
import { MetricLineChart } from './metric-line-chart.tsx'

const groupings: MetricGrouping[] = ['employee', 'team', 'shop', 'company']
const periodKinds: PeriodKind[] = ['date', 'week', 'month', 'quarter', 'year']

function defaultPeriod(): string {
  const d = new Date()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - 1)
  return d.toISOString().slice(0, 7)
}

// 指标浏览: pick a catalogue metric, the attribution (employee, team, shop, company) and a period (day, ISO week,
// month, quarter, year); the values with numerator and denominator (or why there is none), and a line chart over
// the periods up to it. The choice lives in the address, so a view can be shared.
export function MetricsPage() {
  const { t, i18n } = useTranslation()
  const zh = i18n.language.startsWith('zh')
  const [params, setParams] = useSearchParams()
  const metric = params.get('metric') ?? 'gmv'
  const by = (groupings as string[]).includes(params.get('by') ?? '')
    ? (params.get('by') as MetricGrouping)
    : 'shop'
  const period = params.get('period') ?? defaultPeriod()
  const count = Math.min(36, Math.max(1, Number(params.get('count') ?? 6) || 6))
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    next.set(key, value)
    setParams(next, { replace: true })
  }
  const start = periodStart(period)
  const periodValid = start !== null
  const kind = periodKindOf(period)

  const catalogue = useMetricCatalogue()
  const result = useMetric(metric, by, periodValid ? period : '')
  const series = useMetricSeries(metric, by, periodValid ? period : '', count)
  const definition = catalogue.data?.find((m) => m.key === metric)
  const text = (l: { zh: string; en: string }) => (zh ? l.zh : l.en)

  return (
    <div>
      <PageHeader title={t('metrics.title')} subtitle={t('metrics.subtitle')} />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex wrap gap={12} align="center">
            <Select
              showSearch
              aria-label={t('metrics.metric')}
              style={{ minWidth: 300 }}
              value={metric}
              optionFilterProp="label"
              loading={catalogue.isLoading}
              onChange={(v: string) => set('metric', v)}
              options={(catalogue.data ?? []).map((m) => ({
                value: m.key,
                label: `${text(m.label)} · ${m.key}`,
              }))}
            />
            <Segmented
              aria-label={t('metrics.by')}
              value={by}
              onChange={(v) => set('by', String(v))}
              options={groupings.map((g) => ({ value: g, label: t(`metrics.grouping.${g}`) }))}
            />
            <Segmented
              aria-label={t('metrics.periodKind')}
              value={kind}
              onChange={(v) =>
                set('period', periodCode(v as PeriodKind, start ?? dayjs().format('YYYY-MM-DD')))
              }
              options={periodKinds.map((k) => ({ value: k, label: t(`metrics.kind.${k}`) }))}
            />
            <DatePicker
              aria-label={t('metrics.period')}
              picker={kind}
              allowClear={false}
              value={start ? dayjs(start) : null}
              format={() => period}
              onChange={(d) => d && set('period', periodCode(kind, d.format('YYYY-MM-DD')))}
            />
            <span>{t('metrics.count')}</span>
            <InputNumber
              aria-label={t('metrics.count')}
              min={1}
              max={36}
              value={count}
              onChange={(v) => v && set('count', String(v))}
            />
          </Flex>
          {definition ? (
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              <Typography.Text strong>{text(definition.label)}</Typography.Text> = {text(definition.formula)}{' '}
              ({t(`metrics.unit.${definition.unit}`, { defaultValue: definition.unit })})
            </Typography.Paragraph>
          ) : null}
        </Card>

        {result.error ? <Alert type="error" showIcon message={describeError(t, result.error)} /> : null}
        {result.data?.reason ? <Alert type="warning" showIcon message={result.data.reason} /> : null}

        <Card size="small" title={t('metrics.values', { period: result.data?.period.label ?? period })}>
          <Table<MetricResult['values'][number]>
            size="small"
            rowKey="group"
            loading={result.isLoading}
            dataSource={result.data?.values ?? []}
            aria-label={t('metrics.values', { period: result.data?.period.label ?? period })}
            locale={{ emptyText: t('metrics.empty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t(`metrics.grouping.${by}`), dataIndex: 'label' },
              {
                title: t('metrics.value'),
                dataIndex: 'value',
                align: 'right',
                render: (v: string | null, r) =>
                  v === null ? (
                    <Typography.Text type="secondary">{`— ${r.reason ?? ''}`}</Typography.Text>
                  ) : (
                    formatValue(v, result.data?.unit)
                  ),
              },
              { title: t('metrics.numerator'), dataIndex: 'numerator', align: 'right' },
              { title: t('metrics.denominator'), dataIndex: 'denominator', align: 'right' },
              {
                title: t('metrics.imports'),
                dataIndex: 'imports',
                render: (ids: number[]) => ids.map((id) => `#${id}`).join(' '),
              },
            ]}
          />
        </Card>

        <Card size="small" title={t('metrics.chart', { count })}>
          {series.error ? <Alert type="error" showIcon message={describeError(t, series.error)} /> : null}
          {series.data && series.data.series.length > 0 ? (
            <MetricLineChart series={series.data} ariaLabel={t('metrics.chart', { count })} />
          ) : (
            <Typography.Text type="secondary">{series.isLoading ? '…' : t('metrics.empty')}</Typography.Text>
          )}
        </Card>
      </Flex>
    </div>
  )
}

function formatValue(value: string, unit: string | undefined): string {
  if (unit === 'rate') return `${(Number(value) * 100).toFixed(2)}%`
  if (unit === 'yuan') return `¥${Number(value).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`
  return value
}
