// Scores one indicator (指标) under its declarative rule and says why, in zh-CN and en. Points are JS numbers
// (hot path: no decimal.js, and no strings unless `explain` is on), rounded once by roundScore.
import { type CompiledFormula, compileFormula, FormulaEvaluationError } from '../formula/compile-formula.ts'
import type { Band, Direction, Indicator, Rule, RuleShape, WhenMissing } from '../templates/template.ts'
import { whenMissingOf } from './default-when-missing.ts'
import {
  bandContains,
  describeBand,
  type Explanation,
  fmt,
  noExplanation,
  pct,
  withUnit,
} from './explain-format.ts'
import { roundScore } from './round-score.ts'
import { type ScoreMemo, scoredOnce } from './score-memo.ts'

export type { Explanation } from './explain-format.ts'

/** What a rule needs from the period: each shape reads only the fields it names. */
export type IndicatorInput = {
  /** Measured value (金额, 次数, UV …); also the count for count shapes when `occurrences` is absent. */
  actual?: number
  /** Target for this employee and period; overrides the template's target (and a shortfall threshold). */
  target?: number
  /** Occurrences (incidents, errors, bonus events) for per-occurrence shapes and the count ladder. */
  occurrences?: number
  /** Occurrences per category key for weighted deductions (e.g. leavers by tenure). */
  counts?: Readonly<Record<string, number>>
  /** Level code picked by the rater (A/B/C). */
  level?: string
  /** Score chosen by the assessor (discretionary, bonus range). */
  score?: number
  /** The assessor's comment (mandatory for discretionary scores). */
  comment?: string
  /** Done / not done for pass-fail without a condition. */
  passed?: boolean
  /** A veto (一票否决) event happened. */
  violated?: boolean
  /** Named formula variables. */
  variables?: Readonly<Record<string, number>>
}

export type IndicatorScore = {
  key: string
  points: number
  maxPoints: number
  actual?: number
  target?: number
  ruleShape: RuleShape
  /** Plain-language reason; empty strings when scored with `explain: false`. */
  explanation: Explanation
  vetoed?: 'dimension' | 'total'
  /** The input the rule needs was absent (or unusable): scored by the indicator's missing-data rule. */
  missing?: boolean
  /** The missing-data rule that applied (block, zero, full, exclude). */
  whenMissing?: WhenMissing
  /** Missing and declared 'block': the sheet cannot be computed until the input is entered. */
  held?: true
  /** Missing and declared 'exclude': left out, the dimension renormalised over the other indicators. */
  excluded?: true
  /** The input cannot be scored (e.g. a target ≤ 0 for a ratio): 0 points that are no result, shown as invalid. */
  invalid?: true
}

export type ScoreOptions = {
  /** Build explanations (default true); bulk scoring turns them off. */
  explain?: boolean
  /** A job's memo (createScoreMemo): equal inputs to one indicator are scored and explained once. */
  memo?: ScoreMemo
}

/** Variables every scoring formula may read, besides the rule's own `variables`. */
export const standardFormulaVariables = ['actual', 'target', 'max', 'completion', 'occurrences'] as const

// Compiled formulas are cached per rule object: a template version is immutable data, so each formula is
// compiled once per template version and dropped with it.
const formulaCache = new WeakMap<object, CompiledFormula>()

/** The compiled formula of a formula rule (compiled on first use, then cached with the template). */
export function compiledFormulaFor(rule: Extract<Rule, { shape: 'formula' }>): CompiledFormula {
  let compiled = formulaCache.get(rule)
  if (!compiled) {
    compiled = compileFormula(rule.expression, [...standardFormulaVariables, ...(rule.variables ?? [])])
    formulaCache.set(rule, compiled)
  }
  return compiled
}

/** The target that applies: the input's override, else a fixed or per-employee default from the template. */
export function resolveTarget(indicator: Indicator, input: IndicatorInput): number | undefined {
  if (input.target !== undefined) return input.target
  const target = indicator.target
  if (target.kind === 'fixed') return target.value
  if (target.kind === 'per_employee') return target.default
  return undefined
}

/**
 * Score one indicator. An absent input is `missing: true` and scored by the indicator's missing-data rule
 * (`whenMissing`: held, 0, full marks or left out, said in the explanation); zero points are a result, not an error.
 */
export function scoreIndicator(
  indicator: Indicator,
  input: IndicatorInput,
  options?: ScoreOptions,
): IndicatorScore {
  const explain = options?.explain !== false
  return scoredOnce(options?.memo?.indicators, indicator, input, explain, () =>
    scoreIndicatorOnce(indicator, input, explain),
  )
}

function scoreIndicatorOnce(indicator: Indicator, input: IndicatorInput, explain: boolean): IndicatorScore {
  let result = evaluateRule(
    indicator.rule,
    indicator.maxPoints,
    indicator.direction,
    indicator.unit,
    resolveTarget(indicator, input),
    input,
    explain,
  )
  let policy: WhenMissing | undefined
  if (result.lacking !== undefined) {
    policy = whenMissingOf(indicator)
    result = applyWhenMissing(policy, indicator.maxPoints, result.target, result.lacking, explain)
  }
  return {
    key: indicator.key,
    points: roundScore(result.points),
    maxPoints: indicator.maxPoints,
    actual: input.actual,
    target: result.target,
    ruleShape: indicator.rule.shape,
    explanation: result.explanation,
    vetoed: result.vetoed,
    missing: result.missing,
    ...(result.invalid ? { invalid: true as const } : {}),
    ...(policy ? { whenMissing: policy } : {}),
    ...(policy === 'block' ? { held: true as const } : {}),
    ...(policy === 'exclude' ? { excluded: true as const } : {}),
  }
}

/** What the missing-data rule makes of an absent input, said in plain words (never a silent 0). */
function applyWhenMissing(
  policy: WhenMissing,
  maxPoints: number,
  target: number | undefined,
  lacking: Lacking,
  explain: boolean,
): RuleResult {
  const points = policy === 'full' ? maxPoints : 0
  const result = ok(points, target, noExplanation, undefined, true, undefined, lacking)
  if (!explain) return result
  switch (policy) {
    case 'block':
      result.explanation = {
        'zh-CN': `缺少${lacking.zh}：按模板规定，本项须录入后才能计算，本表暂不计分`,
        en: `No ${lacking.en} was entered: the template says this item must be entered before the sheet is computed, so the sheet is held`,
      }
      break
    case 'zero':
      result.explanation = {
        'zh-CN': `缺少${lacking.zh}：按模板规定记 0 分`,
        en: `No ${lacking.en} was entered: the template says this scores 0`,
      }
      break
    case 'full':
      result.explanation = {
        'zh-CN': `缺少${lacking.zh}：按模板规定记满分 ${fmt(maxPoints)} 分（无记录即不扣分）`,
        en: `No ${lacking.en} was entered: the template says this scores full marks, ${fmt(maxPoints)} (nothing recorded, nothing off)`,
      }
      break
    case 'exclude':
      result.explanation = {
        'zh-CN': `缺少${lacking.zh}：按模板规定本项不计入，本维度按其余指标折算`,
        en: `No ${lacking.en} was entered: the template says this item is left out and the dimension is rescaled over the other indicators`,
      }
      break
  }
  return result
}

/** The input a rule lacked, in words ("实际值" / "actual value"). */
type Lacking = { zh: string; en: string }

type RuleResult = {
  points: number
  target: number | undefined
  explanation: Explanation
  vetoed: 'dimension' | 'total' | undefined
  missing: true | undefined
  invalid: true | undefined
  /** Set when the rule's input was absent: the indicator's missing-data rule decides the points. */
  lacking: Lacking | undefined
}

// Every rule result has the same fields in the same order (one hidden class keeps the hot path monomorphic).
function ok(
  points: number,
  target: number | undefined,
  explanation: Explanation,
  vetoed?: 'dimension' | 'total',
  missing?: true,
  invalid?: true,
  lacking?: Lacking,
): RuleResult {
  return { points, target, explanation, vetoed, missing, invalid, lacking }
}

/**
 * A target the rule cannot divide by (≤ 0): the indicator is not scored; the explanation says why, always, and the
 * result is marked invalid (and missing, so the sheet lists it) rather than passing for an earned 0.
 */
function invalidTarget(target: number): RuleResult {
  return ok(
    0,
    target,
    {
      'zh-CN': `目标值 ${fmt(target)} 无效：按目标比例计分需要大于 0 的目标值，本项无法计分（不是 0 分的成绩），请更正目标`,
      en: `Target ${fmt(target)} is invalid: scoring against a target needs a target above 0; this item cannot be scored (this is not an earned 0), correct the target`,
    },
    undefined,
    true,
    true,
  )
}

/** The rule's input is absent: the caller applies the missing-data rule (evaluateRule alone reads it as 0). */
function missingInput(target: number | undefined, explain: boolean, zh: string, en: string): RuleResult {
  return ok(
    0,
    target,
    explain ? { 'zh-CN': `缺少${zh}，记 0 分`, en: `No ${en} was entered: 0 points` } : noExplanation,
    undefined,
    true,
    undefined,
    { zh, en },
  )
}

const clamp = (value: number, low: number, high: number) => (value < low ? low : Math.min(value, high))

/** Evaluate a rule for an item worth `maxPoints` (shared by indicators and adjustment items). */
export function evaluateRule(
  rule: Rule,
  maxPoints: number,
  direction: Direction,
  unit: string | undefined,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  switch (rule.shape) {
    case 'bands':
      return scoreBands(rule, maxPoints, unit, target, input, explain)
    case 'ratio_to_target':
      return scoreRatio(rule, maxPoints, direction, unit, target, input, explain)
    case 'deduct_per_occurrence':
      return scoreDeductPerOccurrence(rule, maxPoints, target, input, explain)
    case 'deduct_per_shortfall':
      return scoreDeductPerShortfall(rule, maxPoints, direction, unit, target, input, explain)
    case 'weighted_deductions':
      return scoreWeightedDeductions(rule, maxPoints, target, input, explain)
    case 'bonus_per_occurrence':
      return scoreBonusPerOccurrence(rule, maxPoints, target, input, explain)
    case 'bonus_range':
      return scoreBonusRange(rule, target, input, explain)
    case 'levels':
      return scoreLevels(rule, maxPoints, unit, target, input, explain)
    case 'count_ladder':
      return scoreCountLadder(rule, maxPoints, target, input, explain)
    case 'pass_fail':
      return scorePassFail(rule, maxPoints, unit, target, input, explain)
    case 'veto':
      return scoreVeto(rule, maxPoints, target, input, explain)
    case 'discretionary':
      return scoreDiscretionary(rule, target, input, explain)
    case 'formula':
      return scoreFormula(rule, maxPoints, target, input, explain)
  }
}

/**
 * Bands: the first band (in template order) containing the basis value gives the points; no band → 0.
 * Basis 'actual' is the measured value; 'completion_rate' is actual/target as a fraction (1 = 100%).
 * With `scale: 'fraction_of_max'` band points are on their own scale (the highest band = full marks).
 */
function scoreBands(
  rule: Extract<Rule, { shape: 'bands' }>,
  maxPoints: number,
  unit: string | undefined,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const actual = input.actual
  if (actual === undefined) return missingInput(target, explain, '实际值', 'actual value')
  const byRate = rule.basis === 'completion_rate'
  if (byRate && target !== undefined && target < 0) return invalidTarget(target)
  if (byRate && (target === undefined || target === 0))
    return missingInput(target, explain, '目标值', 'target')
  const value = byRate ? actual / target! : actual
  let band: (typeof rule.bands)[number] | undefined
  for (const candidate of rule.bands) {
    if (bandContains(candidate, value)) {
      band = candidate
      break
    }
  }
  const raw = band ? band.points : 0
  let top = 0
  if (rule.scale === 'fraction_of_max') for (const b of rule.bands) if (b.points > top) top = b.points
  const points = rule.scale === 'fraction_of_max' ? (top > 0 ? (raw / top) * maxPoints : 0) : raw
  if (!explain) return ok(points, target, noExplanation)
  const basisZh = byRate
    ? `实际 ${withUnit(actual, unit)}，目标 ${withUnit(target!, unit)}，完成率 ${pct(value)}`
    : `实际 ${withUnit(actual, unit)}`
  const basisEn = byRate
    ? `Actual ${withUnit(actual, unit)} against target ${withUnit(target!, unit)}: completion ${pct(value)}`
    : `Actual ${withUnit(actual, unit)}`
  const scaled = rule.scale === 'fraction_of_max' && band
  const tailZh = scaled
    ? `${fmt(raw)}/${fmt(top)} × 满分 ${fmt(maxPoints)} = ${fmt(points)} 分`
    : `${fmt(points)} 分`
  const tailEn = scaled
    ? `${fmt(raw)}/${fmt(top)} × ${fmt(maxPoints)} max = ${fmt(points)} points`
    : `${fmt(points)} points`
  if (!band) {
    return ok(points, target, {
      'zh-CN': `${basisZh}，未达到任何档位 → 0 分（满分 ${fmt(maxPoints)}）`,
      en: `${basisEn} falls in no band → 0 points (max ${fmt(maxPoints)})`,
    })
  }
  const bounds = describeBand(band, byRate || unit === '%')
  const label = band.label ? `「${band.label}」` : ''
  return ok(points, target, {
    'zh-CN': `${basisZh}，落在 ${bounds['zh-CN']} 档${label} → ${tailZh}（满分 ${fmt(maxPoints)}）`,
    en: `${basisEn} is in the band ${bounds.en}${band.label ? ` (${band.label})` : ''} → ${tailEn} (max ${fmt(maxPoints)})`,
  })
}

/**
 * Ratio to target: r = actual/target (higher is better) or target/actual (lower is better); r below
 * `zeroBelowRatio` scores 0; otherwise points = maxPoints × r clamped to [floorRatio ?? 0, capRatio].
 */
function scoreRatio(
  rule: Extract<Rule, { shape: 'ratio_to_target' }>,
  maxPoints: number,
  direction: Direction,
  unit: string | undefined,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const actual = input.actual
  if (actual === undefined) return missingInput(target, explain, '实际值', 'actual value')
  if (target !== undefined && target <= 0) return invalidTarget(target)
  if (target === undefined) return missingInput(target, explain, '有效目标值', 'positive target')
  const lower = direction === 'lower_better'
  const ratio = lower ? (actual <= 0 ? rule.capRatio : target / actual) : actual / target
  const floorRatio = rule.floorRatio ?? 0
  const zeroed = rule.zeroBelowRatio !== undefined && ratio < rule.zeroBelowRatio
  const used = zeroed ? 0 : clamp(ratio, floorRatio, rule.capRatio)
  const points = maxPoints * used
  if (!explain) return ok(points, target, noExplanation)
  const formulaZh = lower ? '目标/实际' : '实际/目标'
  const formulaEn = lower ? 'target/actual' : 'actual/target'
  const head = {
    zh: `实际 ${withUnit(actual, unit)}，目标 ${withUnit(target, unit)}，${formulaZh} = ${pct(ratio)}`,
    en: `Actual ${withUnit(actual, unit)} against target ${withUnit(target, unit)}: ${formulaEn} = ${pct(ratio)}`,
  }
  if (zeroed) {
    return ok(0, target, {
      'zh-CN': `${head.zh}，低于 ${pct(rule.zeroBelowRatio!)} 不得分 → 0 分`,
      en: `${head.en}, below ${pct(rule.zeroBelowRatio!)} scores nothing → 0 points`,
    })
  }
  const noteZh =
    ratio > rule.capRatio
      ? `，封顶 ${pct(rule.capRatio)}`
      : ratio < floorRatio
        ? `，保底 ${pct(floorRatio)}`
        : ''
  const noteEn =
    ratio > rule.capRatio
      ? `, capped at ${pct(rule.capRatio)}`
      : ratio < floorRatio
        ? `, floor ${pct(floorRatio)}`
        : ''
  return ok(points, target, {
    'zh-CN': `${head.zh}${noteZh} → ${fmt(maxPoints)} × ${pct(used)} = ${fmt(points)} 分`,
    en: `${head.en}${noteEn} → ${fmt(maxPoints)} × ${pct(used)} = ${fmt(points)} points`,
  })
}

function floorNote(floor: number, hit: boolean): { zh: string; en: string } {
  if (!hit) return { zh: '', en: '' }
  return floor === 0
    ? { zh: '（扣完为止）', en: ' (deductions stop at zero, 扣完为止)' }
    : { zh: `（最低 ${fmt(floor)} 分）`, en: ` (floor ${fmt(floor)})` }
}

/** Deduction per occurrence: maxPoints − perOccurrence × max(0, n − freeOccurrences), never below `floor` (0). */
function scoreDeductPerOccurrence(
  rule: Extract<Rule, { shape: 'deduct_per_occurrence' }>,
  maxPoints: number,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const n = input.occurrences ?? input.actual
  if (n === undefined) return missingInput(target, explain, '发生次数', 'occurrence count')
  const free = rule.freeOccurrences ?? 0
  const floor = rule.floor ?? 0
  const counted = n > free ? n - free : 0
  const deducted = rule.perOccurrence * counted
  const points = Math.max(floor, maxPoints - deducted)
  if (!explain) return ok(points, target, noExplanation)
  const note = floorNote(floor, maxPoints - deducted < floor)
  const freeZh = free > 0 ? `（前 ${fmt(free)} 次不扣）` : ''
  const freeEn = free > 0 ? ` (the first ${fmt(free)} are free)` : ''
  return ok(points, target, {
    'zh-CN': `发生 ${fmt(n)} 次${freeZh} → 每次扣 ${fmt(rule.perOccurrence)} 分，扣 ${fmt(deducted)} 分，得 ${fmt(points)} 分${note.zh}（满分 ${fmt(maxPoints)}）`,
    en: `${fmt(n)} occurrence(s)${freeEn} → ${fmt(rule.perOccurrence)} off each, ${fmt(deducted)} off, ${fmt(points)} points${note.en} (max ${fmt(maxPoints)})`,
  })
}

/**
 * Deduction per unit of shortfall: when the actual misses the threshold (target override, else the rule's
 * threshold) by s — below it if higher is better, above it if lower is better — deduct pointsPerUnit × units,
 * units = ⌈s/unit⌉ if a partial unit counts, ⌊s/unit⌋ if ignored; never below `floor` (0).
 */
function scoreDeductPerShortfall(
  rule: Extract<Rule, { shape: 'deduct_per_shortfall' }>,
  maxPoints: number,
  direction: Direction,
  unit: string | undefined,
  _target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const actual = input.actual
  const threshold = input.target ?? rule.threshold
  if (actual === undefined) return missingInput(threshold, explain, '实际值', 'actual value')
  const lower = direction === 'lower_better'
  const shortfall = lower ? actual - threshold : threshold - actual
  const floor = rule.floor ?? 0
  if (shortfall <= 0) {
    if (!explain) return ok(maxPoints, threshold, noExplanation)
    return ok(maxPoints, threshold, {
      'zh-CN': `实际 ${withUnit(actual, unit)}，${lower ? '未超过' : '达到'}门槛 ${withUnit(threshold, unit)}，不扣分，得 ${fmt(maxPoints)} 分`,
      en: `Actual ${withUnit(actual, unit)} ${lower ? 'does not exceed' : 'meets'} the threshold ${withUnit(threshold, unit)}: nothing off, ${fmt(maxPoints)} points`,
    })
  }
  const exactUnits = shortfall / rule.unit
  // A quotient within binary noise of a whole number is that number, so 1,200/100 is exactly 12 units.
  const nearest = Math.round(exactUnits)
  const whole = Math.abs(exactUnits - nearest) <= 1e-9 * Math.max(nearest, 1)
  const units = whole
    ? nearest
    : rule.partialUnit === 'counts'
      ? Math.ceil(exactUnits)
      : Math.floor(exactUnits)
  const deducted = units * rule.pointsPerUnit
  const points = Math.max(floor, maxPoints - deducted)
  if (!explain) return ok(points, threshold, noExplanation)
  const note = floorNote(floor, maxPoints - deducted < floor)
  const partialZh =
    rule.partialUnit === 'counts'
      ? `不足 ${withUnit(rule.unit, unit)}按 ${withUnit(rule.unit, unit)}计`
      : `不足 ${withUnit(rule.unit, unit)}不计`
  const partialEn =
    rule.partialUnit === 'counts' ? 'a partial unit counts as a whole one' : 'a partial unit is ignored'
  return ok(points, threshold, {
    'zh-CN': `实际 ${withUnit(actual, unit)}，${lower ? '超过' : '低于'}门槛 ${withUnit(threshold, unit)}：差 ${withUnit(shortfall, unit)} → 按每 ${withUnit(rule.unit, unit)}扣 ${fmt(rule.pointsPerUnit)} 分（${partialZh}）计 ${fmt(units)} 个单位，扣 ${fmt(deducted)} 分，得 ${fmt(points)} 分${note.zh}`,
    en: `Actual ${withUnit(actual, unit)} is ${lower ? 'above' : 'below'} the threshold ${withUnit(threshold, unit)} by ${withUnit(shortfall, unit)} → ${fmt(rule.pointsPerUnit)} off per ${withUnit(rule.unit, unit)} (${partialEn}): ${fmt(units)} unit(s), ${fmt(deducted)} off, ${fmt(points)} points${note.en}`,
  })
}

/** Weighted deductions: maxPoints − Σ pointsEach × count per category, never below `floor` (0). */
function scoreWeightedDeductions(
  rule: Extract<Rule, { shape: 'weighted_deductions' }>,
  maxPoints: number,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const counts = input.counts
  if (counts === undefined) return missingInput(target, explain, '各类别次数', 'counts per category')
  let deducted = 0
  for (const category of rule.categories) deducted += (counts[category.key] ?? 0) * category.pointsEach
  const floor = rule.floor ?? 0
  const points = Math.max(floor, maxPoints - deducted)
  if (!explain) return ok(points, target, noExplanation)
  const parts = rule.categories.filter((c) => (counts[c.key] ?? 0) !== 0)
  const detail = parts.map((c) => `${c.label} ${fmt(counts[c.key]!)} × ${fmt(c.pointsEach)}`).join(' + ')
  const note = floorNote(floor, maxPoints - deducted < floor)
  if (parts.length === 0) {
    return ok(points, target, {
      'zh-CN': `各类别均未发生，不扣分，得 ${fmt(points)} 分`,
      en: `Nothing in any category: nothing off, ${fmt(points)} points`,
    })
  }
  return ok(points, target, {
    'zh-CN': `按类别扣分：${detail} = 扣 ${fmt(deducted)} 分，得 ${fmt(points)} 分${note.zh}（满分 ${fmt(maxPoints)}）`,
    en: `Deductions by category: ${detail} = ${fmt(deducted)} off, ${fmt(points)} points${note.en} (max ${fmt(maxPoints)})`,
  })
}

/** Bonus per occurrence: perOccurrence × n, capped at the rule's cap and at the item's maximum. */
function scoreBonusPerOccurrence(
  rule: Extract<Rule, { shape: 'bonus_per_occurrence' }>,
  maxPoints: number,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const n = input.occurrences ?? input.actual
  if (n === undefined) return missingInput(target, explain, '发生次数', 'occurrence count')
  const raw = rule.perOccurrence * Math.max(n, 0)
  const cap = Math.min(rule.cap ?? maxPoints, maxPoints)
  const points = Math.min(raw, cap)
  if (!explain) return ok(points, target, noExplanation)
  const capped = raw > cap
  return ok(points, target, {
    'zh-CN': `${fmt(n)} 次 × 每次 ${fmt(rule.perOccurrence)} 分 = ${fmt(raw)} 分${capped ? `，封顶 ${fmt(cap)} 分` : ''} → ${fmt(points)} 分`,
    en: `${fmt(n)} time(s) × ${fmt(rule.perOccurrence)} = ${fmt(raw)}${capped ? `, capped at ${fmt(cap)}` : ''} → ${fmt(points)} points`,
  })
}

/** Bonus range: the assessor picks a bonus within [min, max]; no pick (or 0) means no bonus. */
function scoreBonusRange(
  rule: Extract<Rule, { shape: 'bonus_range' }>,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const chosen = input.score ?? 0
  const points = chosen <= 0 ? 0 : clamp(chosen, rule.min, rule.max)
  if (!explain) return ok(points, target, noExplanation)
  if (points === 0) {
    return ok(0, target, {
      'zh-CN': `未评定加分（可加 ${fmt(rule.min)}–${fmt(rule.max)} 分）→ 0 分`,
      en: `No bonus awarded (range ${fmt(rule.min)}–${fmt(rule.max)}) → 0 points`,
    })
  }
  const adjusted = points !== chosen
  const comment = input.comment ? `：“${input.comment}”` : ''
  return ok(points, target, {
    'zh-CN': `考核人评定加 ${fmt(chosen)} 分（范围 ${fmt(rule.min)}–${fmt(rule.max)}${adjusted ? `，按范围取 ${fmt(points)}` : ''}）→ ${fmt(points)} 分${comment}`,
    en: `The assessor awarded ${fmt(chosen)} (range ${fmt(rule.min)}–${fmt(rule.max)}${adjusted ? `, held to ${fmt(points)}` : ''}) → ${fmt(points)} points${input.comment ? `: "${input.comment}"` : ''}`,
  })
}

/**
 * Levels (A/B/C): the rater's level when given, else the first threshold band containing the actual value.
 * Points are the level's points.
 */
function scoreLevels(
  rule: Extract<Rule, { shape: 'levels' }>,
  maxPoints: number,
  unit: string | undefined,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  let code = input.level
  let derivedFrom: { level: string; band: Omit<Band, 'points'> } | undefined
  if (code === undefined && rule.thresholds && input.actual !== undefined) {
    for (const threshold of rule.thresholds) {
      if (bandContains(threshold.band, input.actual)) {
        code = threshold.level
        derivedFrom = threshold
        break
      }
    }
    if (code === undefined) {
      if (!explain) return ok(0, target, noExplanation)
      return ok(0, target, {
        'zh-CN': `实际 ${withUnit(input.actual, unit)} 不在任何等级区间内 → 0 分`,
        en: `Actual ${withUnit(input.actual, unit)} is in no level's range → 0 points`,
      })
    }
  }
  if (code === undefined) {
    return rule.thresholds
      ? missingInput(target, explain, '实际值或等级', 'actual value or level')
      : missingInput(target, explain, '评定等级', 'level')
  }
  let level: (typeof rule.levels)[number] | undefined
  for (const candidate of rule.levels) {
    if (candidate.code === code) {
      level = candidate
      break
    }
  }
  if (!level) {
    return ok(
      0,
      target,
      explain
        ? { 'zh-CN': `等级「${code}」不存在，记 0 分`, en: `Level "${code}" does not exist: 0 points` }
        : noExplanation,
      undefined,
      true,
    )
  }
  const points = level.points
  if (!explain) return ok(points, target, noExplanation)
  const name = `${level.code}${level.label && level.label !== level.code ? `（${level.label}）` : ''}`
  const nameEn = `${level.code}${level.label && level.label !== level.code ? ` (${level.label})` : ''}`
  if (derivedFrom && input.actual !== undefined) {
    const bounds = describeBand(derivedFrom.band, unit === '%')
    return ok(points, target, {
      'zh-CN': `实际 ${withUnit(input.actual, unit)}，符合 ${bounds['zh-CN']} → 等级 ${name} → ${fmt(points)} 分（满分 ${fmt(maxPoints)}）`,
      en: `Actual ${withUnit(input.actual, unit)} is ${bounds.en} → level ${nameEn} → ${fmt(points)} points (max ${fmt(maxPoints)})`,
    })
  }
  return ok(points, target, {
    'zh-CN': `考核人评定等级 ${name} → ${fmt(points)} 分（满分 ${fmt(maxPoints)}）`,
    en: `The rater chose level ${nameEn} → ${fmt(points)} points (max ${fmt(maxPoints)})`,
  })
}

/**
 * Count ladder: the step whose count equals n gives the points (a count between steps takes the step below
 * it); past the last step, `beyond`. With `scale: 'fraction_of_max'` the ladder's top step is full marks.
 */
function scoreCountLadder(
  rule: Extract<Rule, { shape: 'count_ladder' }>,
  maxPoints: number,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const n = input.occurrences ?? input.actual
  if (n === undefined) return missingInput(target, explain, '次数', 'count')
  let raw = rule.beyond
  let bestCount = Number.NEGATIVE_INFINITY
  let lastCount = Number.NEGATIVE_INFINITY
  let top = rule.beyond
  for (const step of rule.steps) {
    if (step.count > lastCount) lastCount = step.count
    if (step.points > top) top = step.points
    if (step.count <= n && step.count > bestCount) {
      bestCount = step.count
      raw = step.points
    }
  }
  if (n > lastCount) raw = rule.beyond
  const scaled = rule.scale === 'fraction_of_max'
  const points = scaled ? (top > 0 ? (raw / top) * maxPoints : 0) : raw
  if (!explain) return ok(points, target, noExplanation)
  const beyond = n > lastCount
  const stepZh = beyond ? `超过 ${fmt(lastCount)} 次评 ${fmt(raw)} 分` : `${fmt(n)} 次评 ${fmt(raw)} 分`
  const stepEn = beyond ? `more than ${fmt(lastCount)} rates ${fmt(raw)}` : `${fmt(n)} rates ${fmt(raw)}`
  return ok(points, target, {
    'zh-CN': `次数 ${fmt(n)} → ${stepZh}${scaled ? `，${fmt(raw)}/${fmt(top)} × 满分 ${fmt(maxPoints)}` : ''} = ${fmt(points)} 分`,
    en: `Count ${fmt(n)} → ${stepEn}${scaled ? `, ${fmt(raw)}/${fmt(top)} × ${fmt(maxPoints)} max` : ''} = ${fmt(points)} points`,
  })
}

const opText: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' }

/** Pass/fail: full points when the condition on the actual value holds (or `passed` is true), else 0 (未完成不得分). */
function scorePassFail(
  rule: Extract<Rule, { shape: 'pass_fail' }>,
  maxPoints: number,
  unit: string | undefined,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const condition = rule.condition
  let passed: boolean
  if (condition) {
    const actual = input.actual
    if (actual === undefined) {
      if (input.passed === undefined) return missingInput(target, explain, '实际值', 'actual value')
      passed = input.passed
    } else {
      const v = condition.value
      switch (condition.op) {
        case '>=':
          passed = actual >= v
          break
        case '>':
          passed = actual > v
          break
        case '<=':
          passed = actual <= v
          break
        case '<':
          passed = actual < v
          break
        default:
          passed = actual === v
      }
    }
  } else {
    if (input.passed === undefined) return missingInput(target, explain, '是否完成', 'done / not done')
    passed = input.passed
  }
  const points = passed ? maxPoints : 0
  if (!explain) return ok(points, target, noExplanation)
  if (condition && input.actual !== undefined) {
    const test = `${withUnit(input.actual, unit)} ${opText[condition.op]} ${withUnit(condition.value, unit)}`
    return ok(points, target, {
      'zh-CN': `实际 ${test}？${passed ? '是：达成' : '否：未达成，不得分'} → ${fmt(points)} 分`,
      en: `Actual ${test}? ${passed ? 'Yes: met' : 'No: not met, no points'} → ${fmt(points)} points`,
    })
  }
  return ok(points, target, {
    'zh-CN': passed ? `已完成 → ${fmt(points)} 分` : '未完成不得分 → 0 分',
    en: passed ? `Done → ${fmt(points)} points` : 'Not done, no points → 0 points',
  })
}

/** Veto (一票否决): a violation (violated, or actual ≥ 1) scores 0 here and zeroes the dimension or the total. */
function scoreVeto(
  rule: Extract<Rule, { shape: 'veto' }>,
  maxPoints: number,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const violated = input.violated ?? (input.actual !== undefined ? input.actual >= 1 : undefined)
  if (violated === undefined)
    return missingInput(target, explain, '是否发生否决事项', 'whether a veto event happened')
  if (!violated) {
    if (!explain) return ok(maxPoints, target, noExplanation)
    return ok(maxPoints, target, {
      'zh-CN': `未发生一票否决事项 → ${fmt(maxPoints)} 分`,
      en: `No veto event → ${fmt(maxPoints)} points`,
    })
  }
  return ok(
    0,
    target,
    explain
      ? rule.scope === 'total'
        ? {
            'zh-CN': '发生一票否决事项 → 本次考核总分为 0',
            en: 'A veto event happened → the whole appraisal scores 0',
          }
        : {
            'zh-CN': '发生一票否决事项 → 本维度得 0 分',
            en: 'A veto event happened → this dimension scores 0',
          }
      : noExplanation,
    rule.scope,
  )
}

/** Discretionary (酌情给分): the assessor's score held within [min, max]; the comment is mandatory (see validateSheetInputs). */
function scoreDiscretionary(
  rule: Extract<Rule, { shape: 'discretionary' }>,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  if (input.score === undefined) return missingInput(target, explain, '考核人评分', "assessor's score")
  const points = clamp(input.score, rule.min, rule.max)
  if (!explain) return ok(points, target, noExplanation)
  const adjusted = points !== input.score
  const commentZh = input.comment ? `：“${input.comment}”` : '（缺少评语）'
  const commentEn = input.comment ? `: "${input.comment}"` : ' (no comment given)'
  return ok(points, target, {
    'zh-CN': `考核人酌情给分 ${fmt(input.score)} 分（范围 ${fmt(rule.min)}–${fmt(rule.max)}${adjusted ? `，按范围取 ${fmt(points)}` : ''}）→ ${fmt(points)} 分${commentZh}`,
    en: `Assessor's judgement ${fmt(input.score)} (range ${fmt(rule.min)}–${fmt(rule.max)}${adjusted ? `, held to ${fmt(points)}` : ''}) → ${fmt(points)} points${commentEn}`,
  })
}

/** Formula: the compiled expression over actual, target, max, completion, occurrences and the named variables. */
function scoreFormula(
  rule: Extract<Rule, { shape: 'formula' }>,
  maxPoints: number,
  target: number | undefined,
  input: IndicatorInput,
  explain: boolean,
): RuleResult {
  const formula = compiledFormulaFor(rule)
  const actual = input.actual
  const vars: Record<string, number | undefined> = {
    actual,
    target,
    max: maxPoints,
    completion: actual !== undefined && target !== undefined && target !== 0 ? actual / target : undefined,
    occurrences: input.occurrences,
  }
  if (input.variables) {
    for (const name in input.variables) {
      if (!(standardFormulaVariables as readonly string[]).includes(name)) vars[name] = input.variables[name]
    }
  }
  for (const name of formula.variables) {
    if (vars[name] === undefined)
      return missingInput(target, explain, `公式变量 ${name}`, `formula variable ${name}`)
  }
  let value: number
  try {
    value = formula.evaluate(vars)
  } catch (error) {
    if (error instanceof FormulaEvaluationError) return formulaFailed(rule.expression, target, error.problem)
    throw error
  }
  if (!Number.isFinite(value))
    return formulaFailed(rule.expression, target, {
      'zh-CN': '结果不是有效数字',
      en: 'the result is not a number',
    })
  const low = rule.floorPoints ?? 0
  const high = rule.capPoints ?? maxPoints
  const points = clamp(value, low, high)
  if (!explain) return ok(points, target, noExplanation)
  const shown = formula.variables.map((name) => `${name} = ${fmt(vars[name]!)}`).join(', ')
  const clampedZh = points !== value ? `，限定在 ${fmt(low)}–${fmt(high)} 分` : ''
  const clampedEn = points !== value ? `, held to ${fmt(low)}–${fmt(high)}` : ''
  return ok(points, target, {
    'zh-CN': `公式 ${rule.expression}（${shown}）= ${fmt(value)}${clampedZh} → ${fmt(points)} 分`,
    en: `Formula ${rule.expression} (${shown}) = ${fmt(value)}${clampedEn} → ${fmt(points)} points`,
  })
}

/**
 * A formula that cannot give a value for these inputs (division by 0, a function's error): the indicator is not
 * scored and is listed as invalid (and missing, so the sheet lists it), always with the reason, never points.
 */
function formulaFailed(
  expression: string,
  target: number | undefined,
  problem: { 'zh-CN': string; en: string },
): RuleResult {
  return ok(
    0,
    target,
    {
      'zh-CN': `公式 ${expression} 无法计算：${problem['zh-CN']}。本项无法计分（不是 0 分的成绩），请更正公式或数据`,
      en: `Formula ${expression} cannot be evaluated: ${problem.en}. This item cannot be scored (this is not an earned 0); correct the formula or the data`,
    },
    undefined,
    true,
    true,
  )
}
