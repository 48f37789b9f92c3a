// Scores a whole appraisal sheet (考核表): indicator points → dimension subtotals → total on the 100-point
// scale (or a raw sum), each indicator blended over the raters who rated it with the template's weights
// renormalised over them, then bonus and deduction items
// with caps, veto (一票否决), grade and performance coefficient. Rounding: every score to 2 decimals, half up
// (roundScore), at each indicator, dimension, blend and total.
import { coefficientFor } from '../results/coefficient-for.ts'
import { defaultCoefficients, defaultGrades } from '../results/default-scoring.ts'
import { gradeFor } from '../results/grade-for.ts'
import type { GradeBand, Indicator, RaterWeights, Template } from '../templates/template.ts'
import { type Explanation, fmt, noExplanation, pct } from './explain-format.ts'
import { roundScore } from './round-score.ts'
import { type AdjustmentScore, scoreAdjustment } from './score-adjustment.ts'
import {
  type IndicatorInput,
  type IndicatorScore,
  type ScoreOptions,
  scoreIndicator,
} from './score-indicator.ts'
import { memoEntries, memoKeyOf, remember } from './score-memo.ts'

export type RaterRole = keyof RaterWeights

/** One rater's sheet: a supervisor's weekly sample, a self-appraisal, one peer, one sampled customer. */
export type RaterSheet = {
  rater: RaterRole
  raterId?: string
  /** Inputs by indicator key; an indicator absent here falls back to the shared inputs. */
  indicators: Readonly<Record<string, IndicatorInput>>
}

export type SheetInputs = {
  /** Inputs shared by every rater (imported metrics), or the only inputs when there are no raters. */
  indicators?: Readonly<Record<string, IndicatorInput>>
  /** Per-rater inputs, blended with the template's rater weights (several sheets of one role are averaged). */
  raters?: readonly RaterSheet[]
  /** Inputs of bonus and deduction items by key. */
  adjustments?: Readonly<Record<string, IndicatorInput>>
}

export type DimensionScore = {
  key: string
  name: string
  points: number
  maxPoints: number
  vetoed: boolean
  indicators: IndicatorScore[]
}

export type RaterShare = {
  rater: RaterRole
  /** How many sheets of this role were averaged. */
  sheets: number
  /** The template weight, and the weight used after renormalising over the roles present. */
  weight: number
  effectiveWeight: number
  /** This role's average subtotal (before scale, adjustments and veto). */
  subtotal: number
}

export type SheetScore = {
  templateCode: string
  scale: Template['scoring']['scale']
  dimensions: DimensionScore[]
  /** Σ dimension points (after dimension vetoes). */
  subtotal: number
  /** The subtotal on the template's scale: ×100/Σ budgets on the 100-point scale, the raw sum otherwise. */
  base: number
  adjustments: AdjustmentScore[]
  bonus: number
  deduction: number
  /** base + bonus − deduction, never below 0; 0 when the total is vetoed. */
  total: number
  vetoed?: 'total'
  raters: RaterShare[]
  grade?: GradeBand
  coefficient: number
  /** Keys of indicators whose input was missing (scored by their missing-data rule). */
  missing: string[]
  /** Keys of indicators and adjustment items missing and declared 'block': not to be computed until entered. */
  held?: string[]
  explanation: Explanation
}

const EPS = 1e-9

const roleNames: Record<RaterRole, { zh: string; en: string }> = {
  supervisor: { zh: '主管', en: 'supervisor' },
  self: { zh: '自评', en: 'self' },
  peer: { zh: '同事互评', en: 'peers' },
  sampling: { zh: '抽样客户', en: 'sampled customers' },
  hr: { zh: '人力资源', en: 'HR' },
}

type RoleGroup = { rater: RaterRole; sheets: RaterSheet[]; weight: number; effectiveWeight: number }

function roleGroups(
  raters: readonly RaterSheet[],
  weights: RaterWeights,
): { groups: RoleGroup[]; renormalised: boolean } {
  const byRole = new Map<RaterRole, RaterSheet[]>()
  for (const sheet of raters) {
    const list = byRole.get(sheet.rater)
    if (list) list.push(sheet)
    else byRole.set(sheet.rater, [sheet])
  }
  const groups: RoleGroup[] = []
  let present = 0
  for (const [rater, sheets] of byRole) {
    const weight = weights[rater] ?? 0
    present += weight
    groups.push({ rater, sheets, weight, effectiveWeight: weight })
  }
  let configured = 0
  for (const w of Object.values(weights)) configured += w ?? 0
  if (present <= 0) {
    // No role with a weight is present: the roles that are present count equally.
    for (const g of groups) g.effectiveWeight = 1 / groups.length
    return { groups, renormalised: true }
  }
  for (const g of groups) g.effectiveWeight = g.weight / present
  return { groups, renormalised: Math.abs(present - configured) > 1e-9 }
}

/** A blended indicator and the points each rater sheet gave it (groups in order, sheets within), for the raters' subtotals. */
export type Blend = { score: IndicatorScore; sheetPoints: readonly number[]; partial?: true }

function blendIndicator(
  indicator: Indicator,
  groups: RoleGroup[],
  shared: Readonly<Record<string, IndicatorInput>>,
  options: ScoreOptions,
): Blend {
  // All sheets read the shared input: score once.
  if (groups.every((g) => g.sheets.every((s) => s.indicators[indicator.key] === undefined))) {
    const score = scoreIndicator(indicator, shared[indicator.key] ?? {}, options)
    const sheetPoints: number[] = []
    for (const group of groups) for (const _ of group.sheets) sheetPoints.push(score.points)
    return { score, sheetPoints }
  }
  const memo = options.memo
  if (!memo) return blendIndicatorOnce(indicator, groups, shared, options)
  // A blend is fixed by each role's weight and its sheets' inputs (JSON keys hold no raw control characters).
  let key = options.explain !== false ? 'e' : 'n'
  for (const group of groups) {
    key += `\u0002${group.rater}:${group.weight}:${group.effectiveWeight}`
    for (const sheet of group.sheets) {
      // Whether the sheet rated it matters as much as the input it reads (a sheet that did not is left out).
      const own = sheet.indicators[indicator.key]
      const inputKey = memoKeyOf(own ?? shared[indicator.key] ?? {})
      if (inputKey === undefined) return blendIndicatorOnce(indicator, groups, shared, options)
      key += `${own === undefined ? '\u0003' : '\u0001'}${inputKey}`
    }
  }
  const entries = memoEntries(memo.blends, indicator)
  return entries.get(key) ?? remember(entries, key, blendIndicatorOnce(indicator, groups, shared, options))
}

/** The weight each role gets on one indicator: its template weight renormalised over the roles that rated it. */
function indicatorWeights(rating: readonly RoleGroup[]): number[] {
  let present = 0
  for (const g of rating) present += g.weight
  // No rating role has a weight: the roles that rated it count equally.
  if (present <= 0) return rating.map(() => 1 / rating.length)
  return rating.map((g) => g.weight / present)
}

function blendIndicatorOnce(
  indicator: Indicator,
  groups: RoleGroup[],
  shared: Readonly<Record<string, IndicatorInput>>,
  options: ScoreOptions,
): Blend {
  const explain = options.explain !== false
  const key = indicator.key
  // Rater weights apply per indicator: only the roles with a sheet that rated this indicator take part.
  const rating = groups.filter((g) => g.sheets.some((s) => s.indicators[key] !== undefined))
  const weights = indicatorWeights(rating)
  let points = 0
  let missing = false
  // Missing-data rules of the rated sheets: any 'block' holds the blend; all 'exclude' leaves it out.
  let held = false
  let rated = 0
  let excluded = 0
  let whenMissing: IndicatorScore['whenMissing']
  let vetoed: IndicatorScore['vetoed']
  let first: IndicatorScore | undefined
  let sharedScore: IndicatorScore | undefined
  const sheetPoints: number[] = []
  const partsZh: string[] = []
  const partsEn: string[] = []
  for (const group of groups) {
    const index = rating.indexOf(group)
    let sum = 0
    let count = 0
    for (const sheet of group.sheets) {
      const own = sheet.indicators[key]
      if (own === undefined) {
        // A sheet that did not rate it: its own subtotal reads the shared input; the blend leaves it out.
        sharedScore ??= scoreIndicator(indicator, shared[key] ?? {}, options)
        sheetPoints.push(sharedScore.points)
        continue
      }
      const score = scoreIndicator(indicator, own, options)
      first ??= score
      sum += score.points
      count++
      sheetPoints.push(score.points)
      if (score.missing) missing = true
      rated++
      if (score.held) held = true
      if (score.excluded) excluded++
      whenMissing ??= score.whenMissing
      if (score.vetoed === 'total' || (score.vetoed === 'dimension' && vetoed === undefined))
        vetoed = score.vetoed
    }
    if (index < 0) continue
    const weight = weights[index]!
    const mean = roundScore(sum / count)
    points += weight * mean
    if (explain) {
      const role = roleNames[group.rater]
      const avgZh = count > 1 ? `（${count} 份平均）` : ''
      const avgEn = count > 1 ? ` (mean of ${count})` : ''
      partsZh.push(`${role.zh}${avgZh} ${fmt(mean)} × ${pct(weight)}`)
      partsEn.push(`${role.en}${avgEn} ${fmt(mean)} × ${pct(weight)}`)
    }
  }
  const blended = roundScore(points)
  const renormalised = rating.length < groups.length
  const score: IndicatorScore = {
    key,
    points: blended,
    maxPoints: indicator.maxPoints,
    actual: first?.actual,
    target: first?.target,
    ruleShape: indicator.rule.shape,
    vetoed,
    missing: missing || undefined,
    ...(whenMissing ? { whenMissing } : {}),
    ...(held ? { held: true as const } : {}),
    ...(excluded > 0 && excluded === rated ? { excluded: true as const } : {}),
    explanation: explain
      ? {
          'zh-CN': `多人评分加权：${partsZh.join(' + ')} = ${fmt(blended)} 分${renormalised ? '（仅计为本项评分的评分人，权重按其重新折算）' : ''}`,
          en: `Raters blended: ${partsEn.join(' + ')} = ${fmt(blended)} points${renormalised ? ' (only the raters who rated this item count; their weights rescaled)' : ''}`,
        }
      : noExplanation,
  }
  return renormalised ? { score, sheetPoints, partial: true } : { score, sheetPoints }
}

/**
 * Score a sheet against its template. Missing inputs are listed in `missing` and scored by their missing-data
 * rule; those declared 'block' are also listed in `held` (the sheet is not to be computed until they are entered).
 */
export function scoreSheet(template: Template, inputs: SheetInputs, options: ScoreOptions = {}): SheetScore {
  const explain = options.explain !== false
  const shared = inputs.indicators ?? {}
  const raterSheets = inputs.raters ?? []
  const { groups, renormalised } =
    raterSheets.length > 0
      ? roleGroups(raterSheets, template.scoring.raterWeights)
      : { groups: [], renormalised: false }
  const missing: string[] = []
  const held: string[] = []
  // Indicators that only some of the present roles rated (blended over those, weights renormalised).
  const partial: string[] = []
  // Per indicator in template order: the points each rater sheet gave it (for the raters' subtotals).
  const pointsBySheet: (readonly number[])[] = []
  let totalVeto = false
  let subtotal = 0
  let budget = 0
  // Budgets of dimensions whose every indicator was left out ('exclude'): the sheet renormalises over the rest.
  let excludedBudget = 0
  const rescaled: { name: string; kept: number; max: number }[] = []
  const dimensions: DimensionScore[] = []
  for (const dimension of template.dimensions) {
    const indicators: IndicatorScore[] = []
    let sum = 0
    let excludedMax = 0
    let dimensionVeto = false
    for (const indicator of dimension.indicators) {
      let score: IndicatorScore
      if (groups.length > 0) {
        const blend = blendIndicator(indicator, groups, shared, options)
        if (blend.partial) partial.push(indicator.key)
        score = blend.score
        pointsBySheet.push(blend.sheetPoints)
      } else score = scoreIndicator(indicator, shared[indicator.key] ?? {}, options)
      indicators.push(score)
      sum += score.points
      if (score.missing) missing.push(indicator.key)
      if (score.held) held.push(indicator.key)
      if (score.excluded) excludedMax += score.maxPoints
      if (score.vetoed === 'dimension') dimensionVeto = true
      if (score.vetoed === 'total') totalVeto = true
    }
    // Indicators left out: the dimension's points are rescaled over the indicators that were scored.
    const kept = dimension.maxPoints - excludedMax
    const allExcluded = excludedMax > 0 && kept <= EPS
    if (excludedMax > 0 && !allExcluded)
      rescaled.push({ name: dimension.name, kept, max: dimension.maxPoints })
    const points =
      dimensionVeto || allExcluded
        ? 0
        : roundScore(excludedMax > 0 ? (sum * dimension.maxPoints) / kept : sum)
    subtotal += points
    budget += dimension.maxPoints
    if (allExcluded) excludedBudget += dimension.maxPoints
    dimensions.push({
      key: dimension.key,
      name: dimension.name,
      points,
      maxPoints: dimension.maxPoints,
      vetoed: dimensionVeto,
      indicators,
    })
  }
  subtotal = roundScore(subtotal)
  const scale = template.scoring.scale
  const keptBudget = budget - excludedBudget
  const normalised = scale === 'hundred' && keptBudget > 0 && Math.abs(keptBudget - 100) > EPS
  const base =
    keptBudget <= 0
      ? subtotal
      : normalised
        ? roundScore((subtotal * 100) / keptBudget)
        : scale === 'raw_points' && excludedBudget > 0
          ? roundScore((subtotal * budget) / keptBudget)
          : subtotal

  const adjustments: AdjustmentScore[] = []
  let bonusRaw = 0
  let deduction = 0
  for (const item of template.adjustments) {
    const score = scoreAdjustment(item, inputs.adjustments?.[item.key], options)
    adjustments.push(score)
    if (score.held) held.push(item.key)
    if (score.vetoed) totalVeto = true
    if (score.points >= 0) bonusRaw += score.points
    else deduction -= score.points
  }
  bonusRaw = roundScore(bonusRaw)
  deduction = roundScore(deduction)
  const bonusCap = template.scoring.bonusCap
  const bonus = bonusCap !== undefined && bonusRaw > bonusCap ? bonusCap : bonusRaw
  const total = totalVeto ? 0 : Math.max(0, roundScore(base + bonus - deduction))

  const grades = template.scoring.grades.length > 0 ? template.scoring.grades : defaultGrades
  const coefficients =
    template.scoring.coefficients.length > 0 ? template.scoring.coefficients : defaultCoefficients
  const grade = gradeFor(total, grades)
  const coefficient = coefficientFor(total, coefficients)

  // Each role's subtotal: its sheets' points summed sheet by sheet in template order (as scoring each
  // sheet alone would), from the points the blend already gave every sheet.
  let firstSheet = 0
  const raters: RaterShare[] = groups.map((g) => {
    let sum = 0
    for (let sheet = firstSheet; sheet < firstSheet + g.sheets.length; sheet++) {
      for (const points of pointsBySheet) sum += points[sheet]!
    }
    firstSheet += g.sheets.length
    return {
      rater: g.rater,
      sheets: g.sheets.length,
      weight: g.weight,
      effectiveWeight: g.effectiveWeight,
      subtotal: roundScore(sum / g.sheets.length),
    }
  })

  const fields: Omit<SheetScore, 'explanation'> = {
    templateCode: template.code,
    scale,
    dimensions,
    subtotal,
    base,
    adjustments,
    bonus,
    deduction,
    total,
    vetoed: totalVeto ? 'total' : undefined,
    raters,
    grade,
    coefficient,
    missing,
    ...(held.length > 0 ? { held } : {}),
  }
  const explanation = explain
    ? explainSheet(fields, {
        normalised,
        budget: keptBudget,
        rescaled,
        bonusRaw,
        bonusCap,
        renormalised,
        weights: template.scoring.raterWeights,
        partial,
        names: indicatorNames(template),
      })
    : noExplanation
  // The fields object is this call's own: completed in place rather than copied (explanation stays last).
  const score = fields as SheetScore
  score.explanation = explanation
  return score
}

const namesByTemplate = new WeakMap<Template, Map<string, string>>()

/** Indicator names by key, so explanations speak of 网络调试 rather than network_debugging (once per template). */
function indicatorNames(template: Template): Map<string, string> {
  let names = namesByTemplate.get(template)
  if (!names) {
    names = new Map<string, string>()
    for (const d of template.dimensions) for (const i of d.indicators) names.set(i.key, i.name)
    for (const a of template.adjustments ?? []) names.set(a.key, a.name)
    namesByTemplate.set(template, names)
  }
  return names
}

/** The weighted roles without a sheet, named: 自评、同事互评 / self, peers. */
function absentRoles(weights: RaterWeights, present: readonly RaterShare[], lang: 'zh' | 'en'): string {
  const absent: string[] = []
  for (const [role, weight] of Object.entries(weights) as [RaterRole, number | undefined][]) {
    if ((weight ?? 0) > 0 && !present.some((r) => r.rater === role)) absent.push(roleNames[role][lang])
  }
  if (absent.length === 0) return lang === 'zh' ? '部分评分人' : 'some raters'
  return absent.join(lang === 'zh' ? '、' : ', ')
}

function explainSheet(
  s: Omit<SheetScore, 'explanation'>,
  n: {
    normalised: boolean
    budget: number
    bonusRaw: number
    bonusCap?: number
    renormalised: boolean
    weights: RaterWeights
    partial: readonly string[]
    names: Map<string, string>
    rescaled: { name: string; kept: number; max: number }[]
  },
): Explanation {
  const zh: string[] = []
  const en: string[] = []
  if (s.raters.length > 0) {
    const partsZh = s.raters.map(
      (r) =>
        `${roleNames[r.rater].zh}${r.sheets > 1 ? `（${r.sheets} 份平均）` : ''} ${pct(r.effectiveWeight)}`,
    )
    const partsEn = s.raters.map(
      (r) =>
        `${roleNames[r.rater].en}${r.sheets > 1 ? ` (mean of ${r.sheets})` : ''} ${pct(r.effectiveWeight)}`,
    )
    zh.push(
      `评分人加权：${partsZh.join(' + ')}${n.renormalised ? `（${absentRoles(n.weights, s.raters, 'zh')}未评分，按模板规定不计入，权重按到场评分人重新折算）` : ''}。`,
    )
    en.push(
      `Raters weighted ${partsEn.join(' + ')}${n.renormalised ? ` (${absentRoles(n.weights, s.raters, 'en')} did not score; as the template says, left out and the weights rescaled over those present)` : ''}.`,
    )
    if (n.partial.length > 0) {
      const named = n.partial.map((key) => n.names.get(key) ?? key)
      zh.push(
        `评分人权重按指标计：${named.join('、')} 只计为其评分的评分人，权重在他们之间重新折算，未评分的评分人不按 0 分计。`,
      )
      en.push(
        `Rater weights apply per indicator: ${named.join(', ')} count only the raters who rated them, their weights rescaled; a rater who did not rate an item does not count it as 0.`,
      )
    }
  }
  const dimZh = s.dimensions.map(
    (d) => `${d.name} ${fmt(d.points)}/${fmt(d.maxPoints)}${d.vetoed ? '（一票否决）' : ''}`,
  )
  const dimEn = s.dimensions.map(
    (d) => `${d.name} ${fmt(d.points)}/${fmt(d.maxPoints)}${d.vetoed ? ' (vetoed)' : ''}`,
  )
  for (const r of n.rescaled) {
    zh.push(`「${r.name}」有指标按规定不计入，按其余指标 ${fmt(r.kept)} 分折算为 ${fmt(r.max)} 分。`)
    en.push(
      `"${r.name}" leaves out items without data: its other indicators' ${fmt(r.kept)} points are rescaled to ${fmt(r.max)}.`,
    )
  }
  zh.push(`维度小计：${dimZh.join(' + ')} = ${fmt(s.subtotal)} 分。`)
  en.push(`Dimensions: ${dimEn.join(' + ')} = ${fmt(s.subtotal)}.`)
  if (n.normalised) {
    zh.push(
      `各维度满分合计 ${fmt(n.budget)}，折算为百分制：${fmt(s.subtotal)} × 100 / ${fmt(n.budget)} = ${fmt(s.base)} 分。`,
    )
    en.push(
      `Budgets sum to ${fmt(n.budget)}, so on the 100-point scale: ${fmt(s.subtotal)} × 100 / ${fmt(n.budget)} = ${fmt(s.base)}.`,
    )
  }
  if (s.adjustments.some((a) => a.points !== 0)) {
    const capped = n.bonusCap !== undefined && n.bonusRaw > n.bonusCap
    zh.push(
      `加分 +${fmt(s.bonus)}${capped ? `（合计 ${fmt(n.bonusRaw)}，上限 ${fmt(n.bonusCap!)}）` : ''}，扣分 −${fmt(s.deduction)}。`,
    )
    en.push(
      `Bonus +${fmt(s.bonus)}${capped ? ` (${fmt(n.bonusRaw)} before the ${fmt(n.bonusCap!)} cap)` : ''}, deductions −${fmt(s.deduction)}.`,
    )
  }
  if (s.vetoed) {
    zh.push('发生一票否决事项，总分为 0 分。')
    en.push('A veto event zeroes the total.')
  }
  const gradeZh = s.grade ? `，等级 ${s.grade.label['zh-CN']}` : ''
  const gradeEn = s.grade ? `, grade ${s.grade.label.en ?? s.grade.label['zh-CN']}` : ''
  zh.push(`总分 ${fmt(s.total)} 分${gradeZh}，绩效系数 ${fmt(s.coefficient)}。`)
  en.push(`Total ${fmt(s.total)}${gradeEn}, performance coefficient ${fmt(s.coefficient)}.`)
  if (s.held && s.held.length > 0) {
    const named = s.held.map((key) => n.names.get(key) ?? key)
    zh.push(`以下项目缺少数据，按模板规定须录入后才能计算，本表暂不能定稿：${named.join('、')}。`)
    en.push(
      `These items have no data and must be entered before the sheet can be computed: ${named.join(', ')}.`,
    )
  }
  const resolved = s.missing.filter((key) => !s.held?.includes(key))
  if (resolved.length > 0) {
    const named = resolved.map((key) => n.names.get(key) ?? key)
    zh.push(`缺少数据的项目已按各自的缺失规则计分（见各项说明）：${named.join('、')}。`)
    en.push(`Items without data were scored by their missing-data rule (see each item): ${named.join(', ')}.`)
  }
  zh.push('得分保留两位小数，四舍五入。')
  en.push('Scores are rounded to 2 decimals, half up.')
  return { 'zh-CN': zh.join(''), en: en.join(' ') }
}
