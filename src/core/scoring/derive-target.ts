// Targets derived from history (002 T15: 目标值为上个月的日均UV*110%): a metric's earlier periods — the previous
// period's daily average or total, the same period a year earlier, the average of the last N periods — times a
// factor. The figures come from the caller (services read them from imported data); a missing figure leaves the
// target missing, never 0, and the derivation says which period had no data.
import { type Period, parsePeriod, periodDays, previousPeriod } from '../metrics/parse-period.ts'
import type { DerivedTarget } from '../templates/template.ts'
import { fmt, pct } from './explain-format.ts'
import { roundScore } from './round-score.ts'

/** An earlier period a derived target reads: its catalogue label ('2026-10') and its days. */
export type HistoryPeriod = { label: string; start: string; end: string; days: number }

/** One earlier period's figure: the total, and the daily average when the catalogue has its own (null = no data). */
export type HistoryFigure = HistoryPeriod & { total: number | null; dailyAverage?: number | null }

export type DerivationText = { 'zh-CN': string; 'zh-TW': string; en: string }

/** What is frozen on the sheet: the value (null when history is missing), the figures read and the derivation in words. */
export type FrozenDerivedTarget = {
  value: number | null
  metric: string
  from: DerivedTarget['from']
  factor: number
  figures: { label: string; value: number | null }[]
  explanation: DerivationText
}

const asPeriod = (p: Period): HistoryPeriod => ({
  label: p.label,
  start: p.start,
  end: p.end,
  days: periodDays(p),
})

/** The earlier periods a derived target reads for a cycle's period label ('2026-11', '2026-Q4', '2026'). */
export function historyPeriodsFor(target: DerivedTarget, periodLabel: string): HistoryPeriod[] {
  const period = parsePeriod(periodLabel)
  switch (target.from) {
    case 'previous_period_daily_average':
    case 'previous_period_total':
      return [asPeriod(previousPeriod(period))]
    case 'same_period_last_year': {
      const [year, rest] = [Number(period.label.slice(0, 4)), period.label.slice(4)]
      return [asPeriod(parsePeriod(`${year - 1}${rest}`))]
    }
    case 'last_periods_average': {
      const out: HistoryPeriod[] = []
      let p = period
      for (let i = 0; i < (target.periods ?? 3); i++) {
        p = previousPeriod(p)
        out.push(asPeriod(p))
      }
      return out.reverse()
    }
  }
}

const isDaily = (target: DerivedTarget) =>
  target.from === 'previous_period_daily_average' ||
  (target.perDay === true && target.from !== 'previous_period_total')

/** A figure as the target reads it: the daily average (the catalogue's own, else total ÷ days) or the total. */
function figureValue(target: DerivedTarget, figure: HistoryFigure): number | null {
  if (!isDaily(target)) return figure.total
  if (figure.dailyAverage !== undefined) return figure.dailyAverage
  if (figure.total === null || !(figure.days > 0)) return null
  return figure.total / figure.days
}

/** '2026-10' → 2026年10月 / October 2026; '2026-Q3' → 2026年第3季度 / 2026 Q3; '2026' → 2026年 / 2026. */
export function periodWords(label: string): DerivationText {
  const month = /^(\d{4})-(\d{2})$/.exec(label)
  if (month) {
    const en = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)).toLocaleString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    const zh = `${month[1]}年${Number(month[2])}月`
    return { 'zh-CN': zh, 'zh-TW': zh, en }
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label)
  if (quarter) {
    const zh = `${quarter[1]}年第${quarter[2]}季度`
    return { 'zh-CN': zh, 'zh-TW': zh, en: `${quarter[1]} Q${quarter[2]}` }
  }
  return { 'zh-CN': `${label}年`, 'zh-TW': `${label}年`, en: label }
}

/**
 * Derives a target from the figures of historyPeriodsFor, in order, with its derivation in words, e.g.
 * 「目标 = 2026年10月日均UV 100,586 × 110% = 110,644.6」. Any missing figure leaves the value null (missing).
 */
export function deriveTarget(
  target: DerivedTarget,
  figures: readonly HistoryFigure[],
  metricName: { zh: string; en: string },
): FrozenDerivedTarget {
  const values = figures.map((f) => ({ label: f.label, value: figureValue(target, f) }))
  const daily = isDaily(target)
  const name = {
    zh: daily ? `日均${metricName.zh}` : metricName.zh,
    zhTw: daily ? `日均${metricName.zh}` : metricName.zh,
    en: daily ? `daily average ${metricName.en}` : metricName.en,
  }
  const base = { metric: target.metric, from: target.from, factor: target.factor, figures: values }
  const missing = values.filter((v) => v.value === null)
  if (values.length === 0 || missing.length > 0) {
    const zh = missing.map((m) => periodWords(m.label)['zh-CN']).join('、')
    const en = missing.map((m) => periodWords(m.label).en).join(', ')
    return {
      ...base,
      value: null,
      explanation: {
        'zh-CN': `目标缺失：${zh}没有${name.zh}数据（缺失不按 0 计）`,
        'zh-TW': `目標缺失：${zh}沒有${name.zhTw}資料（缺失不按 0 計）`,
        en: `Target missing: no ${name.en} figures for ${en} (missing is not 0)`,
      },
    }
  }
  const present = values.map((v) => v.value as number)
  const basis = present.reduce((s, v) => s + v, 0) / present.length
  const value = roundScore(basis * target.factor)
  const factor = pct(target.factor)
  if (present.length === 1) {
    const when = periodWords(values[0]!.label)
    return {
      ...base,
      value,
      explanation: {
        'zh-CN': `目标 = ${when['zh-CN']}${name.zh} ${fmt(basis)} × ${factor} = ${fmt(value)}`,
        'zh-TW': `目標 = ${when['zh-TW']}${name.zhTw} ${fmt(basis)} × ${factor} = ${fmt(value)}`,
        en: `Target = ${name.en} of ${when.en} ${fmt(basis)} × ${factor} = ${fmt(value)}`,
      },
    }
  }
  const first = periodWords(values[0]!.label)
  const last = periodWords(values[values.length - 1]!.label)
  const list = present.map(fmt)
  return {
    ...base,
    value,
    explanation: {
      'zh-CN': `目标 = ${first['zh-CN']}至${last['zh-CN']}${name.zh}的平均值 (${list.join(' + ')}) ÷ ${present.length} = ${fmt(basis)}，× ${factor} = ${fmt(value)}`,
      'zh-TW': `目標 = ${first['zh-TW']}至${last['zh-TW']}${name.zhTw}的平均值 (${list.join(' + ')}) ÷ ${present.length} = ${fmt(basis)}，× ${factor} = ${fmt(value)}`,
      en: `Target = average ${name.en} of ${first.en} to ${last.en} (${list.join(' + ')}) ÷ ${present.length} = ${fmt(basis)}, × ${factor} = ${fmt(value)}`,
    },
  }
}
