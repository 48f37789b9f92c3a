import { Card, Divider, Flex, Grid, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type {
  AgreedTargets,
  Explanation,
  Indicator,
  IndicatorScore,
  LeaverSource,
  MetricSource,
  SamplingSource,
  SheetScore,
  Template,
} from '../../../../contracts/sheets.ts'
import { describeRule } from '../../templates/describe-rule.ts'
import { formatNumber, formatValue } from '../format-value.ts'
import { LeaverSourceNote } from './leaver-source-note.tsx'
import { SamplingSourceNote } from './sampling-source-note.tsx'

export type IndicatorBreakdownProps = {
  template: Template
  /** The computed score; null before computing (targets and rules only). */
  score: SheetScore | null
  /** The agreed targets and weights of this sheet. */
  targets?: AgreedTargets | null
}

type Row = {
  key: string
  name: string
  unit?: string
  maxPoints: number
  target?: number
  rule: string
  score?: IndicatorScore
  source?: MetricSource
  /** Where the supervisor's part came from when the indicator is fed by the weekly samples (每周抽查). */
  sampling?: SamplingSource
  /** Who the turnover row counted from the organisation (002 T9). */
  leavers?: LeaverSource
}

/** An explanation in the interface language (the engine writes zh-CN and en). */
export function explain(text: Explanation | undefined, language: string): string {
  if (!text) return ''
  return language === 'en' ? text.en || text['zh-CN'] : text['zh-CN'] || text.en
}

function targetOf(indicator: Indicator, agreed: AgreedTargets | null | undefined): number | undefined {
  const own = agreed?.indicators?.[indicator.key]?.target
  if (own !== undefined) return own
  const t = indicator.target
  return t.kind === 'fixed' ? t.value : t.kind === 'per_employee' ? t.default : undefined
}

// Each indicator's weight, target, actual value, the rule applied and the points it gave with the engine's
// explanation, by dimension, then bonus/deduction items. A table on wide screens, one card per indicator on phones.
export function IndicatorBreakdown({ template, score, targets }: IndicatorBreakdownProps) {
  const { t, i18n } = useTranslation()
  const screens = Grid.useBreakpoint()
  const wide = screens.md ?? true
  const scored = new Map<string, IndicatorScore>()
  for (const d of score?.dimensions ?? []) for (const i of d.indicators) scored.set(i.key, i)

  const rowsOf = (indicators: Indicator[]): Row[] =>
    indicators.map((indicator) => {
      const s = scored.get(indicator.key)
      return {
        key: indicator.key,
        name: indicator.name,
        unit: indicator.unit,
        maxPoints: s?.maxPoints ?? targets?.indicators?.[indicator.key]?.weight ?? indicator.maxPoints,
        target: s?.target ?? targetOf(indicator, targets),
        rule: describeRule(t, indicator.rule, indicator.unit),
        score: s,
        source: score?.metricSources?.[indicator.key],
        sampling: score?.samplingSources?.[indicator.key],
        leavers: score?.leaverSources?.[indicator.key],
      }
    })

  const points = (row: Row) =>
    row.score ? (
      <Tag
        color={row.score.missing ? 'default' : row.score.vetoed ? 'red' : 'green'}
        data-testid={`indicator-points-${row.key}`}
      >
        {t('sheets.breakdown.points', {
          points: formatNumber(row.score.points),
          max: formatNumber(row.maxPoints),
        })}
      </Tag>
    ) : (
      <Tag data-testid={`indicator-points-${row.key}`}>
        {t('sheets.breakdown.maxOnly', { max: formatNumber(row.maxPoints) })}
      </Tag>
    )

  const actual = (row: Row) => (
    <Flex vertical gap={2}>
      <span>{formatValue(row.score?.actual, row.unit)}</span>
      {row.source?.used ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sheets.breakdown.fromImports', { ids: row.source.imports.join(', ') || '—' })}
        </Typography.Text>
      ) : null}
      {row.sampling ? <SamplingSourceNote source={row.sampling} indicatorKey={row.key} /> : null}
      {row.leavers ? <LeaverSourceNote source={row.leavers} indicatorKey={row.key} /> : null}
    </Flex>
  )

  const explanation = (row: Row) =>
    row.score ? (
      <Typography.Text style={{ fontSize: 12 }} data-testid={`indicator-explanation-${row.key}`}>
        {row.score.missing ? `${t('sheets.breakdown.missing')} ` : ''}
        {explain(row.score.explanation, i18n.language)}
      </Typography.Text>
    ) : null

  const renderRows = (rows: Row[]) =>
    wide ? (
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          {
            key: 'name',
            title: t('sheets.breakdown.indicator'),
            dataIndex: 'name',
            width: 140,
          },
          {
            key: 'target',
            title: t('sheets.breakdown.target'),
            width: 100,
            render: (_, row) => formatValue(row.target, row.unit),
          },
          { key: 'actual', title: t('sheets.breakdown.actual'), width: 130, render: (_, row) => actual(row) },
          {
            key: 'rule',
            title: t('sheets.breakdown.rule'),
            render: (_, row) => <span style={{ fontSize: 12 }}>{row.rule}</span>,
          },
          {
            key: 'points',
            title: t('sheets.breakdown.pointsColumn'),
            width: 110,
            render: (_, row) => points(row),
          },
          {
            key: 'explanation',
            title: t('sheets.breakdown.explanation'),
            render: (_, row) => explanation(row),
          },
        ]}
      />
    ) : (
      <Flex vertical gap={8}>
        {rows.map((row) => (
          <Card key={row.key} size="small" data-testid={`indicator-card-${row.key}`}>
            <Flex vertical gap={4}>
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong>{row.name}</Typography.Text>
                {points(row)}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.rule}
              </Typography.Text>
              <Flex wrap gap={16} style={{ fontSize: 13 }}>
                <span>
                  {t('sheets.breakdown.target')}：{formatValue(row.target, row.unit)}
                </span>
                <span>
                  {t('sheets.breakdown.actual')}：{formatValue(row.score?.actual, row.unit)}
                </span>
              </Flex>
              {row.source?.used ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sheets.breakdown.fromImports', { ids: row.source.imports.join(', ') || '—' })}
                </Typography.Text>
              ) : null}
              {row.sampling ? <SamplingSourceNote source={row.sampling} indicatorKey={row.key} /> : null}
              {row.leavers ? <LeaverSourceNote source={row.leavers} indicatorKey={row.key} /> : null}
              {explanation(row)}
            </Flex>
          </Card>
        ))}
      </Flex>
    )

  return (
    <div data-testid="indicator-breakdown">
      {template.dimensions.map((dimension) => {
        const subtotal = score?.dimensions.find((d) => d.key === dimension.key)
        return (
          <div key={dimension.key}>
            <Divider titlePlacement="start" style={{ marginBlock: 12 }}>
              <Flex gap={8} align="center" wrap>
                <span>{dimension.name}</span>
                <Tag color="blue">
                  {subtotal
                    ? t('sheets.breakdown.points', {
                        points: formatNumber(subtotal.points),
                        max: formatNumber(subtotal.maxPoints),
                      })
                    : t('sheets.breakdown.maxOnly', { max: formatNumber(dimension.maxPoints) })}
                </Tag>
                {subtotal?.vetoed ? <Tag color="red">{t('sheets.breakdown.vetoed')}</Tag> : null}
              </Flex>
            </Divider>
            {renderRows(rowsOf(dimension.indicators))}
          </div>
        )
      })}
      {template.adjustments.length > 0 ? (
        <>
          <Divider titlePlacement="start" style={{ marginBlock: 12 }}>
            {t('sheets.breakdown.adjustments')}
          </Divider>
          <Flex vertical gap={6}>
            {template.adjustments.map((item) => {
              const s = score?.adjustments.find((a) => a.key === item.key)
              return (
                <Flex key={item.key} vertical gap={2} data-testid={`adjustment-${item.key}`}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text>
                      {item.name}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {' '}
                        {describeRule(t, item.rule)}
                      </Typography.Text>
                    </Typography.Text>
                    <Tag color={s && s.points !== 0 ? (s.points > 0 ? 'green' : 'red') : 'default'}>
                      {s ? `${s.points > 0 ? '+' : ''}${formatNumber(s.points)}` : '—'}
                    </Tag>
                  </Flex>
                  {s && !s.missing ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {explain(s.explanation, i18n.language)}
                    </Typography.Text>
                  ) : null}
                </Flex>
              )
            })}
          </Flex>
        </>
      ) : null}
    </div>
  )
}
