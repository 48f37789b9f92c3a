// Checks a template the way a manager reads it: budgets that add up, bands without overlaps or gaps, formulas
// that name known things, caps above floors, weights that sum to 1. Each issue says where (dimension, indicator,
// field) and what is wrong, in zh-CN and en. An empty list means the template can be used.
import { checkFormula } from '../formula/compile-formula.ts'
import { findMetric } from '../metrics/catalogue.ts'
import { standardFormulaVariables } from '../scoring/score-indicator.ts'
import type { Band, CoefficientBand, GradeBand, Indicator, Rule, Template } from './template.ts'

export type TemplateIssue = {
  /** JSON-style path, e.g. "dimensions[1].indicators[0].rule.bands[2].min". */
  path: string
  /** Stable code of the check, e.g. 'budget_mismatch', 'band_overlap'. */
  code: TemplateIssueCode
  message: { 'zh-CN': string; en: string }
}

export type TemplateIssueCode =
  | 'duplicate_key'
  | 'scale_budget_mismatch'
  | 'dimension_budget_mismatch'
  | 'negative_points'
  | 'band_overlap'
  | 'band_gap'
  | 'band_unreachable'
  | 'band_empty'
  | 'points_above_max'
  | 'unknown_level'
  | 'formula_invalid'
  | 'cap_below_floor'
  | 'min_above_max'
  | 'invalid_parameter'
  | 'target_required'
  | 'cap_required'
  | 'rater_weights_sum'
  | 'bands_out_of_order'

type Where = { path: string; zh: string; en: string }

const EPS = 1e-9
const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12))))

function bound(value: number | undefined, inclusive: boolean | undefined, side: 'min' | 'max'): string {
  if (value === undefined) return side === 'min' ? '(−∞' : '+∞)'
  if (side === 'min') return `${inclusive === false ? '(' : '['}${num(value)}`
  return `${num(value)}${inclusive === true ? ']' : ')'}`
}

/** "[200, 500]", "(500, +∞)": a band's bounds with inclusivity spelled out. */
export function formatBandBounds(band: Omit<Band, 'points'>): string {
  return `${bound(band.min, band.minInclusive, 'min')}, ${bound(band.max, band.maxInclusive, 'max')}`
}

type Interval = { index: number; band: Omit<Band, 'points'> }

/** Band lists read first-match; flag ranges that are empty, unreachable, overlapping or leave gaps. */
function checkBands(
  bands: readonly Omit<Band, 'points'>[],
  where: Where,
  field: string,
  out: TemplateIssue[],
): void {
  const push = (code: TemplateIssueCode, path: string, zh: string, en: string) =>
    out.push({ path, code, message: { 'zh-CN': `${where.zh}：${zh}`, en: `${where.en}: ${en}` } })
  bands.forEach((band, i) => {
    if (band.min !== undefined && band.max !== undefined) {
      const empty =
        band.min > band.max ||
        (band.min === band.max && (band.minInclusive === false || band.maxInclusive !== true))
      if (empty) {
        push(
          'band_empty',
          `${where.path}.${field}[${i}]`,
          `第 ${i + 1} 档 ${formatBandBounds(band)} 是空区间（下限不低于上限）`,
          `band ${i + 1} ${formatBandBounds(band)} is empty (its lower bound is not below its upper bound)`,
        )
      }
    }
  })
  // A staircase (every band bounded below only, except an optional last catch-all) is matched top down.
  const last = bands[bands.length - 1]
  const body = last && last.min === undefined ? bands.slice(0, -1) : bands
  if (body.length > 0 && body.every((b) => b.min !== undefined && b.max === undefined)) {
    for (let i = 1; i < body.length; i++) {
      const prev = body[i - 1]!
      const cur = body[i]!
      const shadowed =
        cur.min! > prev.min! ||
        (cur.min === prev.min && (prev.minInclusive !== false || cur.minInclusive === false))
      if (shadowed) {
        push(
          'band_unreachable',
          `${where.path}.${field}[${i}]`,
          `第 ${i + 1} 档 ${formatBandBounds(cur)} 永远用不上：第 ${i} 档 ${formatBandBounds(prev)} 已包含它（档位需从高到低排列）`,
          `band ${i + 1} ${formatBandBounds(cur)} can never apply: band ${i} ${formatBandBounds(prev)} already takes those values (list bands highest first)`,
        )
      }
    }
    if (last && last !== body[body.length - 1] && last.max !== undefined) {
      const lowest = body[body.length - 1]!
      checkPair(
        { index: bands.length - 1, band: last },
        { index: body.length - 1, band: lowest },
        where,
        field,
        push,
      )
    }
    return
  }
  // Explicit intervals: sort by lower bound and compare neighbours.
  const sorted: Interval[] = bands
    .map((band, index) => ({ index, band }))
    .sort((a, b) => (a.band.min ?? Number.NEGATIVE_INFINITY) - (b.band.min ?? Number.NEGATIVE_INFINITY))
  for (let i = 1; i < sorted.length; i++) checkPair(sorted[i - 1]!, sorted[i]!, where, field, push)
}

function checkPair(
  lower: Interval,
  upper: Interval,
  where: Where,
  field: string,
  push: (code: TemplateIssueCode, path: string, zh: string, en: string) => void,
): void {
  const hi = lower.band.max ?? Number.POSITIVE_INFINITY
  const hiInclusive = lower.band.maxInclusive === true
  const lo = upper.band.min ?? Number.NEGATIVE_INFINITY
  const loInclusive = upper.band.minInclusive !== false
  const a = `第 ${lower.index + 1} 档 ${formatBandBounds(lower.band)}`
  const b = `第 ${upper.index + 1} 档 ${formatBandBounds(upper.band)}`
  const aEn = `band ${lower.index + 1} ${formatBandBounds(lower.band)}`
  const bEn = `band ${upper.index + 1} ${formatBandBounds(upper.band)}`
  if (hi > lo || (hi === lo && hiInclusive && loInclusive)) {
    const at =
      hi === lo ? `在 ${num(lo)} 处` : `在 ${num(lo)}–${num(Math.min(hi, upper.band.max ?? hi))} 之间`
    const atEn =
      hi === lo ? `at ${num(lo)}` : `between ${num(lo)} and ${num(Math.min(hi, upper.band.max ?? hi))}`
    push(
      'band_overlap',
      `${where.path}.${field}[${upper.index}]`,
      `${a} 与 ${b} ${at}重叠`,
      `${aEn} and ${bEn} overlap ${atEn}`,
    )
  } else if (hi < lo || (hi === lo && !hiInclusive && !loInclusive)) {
    const gap = hi === lo ? `${num(lo)} 这个值` : `${num(hi)} 到 ${num(lo)} 之间的值`
    const gapEn = hi === lo ? `the value ${num(lo)}` : `values between ${num(hi)} and ${num(lo)}`
    push(
      'band_gap',
      `${where.path}.${field}[${upper.index}]`,
      `${a} 与 ${b} 之间有空档：${gap}不属于任何档`,
      `${aEn} and ${bEn} leave a gap: ${gapEn} fall in no band`,
    )
  }
}

function checkRule(
  rule: Rule,
  maxPoints: number | undefined,
  hasTarget: boolean,
  where: Where,
  out: TemplateIssue[],
): void {
  const push = (code: TemplateIssueCode, field: string, zh: string, en: string) =>
    out.push({
      path: `${where.path}.rule${field ? `.${field}` : ''}`,
      code,
      message: { 'zh-CN': `${where.zh}：${zh}`, en: `${where.en}: ${en}` },
    })
  const rulePath: Where = { ...where, path: `${where.path}.rule` }
  const aboveMax = (points: number, field: string) => {
    if (maxPoints !== undefined && points > maxPoints + EPS) {
      push(
        'points_above_max',
        field,
        `${field} 的 ${num(points)} 分超过本项满分 ${num(maxPoints)}`,
        `${field} gives ${num(points)} points, above the item maximum ${num(maxPoints)}`,
      )
    }
  }
  const positive = (value: number, field: string) => {
    if (!(value > 0))
      push(
        'invalid_parameter',
        field,
        `${field} 必须大于 0（现为 ${num(value)}）`,
        `${field} must be above 0 (is ${num(value)})`,
      )
  }
  switch (rule.shape) {
    case 'bands':
      if (rule.bands.length === 0)
        push('invalid_parameter', 'bands', '至少需要一个档位', 'needs at least one band')
      checkBands(rule.bands, rulePath, 'bands', out)
      rule.bands.forEach((b, i) => {
        if (b.points < 0)
          push(
            'negative_points',
            `bands[${i}].points`,
            `档位分值不能为负（${num(b.points)}）`,
            `band points cannot be negative (${num(b.points)})`,
          )
        if (rule.scale !== 'fraction_of_max') aboveMax(b.points, `bands[${i}].points`)
      })
      if (rule.basis === 'completion_rate' && !hasTarget) {
        push(
          'target_required',
          'basis',
          '按完成率评分需要设定目标值',
          'scoring on the completion rate needs a target',
        )
      }
      break
    case 'ratio_to_target':
      positive(rule.capRatio, 'capRatio')
      if (rule.floorRatio !== undefined && rule.floorRatio > rule.capRatio) {
        push(
          'cap_below_floor',
          'capRatio',
          `封顶比例 ${num(rule.capRatio)} 低于保底比例 ${num(rule.floorRatio)}`,
          `the cap ratio ${num(rule.capRatio)} is below the floor ratio ${num(rule.floorRatio)}`,
        )
      }
      if (rule.floorRatio !== undefined && rule.floorRatio < 0)
        push('invalid_parameter', 'floorRatio', '保底比例不能为负', 'the floor ratio cannot be negative')
      if (!hasTarget)
        push('target_required', '', '按目标比例评分需要设定目标值', 'a ratio to target needs a target')
      break
    case 'deduct_per_occurrence':
      positive(rule.perOccurrence, 'perOccurrence')
      if ((rule.freeOccurrences ?? 0) < 0)
        push(
          'invalid_parameter',
          'freeOccurrences',
          '免扣次数不能为负',
          'free occurrences cannot be negative',
        )
      if (maxPoints !== undefined && (rule.floor ?? 0) > maxPoints) {
        push(
          'cap_below_floor',
          'floor',
          `最低分 ${num(rule.floor!)} 高于满分 ${num(maxPoints)}`,
          `the floor ${num(rule.floor!)} is above the maximum ${num(maxPoints)}`,
        )
      }
      break
    case 'deduct_per_shortfall':
      positive(rule.unit, 'unit')
      positive(rule.pointsPerUnit, 'pointsPerUnit')
      if (maxPoints !== undefined && (rule.floor ?? 0) > maxPoints) {
        push(
          'cap_below_floor',
          'floor',
          `最低分 ${num(rule.floor!)} 高于满分 ${num(maxPoints)}`,
          `the floor ${num(rule.floor!)} is above the maximum ${num(maxPoints)}`,
        )
      }
      break
    case 'weighted_deductions': {
      if (rule.categories.length === 0)
        push('invalid_parameter', 'categories', '至少需要一个类别', 'needs at least one category')
      const seen = new Set<string>()
      rule.categories.forEach((c, i) => {
        if (seen.has(c.key))
          push(
            'duplicate_key',
            `categories[${i}].key`,
            `类别键「${c.key}」重复`,
            `category key "${c.key}" is used twice`,
          )
        seen.add(c.key)
        if (c.pointsEach < 0)
          push(
            'negative_points',
            `categories[${i}].pointsEach`,
            '每次扣分不能为负',
            'points per occurrence cannot be negative',
          )
      })
      if (maxPoints !== undefined && (rule.floor ?? 0) > maxPoints) {
        push(
          'cap_below_floor',
          'floor',
          `最低分 ${num(rule.floor!)} 高于满分 ${num(maxPoints)}`,
          `the floor ${num(rule.floor!)} is above the maximum ${num(maxPoints)}`,
        )
      }
      break
    }
    case 'bonus_per_occurrence':
      positive(rule.perOccurrence, 'perOccurrence')
      if (rule.cap !== undefined && rule.cap < 0)
        push('cap_below_floor', 'cap', `上限 ${num(rule.cap)} 低于 0`, `the cap ${num(rule.cap)} is below 0`)
      break
    case 'bonus_range':
    case 'discretionary':
      if (rule.min > rule.max)
        push(
          'min_above_max',
          'min',
          `下限 ${num(rule.min)} 高于上限 ${num(rule.max)}`,
          `the minimum ${num(rule.min)} is above the maximum ${num(rule.max)}`,
        )
      if (rule.min < 0)
        push(
          'negative_points',
          'min',
          `下限不能为负（${num(rule.min)}）`,
          `the minimum cannot be negative (${num(rule.min)})`,
        )
      aboveMax(rule.max, 'max')
      break
    case 'levels': {
      const codes = new Set<string>()
      rule.levels.forEach((l, i) => {
        if (codes.has(l.code))
          push(
            'duplicate_key',
            `levels[${i}].code`,
            `等级「${l.code}」重复`,
            `level "${l.code}" is listed twice`,
          )
        codes.add(l.code)
        if (l.points < 0)
          push(
            'negative_points',
            `levels[${i}].points`,
            '等级分值不能为负',
            'level points cannot be negative',
          )
        aboveMax(l.points, `levels[${i}].points`)
      })
      if (rule.thresholds) {
        rule.thresholds.forEach((t, i) => {
          if (!codes.has(t.level))
            push(
              'unknown_level',
              `thresholds[${i}].level`,
              `门槛指向不存在的等级「${t.level}」`,
              `threshold points to an unknown level "${t.level}"`,
            )
        })
        checkBands(
          rule.thresholds.map((t) => t.band),
          rulePath,
          'thresholds',
          out,
        )
      }
      break
    }
    case 'count_ladder': {
      const counts = new Set<number>()
      rule.steps.forEach((s, i) => {
        if (counts.has(s.count))
          push(
            'duplicate_key',
            `steps[${i}].count`,
            `次数 ${num(s.count)} 出现两次`,
            `count ${num(s.count)} is listed twice`,
          )
        counts.add(s.count)
        if (s.count < 0)
          push('invalid_parameter', `steps[${i}].count`, '次数不能为负', 'a count cannot be negative')
        if (s.points < 0)
          push('negative_points', `steps[${i}].points`, '分值不能为负', 'points cannot be negative')
        if (rule.scale !== 'fraction_of_max') aboveMax(s.points, `steps[${i}].points`)
      })
      if (rule.steps.length === 0)
        push('invalid_parameter', 'steps', '至少需要一级', 'needs at least one step')
      break
    }
    case 'formula': {
      const problems = checkFormula(rule.expression, [...standardFormulaVariables, ...(rule.variables ?? [])])
      for (const p of problems)
        push(
          'formula_invalid',
          'expression',
          `公式「${rule.expression}」：${p['zh-CN']}`,
          `formula "${rule.expression}": ${p.en}`,
        )
      if (
        rule.floorPoints !== undefined &&
        rule.capPoints !== undefined &&
        rule.capPoints < rule.floorPoints
      ) {
        push(
          'cap_below_floor',
          'capPoints',
          `上限 ${num(rule.capPoints)} 低于下限 ${num(rule.floorPoints)}`,
          `the cap ${num(rule.capPoints)} is below the floor ${num(rule.floorPoints)}`,
        )
      }
      break
    }
    case 'pass_fail':
    case 'veto':
      break
  }
}

function checkOrder<T extends { min: number }>(
  bands: readonly T[],
  path: string,
  zhName: string,
  enName: string,
  out: TemplateIssue[],
): void {
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.min >= bands[i - 1]!.min) {
      out.push({
        path: `${path}[${i}].min`,
        code: 'bands_out_of_order',
        message: {
          'zh-CN': `${zhName}须从高到低排列：第 ${i + 1} 档下限 ${num(bands[i]!.min)} 不低于第 ${i} 档的 ${num(bands[i - 1]!.min)}`,
          en: `${enName} must run highest first: band ${i + 1} starts at ${num(bands[i]!.min)}, not below band ${i}'s ${num(bands[i - 1]!.min)}`,
        },
      })
    }
  }
}

/** Every problem of a template, each naming where (dimension/indicator key and field) and why. */
export function validateTemplate(template: Template): TemplateIssue[] {
  const out: TemplateIssue[] = []
  const itemKeys = new Map<string, string>()
  const dimensionKeys = new Map<string, string>()
  const claim = (key: string, path: string, zhKind: string, enKind: string, keys = itemKeys) => {
    const previous = keys.get(key)
    if (previous !== undefined) {
      out.push({
        path,
        code: 'duplicate_key',
        message: {
          'zh-CN': `${zhKind}键「${key}」重复（已用于 ${previous}）`,
          en: `${enKind} key "${key}" is already used at ${previous}`,
        },
      })
    } else keys.set(key, path)
  }
  let budget = 0
  template.dimensions.forEach((dimension, d) => {
    const dPath = `dimensions[${d}]`
    const dZh = `维度「${dimension.name}」(${dimension.key})`
    const dEn = `dimension "${dimension.name}" (${dimension.key})`
    claim(dimension.key, dPath, '维度', 'dimension', dimensionKeys)
    budget += dimension.maxPoints
    let sum = 0
    dimension.indicators.forEach((indicator, i) => {
      const iPath = `${dPath}.indicators[${i}]`
      const where = {
        path: iPath,
        zh: `${dZh} › 指标「${indicator.name}」(${indicator.key})`,
        en: `${dEn} › indicator "${indicator.name}" (${indicator.key})`,
      }
      claim(indicator.key, iPath, '指标', 'indicator')
      sum += indicator.maxPoints
      if (indicator.maxPoints < 0) {
        out.push({
          path: `${iPath}.maxPoints`,
          code: 'negative_points',
          message: { 'zh-CN': `${where.zh}：满分不能为负`, en: `${where.en}: maxPoints cannot be negative` },
        })
      }
      const hasTarget = indicator.target.kind !== 'none'
      checkRule(indicator.rule, indicator.maxPoints, hasTarget, where, out)
      // The weekly samples (每周抽查) give a score on the row's scale: only a discretionary row can take it.
      if (indicator.dataSource.kind === 'sampling' && indicator.rule.shape !== 'discretionary')
        out.push({
          path: `${iPath}.dataSource`,
          code: 'invalid_parameter',
          message: {
            'zh-CN': `${where.zh}：数据来源为每周抽查时，计分方式须为酌情给分`,
            en: `${where.en}: the weekly samples can only feed a discretionary row`,
          },
        })
      checkHistoryAndOrganisation(indicator, where, out)
    })
    if (Math.abs(sum - dimension.maxPoints) > EPS) {
      out.push({
        path: `${dPath}.maxPoints`,
        code: 'dimension_budget_mismatch',
        message: {
          'zh-CN': `${dZh}：各指标满分合计 ${num(sum)}，与维度分值 ${num(dimension.maxPoints)} 不符`,
          en: `${dEn}: its indicators' maxPoints add up to ${num(sum)}, not the dimension's ${num(dimension.maxPoints)}`,
        },
      })
    }
  })
  if (template.scoring.scale === 'hundred' && Math.abs(budget - 100) > EPS) {
    out.push({
      path: 'dimensions',
      code: 'scale_budget_mismatch',
      message: {
        'zh-CN': `百分制模板的各维度分值合计应为 100，现为 ${num(budget)}`,
        en: `on the 100-point scale the dimension budgets must add up to 100; they add up to ${num(budget)}`,
      },
    })
  }
  template.adjustments.forEach((item, a) => {
    const path = `adjustments[${a}]`
    const kindZh = item.kind === 'bonus' ? '加分项' : '扣分项'
    const where = {
      path,
      zh: `${kindZh}「${item.name}」(${item.key})`,
      en: `${item.kind} item "${item.name}" (${item.key})`,
    }
    claim(item.key, path, kindZh, `${item.kind} item`)
    if (item.cap !== undefined && item.cap < 0) {
      out.push({
        path: `${path}.cap`,
        code: 'cap_below_floor',
        message: {
          'zh-CN': `${where.zh}：上限 ${num(item.cap)} 低于 0`,
          en: `${where.en}: the cap ${num(item.cap)} is below 0`,
        },
      })
    }
    const needsCap =
      item.rule.shape === 'ratio_to_target' ||
      item.rule.shape === 'pass_fail' ||
      (item.rule.shape === 'bands' && item.rule.scale === 'fraction_of_max') ||
      (item.rule.shape === 'count_ladder' && item.rule.scale === 'fraction_of_max')
    if (needsCap && item.cap === undefined) {
      out.push({
        path: `${path}.cap`,
        code: 'cap_required',
        message: {
          'zh-CN': `${where.zh}：此规则需要设定分值上限（cap）`,
          en: `${where.en}: this rule needs a cap (its full amount)`,
        },
      })
    }
    checkRule(item.rule, item.cap, true, where, out)
  })
  const weights = Object.entries(template.scoring.raterWeights) as [string, number | undefined][]
  let weightSum = 0
  for (const [role, w] of weights) {
    weightSum += w ?? 0
    if ((w ?? 0) < 0) {
      out.push({
        path: `scoring.raterWeights.${role}`,
        code: 'invalid_parameter',
        message: { 'zh-CN': `评分人权重 ${role} 不能为负`, en: `rater weight ${role} cannot be negative` },
      })
    }
  }
  if (Math.abs(weightSum - 1) > 1e-6) {
    const list = weights.map(([r, w]) => `${r} ${num(w ?? 0)}`).join(' + ') || '—'
    out.push({
      path: 'scoring.raterWeights',
      code: 'rater_weights_sum',
      message: {
        'zh-CN': `评分人权重合计应为 1，现为 ${list} = ${num(weightSum)}`,
        en: `rater weights must add up to 1: ${list} = ${num(weightSum)}`,
      },
    })
  }
  checkOrder<GradeBand>(template.scoring.grades, 'scoring.grades', '等级档位', 'grade bands', out)
  checkOrder<CoefficientBand>(
    template.scoring.coefficients,
    'scoring.coefficients',
    '绩效系数档位',
    'coefficient bands',
    out,
  )
  const grades = new Set<string>()
  template.scoring.grades.forEach((g, i) => {
    if (grades.has(g.grade)) {
      out.push({
        path: `scoring.grades[${i}].grade`,
        code: 'duplicate_key',
        message: { 'zh-CN': `等级「${g.grade}」重复`, en: `grade "${g.grade}" is listed twice` },
      })
    }
    grades.add(g.grade)
  })
  template.scoring.coefficients.forEach((c, i) => {
    if (c.coefficient < 0) {
      out.push({
        path: `scoring.coefficients[${i}].coefficient`,
        code: 'invalid_parameter',
        message: { 'zh-CN': '绩效系数不能为负', en: 'a coefficient cannot be negative' },
      })
    }
  })
  if (template.scoring.bonusCap !== undefined && template.scoring.bonusCap < 0) {
    out.push({
      path: 'scoring.bonusCap',
      code: 'cap_below_floor',
      message: { 'zh-CN': '加分合计上限不能低于 0', en: 'the bonus cap cannot be below 0' },
    })
  }
  return out
}

const tenureBandKeys = ['over_6_months', 'over_1_year', 'over_2_years']

/** A target from history names a catalogue metric, a factor above 0 and, for an average, 2–24 periods; leavers by tenure feed the tenure bands. */
function checkHistoryAndOrganisation(indicator: Indicator, where: Where, out: TemplateIssue[]): void {
  const push = (field: string, zh: string, en: string) =>
    out.push({
      path: `${where.path}.${field}`,
      code: 'invalid_parameter',
      message: { 'zh-CN': `${where.zh}：${zh}`, en: `${where.en}: ${en}` },
    })
  const target = indicator.target
  if (target.kind === 'derived') {
    if (!findMetric(target.metric))
      push(
        'target.metric',
        `历史目标所取的数据「${target.metric}」不在指标库中`,
        `the history target reads "${target.metric}", which is not in the metric catalogue`,
      )
    if (!(target.factor > 0))
      push('target.factor', '历史目标的系数必须大于 0', "the history target's factor must be above 0")
    if (target.from === 'last_periods_average') {
      const n = target.periods
      if (n === undefined || !Number.isInteger(n) || n < 2 || n > 24)
        push(
          'target.periods',
          '按最近几期平均时，期数须为 2–24 的整数',
          'an average of the last periods needs 2–24 periods',
        )
    }
  }
  if (indicator.dataSource.kind === 'organisation') {
    const rule = indicator.rule
    const keys = rule.shape === 'weighted_deductions' ? rule.categories.map((c) => c.key) : []
    if (rule.shape !== 'weighted_deductions' || !keys.every((k) => tenureBandKeys.includes(k)))
      push(
        'dataSource',
        '按离职人员工龄取数时，计分规则须为按类别扣分，类别为 6个月以上、一年以上、两年以上',
        'leavers by tenure need a weighted-deductions rule whose categories are the tenure bands (over 6 months, over a year, over two years)',
      )
  }
}
