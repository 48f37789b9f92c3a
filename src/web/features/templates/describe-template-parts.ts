import type { TFunction } from 'i18next'
import type { Assessor, DataSource, LocalizedText, Target } from '../../../contracts/template.ts'
import { formatUnitValue, unitOf } from '../../../contracts/unit-values.ts'
import { formatNumber } from './format-number.ts'

/** 考核人: the rater type, or the named department (财务部, 总经办 …). */
export function describeAssessor(t: TFunction, assessor: Assessor): string {
  if (assessor.department) return assessor.department
  return t(`templates.rater.${assessor.rater}`)
}

/** 数据来源: manual entry, or a catalogue metric (by its name when known) with whose figure counts. */
export function describeDataSource(t: TFunction, source: DataSource, metricName?: string): string {
  if (source.kind === 'manual') return t('templates.dataSource.manual')
  if (source.kind === 'sampling') return t('templates.dataSource.sampling')
  if (source.kind === 'organisation') return t('templates.dataSource.organisation')
  return t('templates.dataSource.metric', {
    metric: metricName ?? source.metric,
    attribution: t(`templates.dataSource.attribution.${source.attribution}`),
  })
}

/** The target column: a number, an agreed per-employee target, or a rule derived from history (R7). */
export function describeTarget(t: TFunction, target: Target, unit?: string, metricName?: string): string {
  const kind = unitOf(unit)
  // One formatter per unit (contracts/unit-values): % as 95%, money as ¥1,234.50, others with the template's word.
  const u = (v: number) =>
    kind === 'percent' || kind === 'money'
      ? formatUnitValue(v, kind)
      : unit
        ? `${formatNumber(v)} ${unit}`
        : formatNumber(v)
  switch (target.kind) {
    case 'none':
      return t('templates.target.none')
    case 'fixed':
      return u(target.value)
    case 'per_employee':
      return target.default === undefined
        ? t('templates.target.per_employee')
        : t('templates.target.perEmployeeDefault', { value: u(target.default) })
    case 'derived':
      return t('templates.target.derivedText', {
        metric: metricName ?? target.metric,
        from:
          target.from === 'last_periods_average'
            ? t('templates.target.lastPeriods', { count: target.periods ?? 3 })
            : t(`templates.target.from.${target.from}`),
        factor: formatNumber(target.factor),
      })
  }
}

/** A template's localized text in the interface language, falling back to zh-CN. */
export function pickText(text: LocalizedText, language: string): string {
  if (language === 'en') return text.en ?? text['zh-CN']
  if (language === 'zh-TW') return text['zh-TW'] ?? text['zh-CN']
  return text['zh-CN']
}
