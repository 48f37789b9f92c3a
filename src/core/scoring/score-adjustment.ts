// Scores a bonus (加分项) or deduction (扣分项) item outside the budget: the rule gives an amount (≥ 0), the
// item's cap holds it, and the kind gives the sign (bonus adds, deduction subtracts).
import type { AdjustmentItem, WhenMissing } from '../templates/template.ts'
import { adjustmentWhenMissing } from './default-when-missing.ts'
import { type Explanation, fmt, noExplanation } from './explain-format.ts'
import { roundScore } from './round-score.ts'
import { evaluateRule, type IndicatorInput, type ScoreOptions } from './score-indicator.ts'
import { scoredOnce } from './score-memo.ts'

export type AdjustmentScore = {
  key: string
  name: string
  kind: 'bonus' | 'deduction'
  /** Signed points: + for a bonus, − for a deduction, after the item's cap. */
  points: number
  /** The amount before the cap. */
  raw: number
  cap?: number
  explanation: Explanation
  vetoed?: 'total'
  missing?: boolean
  /** The missing-data rule that applied when nothing was entered. */
  whenMissing?: WhenMissing
  /** Nothing entered and the item is declared 'block': the sheet waits for it. */
  held?: true
}

/**
 * Score one adjustment item. An item without input follows its missing-data rule: by default nothing is added or
 * deducted (said so); declared 'block', the sheet is held until it is entered.
 */
export function scoreAdjustment(
  item: AdjustmentItem,
  input: IndicatorInput | undefined,
  options?: ScoreOptions,
): AdjustmentScore {
  const explain = options?.explain !== false
  return scoredOnce(options?.memo?.adjustments, item, input, explain, () =>
    scoreAdjustmentOnce(item, input, explain),
  )
}

function scoreAdjustmentOnce(
  item: AdjustmentItem,
  input: IndicatorInput | undefined,
  explain: boolean,
): AdjustmentScore {
  if (isAbsent(input)) return missingAdjustment(item, explain)
  const rule = item.rule
  const given = input ?? {}
  let raw: number
  let why: Explanation = noExplanation
  let missing = false
  let vetoed: 'total' | undefined
  switch (rule.shape) {
    case 'deduct_per_occurrence':
    case 'bonus_per_occurrence': {
      const n = given.occurrences ?? given.actual ?? 0
      const free = rule.shape === 'deduct_per_occurrence' ? (rule.freeOccurrences ?? 0) : 0
      const counted = Math.max(0, n - free)
      raw = rule.perOccurrence * counted
      if (rule.shape === 'bonus_per_occurrence' && rule.cap !== undefined && raw > rule.cap) raw = rule.cap
      if (explain) {
        why = {
          'zh-CN': `${fmt(n)} 次${free > 0 ? `（前 ${fmt(free)} 次不计）` : ''} × 每次 ${fmt(rule.perOccurrence)} 分 = ${fmt(raw)} 分`,
          en: `${fmt(n)} time(s)${free > 0 ? ` (first ${fmt(free)} free)` : ''} × ${fmt(rule.perOccurrence)} = ${fmt(raw)}`,
        }
      }
      break
    }
    case 'weighted_deductions': {
      const counts = given.counts ?? {}
      raw = 0
      for (const c of rule.categories) raw += (counts[c.key] ?? 0) * c.pointsEach
      if (explain) {
        const parts = rule.categories.filter((c) => (counts[c.key] ?? 0) !== 0)
        const detail = parts
          .map((c) => `${c.label} ${fmt(counts[c.key]!)} × ${fmt(c.pointsEach)}`)
          .join(' + ')
        why = { 'zh-CN': `${detail || '无'} = ${fmt(raw)} 分`, en: `${detail || 'none'} = ${fmt(raw)}` }
      }
      break
    }
    case 'deduct_per_shortfall': {
      const threshold = given.target ?? rule.threshold
      const shortfall = given.actual === undefined ? 0 : threshold - given.actual
      const exact = Number((Math.max(0, shortfall) / rule.unit).toPrecision(15))
      const units = rule.partialUnit === 'counts' ? Math.ceil(exact) : Math.floor(exact)
      raw = units * rule.pointsPerUnit
      if (explain) {
        why = {
          'zh-CN': `低于门槛 ${fmt(threshold)} 共 ${fmt(Math.max(0, shortfall))}，计 ${fmt(units)} 个单位 × ${fmt(rule.pointsPerUnit)} 分 = ${fmt(raw)} 分`,
          en: `${fmt(Math.max(0, shortfall))} below the threshold ${fmt(threshold)}: ${fmt(units)} unit(s) × ${fmt(rule.pointsPerUnit)} = ${fmt(raw)}`,
        }
      }
      break
    }
    case 'pass_fail': {
      // A bonus is earned when the condition holds; a deduction applies when it does not (未检查扣5分).
      const result = evaluateRule(rule, 1, 'higher_better', undefined, given.target, given, false)
      const held = result.points === 1
      missing = result.missing === true
      const applies = item.kind === 'bonus' ? held : !held && !missing
      raw = applies ? (item.cap ?? 0) : 0
      if (explain) {
        why = {
          'zh-CN': `${held ? '条件满足' : missing ? '无记录' : '条件未满足'} → ${fmt(raw)} 分`,
          en: `${held ? 'condition met' : missing ? 'nothing recorded' : 'condition not met'} → ${fmt(raw)}`,
        }
      }
      break
    }
    case 'veto': {
      const violated = given.violated ?? (given.actual !== undefined ? given.actual >= 1 : false)
      raw = 0
      vetoed = violated ? 'total' : undefined
      if (explain) {
        why = violated
          ? { 'zh-CN': '发生一票否决事项 → 总分为 0', en: 'A veto event happened → the total is 0' }
          : { 'zh-CN': '未发生一票否决事项', en: 'No veto event' }
      }
      break
    }
    default: {
      // Shapes that award points (bands, ratio, levels, ladder, ranges, discretionary, formula) give the amount
      // directly, on an item worth its cap.
      if (input === undefined) {
        raw = 0
        if (explain) why = { 'zh-CN': '未录入 → 0 分', en: 'Nothing entered → 0' }
        break
      }
      const result = evaluateRule(
        rule,
        item.cap ?? Number.POSITIVE_INFINITY,
        'higher_better',
        undefined,
        given.target,
        given,
        explain,
      )
      raw = Number.isFinite(result.points) ? Math.max(0, result.points) : 0
      missing = result.missing === true
      why = result.explanation
    }
  }
  const capped = item.cap !== undefined && raw > item.cap ? item.cap : raw
  const amount = roundScore(capped)
  const points = item.kind === 'bonus' ? amount : amount === 0 ? 0 : -amount
  if (!explain)
    return {
      key: item.key,
      name: item.name,
      kind: item.kind,
      points,
      raw,
      cap: item.cap,
      explanation: why,
      vetoed,
      missing: missing || undefined,
    }
  const capNoteZh = capped !== raw ? `，上限 ${fmt(item.cap!)} 分` : ''
  const capNoteEn = capped !== raw ? `, capped at ${fmt(item.cap!)}` : ''
  const sign = item.kind === 'bonus' ? '+' : '−'
  const kindZh = item.kind === 'bonus' ? '加分项' : '扣分项'
  const kindEn = item.kind === 'bonus' ? 'Bonus' : 'Deduction'
  return {
    key: item.key,
    name: item.name,
    kind: item.kind,
    points,
    raw,
    cap: item.cap,
    vetoed,
    missing: missing || undefined,
    explanation: {
      'zh-CN': `${kindZh}「${item.name}」：${why['zh-CN']}${capNoteZh} → ${sign}${fmt(amount)} 分`,
      en: `${kindEn} "${item.name}": ${why.en}${capNoteEn} → ${sign}${fmt(amount)}`,
    },
  }
}

/** Nothing entered for the item: no field a rule reads (an empty comment alone is nothing). */
function isAbsent(input: IndicatorInput | undefined): boolean {
  if (input === undefined) return true
  for (const key in input) {
    if (key !== 'comment' && input[key as keyof IndicatorInput] !== undefined) return false
  }
  return true
}

function missingAdjustment(item: AdjustmentItem, explain: boolean): AdjustmentScore {
  const policy = adjustmentWhenMissing(item)
  const held = policy === 'block'
  const kindZh = item.kind === 'bonus' ? '加分项' : '扣分项'
  const kindEn = item.kind === 'bonus' ? 'Bonus' : 'Deduction'
  const why = held
    ? {
        zh: '未录入：按模板规定须录入后才能计算，本表暂不计分',
        en: 'nothing entered: the template says it must be entered before the sheet is computed',
      }
    : item.kind === 'deduction'
      ? { zh: '未录入：无记录即不扣分', en: 'nothing entered: nothing recorded, nothing deducted' }
      : { zh: '未录入：无记录即不加分', en: 'nothing entered: nothing recorded, nothing added' }
  return {
    key: item.key,
    name: item.name,
    kind: item.kind,
    points: 0,
    raw: 0,
    cap: item.cap,
    explanation: explain
      ? {
          'zh-CN': `${kindZh}「${item.name}」：${why.zh} → 0 分`,
          en: `${kindEn} "${item.name}": ${why.en} → 0`,
        }
      : noExplanation,
    vetoed: undefined,
    missing: true,
    whenMissing: policy,
    ...(held ? { held: true as const } : {}),
  }
}
