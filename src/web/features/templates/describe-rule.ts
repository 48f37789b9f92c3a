import type { TFunction } from 'i18next'
import type { Band, Rule } from '../../../contracts/template.ts'
import { formatNumber as fmt, formatPercent } from './format-number.ts'

/** A band's bounds as "≥ 80,000 且 < 100,000" (percentages for completion-rate bands). */
export function describeBounds(t: TFunction, band: Omit<Band, 'points'>, percent: boolean): string {
  const show = (v: number) => (percent ? formatPercent(v) : fmt(v))
  const parts: string[] = []
  if (band.min !== undefined) parts.push(`${band.minInclusive === false ? '>' : '≥'} ${show(band.min)}`)
  if (band.max !== undefined) parts.push(`${band.maxInclusive === true ? '≤' : '<'} ${show(band.max)}`)
  return parts.length === 0
    ? t('templates.rule.summary.anyValue')
    : parts.join(t('templates.rule.summary.and'))
}

function floorText(t: TFunction, floor: number | undefined): string {
  if (floor === undefined || floor === 0) return t('templates.rule.summary.untilZero')
  return t('templates.rule.summary.floor', { floor: fmt(floor) })
}

// The 考核标准 column: a rule in one human-readable line, in the interface language.
export function describeRule(t: TFunction, rule: Rule, unit?: string): string {
  const sep = t('templates.rule.summary.separator')
  const u = (v: number) => (unit ? `${fmt(v)} ${unit}` : fmt(v))
  switch (rule.shape) {
    case 'bands': {
      const percent = rule.basis === 'completion_rate'
      const bands = rule.bands
        .map((band) =>
          t('templates.rule.summary.bandItem', {
            range: describeBounds(t, band, percent),
            points: fmt(band.points),
            label: band.label ? ` ${band.label}` : '',
          }),
        )
        .join(sep)
      return t(percent ? 'templates.rule.summary.bandsRate' : 'templates.rule.summary.bandsActual', {
        bands,
        scaled: rule.scale === 'fraction_of_max' ? t('templates.rule.summary.scaled') : '',
      })
    }
    case 'ratio_to_target': {
      const parts = [t('templates.rule.summary.ratio', { cap: formatPercent(rule.capRatio) })]
      if (rule.floorRatio !== undefined)
        parts.push(t('templates.rule.summary.ratioFloor', { floor: formatPercent(rule.floorRatio) }))
      if (rule.zeroBelowRatio !== undefined)
        parts.push(t('templates.rule.summary.ratioZeroBelow', { below: formatPercent(rule.zeroBelowRatio) }))
      return parts.join(sep)
    }
    case 'deduct_per_occurrence': {
      const parts = [t('templates.rule.summary.deductEach', { points: fmt(rule.perOccurrence) })]
      if (rule.freeOccurrences) parts.push(t('templates.rule.summary.free', { n: fmt(rule.freeOccurrences) }))
      parts.push(floorText(t, rule.floor))
      return parts.join(sep)
    }
    case 'deduct_per_shortfall':
      return [
        t('templates.rule.summary.shortfall', {
          threshold: u(rule.threshold),
          unit: u(rule.unit),
          points: fmt(rule.pointsPerUnit),
        }),
        t(
          rule.partialUnit === 'counts'
            ? 'templates.rule.summary.partialCounts'
            : 'templates.rule.summary.partialIgnored',
        ),
        floorText(t, rule.floor),
      ].join(sep)
    case 'weighted_deductions':
      return [
        t('templates.rule.summary.weighted', {
          categories: rule.categories
            .map((c) =>
              t('templates.rule.summary.categoryItem', { label: c.label, points: fmt(c.pointsEach) }),
            )
            .join(sep),
        }),
        floorText(t, rule.floor),
      ].join(sep)
    case 'bonus_per_occurrence':
      return rule.cap === undefined
        ? t('templates.rule.summary.bonusEach', { points: fmt(rule.perOccurrence) })
        : [
            t('templates.rule.summary.bonusEach', { points: fmt(rule.perOccurrence) }),
            t('templates.rule.summary.cap', { cap: fmt(rule.cap) }),
          ].join(sep)
    case 'bonus_range':
      return t('templates.rule.summary.bonusRange', { min: fmt(rule.min), max: fmt(rule.max) })
    case 'levels': {
      const levels = rule.levels
        .map((level) => {
          const threshold = rule.thresholds?.find((th) => th.level === level.code)
          const text = threshold
            ? describeBounds(t, threshold.band, false)
            : (level.description ?? (level.label && level.label !== level.code ? level.label : undefined))
          return t('templates.rule.summary.levelItem', {
            code: level.code,
            text: text ? t('templates.rule.summary.levelText', { text }) : '',
            points: fmt(level.points),
          })
        })
        .join(sep)
      return t(rule.thresholds ? 'templates.rule.summary.levelsDerived' : 'templates.rule.summary.levels', {
        levels,
      })
    }
    case 'count_ladder': {
      const steps = [...rule.steps]
        .sort((a, b) => a.count - b.count)
        .map((s) => t('templates.rule.summary.stepItem', { count: fmt(s.count), points: fmt(s.points) }))
        .join(sep)
      return t('templates.rule.summary.ladder', {
        steps,
        beyond: fmt(rule.beyond),
        scaled: rule.scale === 'fraction_of_max' ? t('templates.rule.summary.scaled') : '',
      })
    }
    case 'pass_fail':
      return rule.condition
        ? t('templates.rule.summary.passIf', {
            op: { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' }[rule.condition.op],
            value: u(rule.condition.value),
          })
        : t('templates.rule.summary.passDone')
    case 'veto':
      return t(
        rule.scope === 'total' ? 'templates.rule.summary.vetoTotal' : 'templates.rule.summary.vetoDimension',
      )
    case 'discretionary':
      return t('templates.rule.summary.discretionary', { min: fmt(rule.min), max: fmt(rule.max) })
    case 'formula':
      return t('templates.rule.summary.formula', { expression: rule.expression })
  }
}
