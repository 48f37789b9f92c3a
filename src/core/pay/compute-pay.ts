// Computes pay (应发工资) from a scheme, the appraisal score and named inputs, in decimal.js only: each line is
// rounded to the fen (ROUND_HALF_UP) once, at its end, and the total is the sum of the rounded lines.
import Decimal from 'decimal.js'
import { DomainError } from '../errors.ts'
import { type CompiledFormula, compileFormula } from '../formula/compile-formula.ts'
import { coefficientFor } from '../results/coefficient-for.ts'
import { defaultCoefficients } from '../results/default-scoring.ts'
import { fenOfFixed, fixedOfFen } from './fen.ts'
import type { Amount, PayInputs, PayLabel, PayLine, PayScheme } from './pay-scheme.ts'
import { parseAmount, payFormulaVariables, validatePayScheme } from './validate-pay-scheme.ts'

export type PayLineResult = {
  code: string
  label: PayLabel
  /** Rounded to the fen, 2 decimals, e.g. "713.57". */
  amount: string
  /** How the amount came about, in plain words. */
  rule: { 'zh-CN': string; en: string }
}

export type PayResult = {
  schemeCode: string
  lines: PayLineResult[]
  /** Sum of the rounded lines, 2 decimals. */
  total: string
  /** The performance coefficient (绩效系数) of the score, and the task-completion coefficient used. */
  coefficient: number
  taskCoefficient: number
}

const HUNDRED = new Decimal(100)

/** Format a decimal with thousands separators, at its own precision or at `places` (for explanations). */
export function formatMoney(value: Decimal, places?: number): string {
  const text = places === undefined ? value.toFixed() : value.toFixed(places)
  const negative = text.startsWith('-')
  const [whole = '0', fraction] = (negative ? text.slice(1) : text).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`
}

// Already in fen (most lines: 500 × 1.2, counts × 10) it is its own rounding; a Decimal never changes.
const toFen = (value: Decimal) =>
  value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)

// Scores and coefficients repeat across a pay sheet (96, 82, 1.2 …): one Decimal per number, kept a while.
const decimalOfNumber = new Map<number, Decimal>()
function decimalOf(n: number): Decimal {
  let d = decimalOfNumber.get(n)
  if (!d) {
    if (decimalOfNumber.size > 10_000) decimalOfNumber.clear()
    d = new Decimal(n)
    decimalOfNumber.set(n, d)
  }
  return d
}
const asPercent = (rate: Decimal) => `${rate.times(HUNDRED).toFixed()}%`

const formulaCache = new WeakMap<object, CompiledFormula>()

function compiled(line: Extract<PayLine, { kind: 'formula' }>): CompiledFormula {
  let f = formulaCache.get(line)
  if (!f) {
    f = compileFormula(line.expression, [...payFormulaVariables, ...line.variables])
    formulaCache.set(line, f)
  }
  return f
}

// The named inputs of the seed pay systems, as people call them; any other input is shown by its name.
const payInputNames: Record<string, { 'zh-CN': string; en: string }> = {
  sales: { 'zh-CN': '个人销售额', en: 'own sales' },
  team_sales: { 'zh-CN': '团队销售额', en: 'team sales' },
  neutral_reviews_revised: { 'zh-CN': '中评修改', en: 'neutral reviews revised' },
  negative_reviews_revised: { 'zh-CN': '差评修改', en: 'negative reviews revised' },
}

function inputName(input: string, language: 'zh-CN' | 'en'): string {
  return payInputNames[input]?.[language] ?? input
}

/** A pay input as people call it (个人销售额 / own sales); any other input by its name. */
export function payInputLabel(input: string): { 'zh-CN': string; en: string } {
  return { 'zh-CN': inputName(input, 'zh-CN'), en: inputName(input, 'en') }
}

// A pay sheet computes one scheme for many people: check each scheme object once, not once per person.
const schemeIssueCache = new WeakMap<PayScheme, ReturnType<typeof validatePayScheme>>()

function schemeIssuesOf(scheme: PayScheme): ReturnType<typeof validatePayScheme> {
  let issues = schemeIssueCache.get(scheme)
  if (!issues) {
    issues = validatePayScheme(scheme)
    schemeIssueCache.set(scheme, issues)
  }
  return issues
}

const plainDecimal = /^(\d{1,15})(?:\.(\d{1,8}))?$/

/** Non-negative decimal text ("1234.5") as an integer over 10^places, when both are exact; else undefined. */
function scaledOf(text: string): { units: number; places: number } | undefined {
  const m = plainDecimal.exec(text)
  if (!m) return undefined
  const fraction = m[2] ?? ''
  const units = Number(m[1]! + fraction)
  return Number.isSafeInteger(units) ? { units, places: fraction.length } : undefined
}

const POWERS_OF_TEN = Array.from({ length: 26 }, (_, i) => 10 ** i)

/**
 * x × rate rounded half up to the fen, in integers, when every step is exact (both non-negative plain decimals,
 * the product below 2^53): the fen as an integer, else undefined (the caller computes it in decimal.js).
 */
function timesRateInFen(x: string, rate: { units: number; places: number }): number | undefined {
  const a = scaledOf(x)
  if (!a) return undefined
  const product = a.units * rate.units
  if (product > Number.MAX_SAFE_INTEGER) return undefined
  const places = a.places + rate.places
  if (places <= 2) {
    const fen = product * POWERS_OF_TEN[2 - places]!
    return Number.isSafeInteger(fen) ? fen : undefined
  }
  const divisor = POWERS_OF_TEN[places - 2]!
  const remainder = product % divisor
  const fen = (product - remainder) / divisor
  return remainder * 2 >= divisor ? fen + 1 : fen
}

// A scheme line's constants (base, rate, amount each …) parsed and formatted once per line object, not per person.
type LineConstant = {
  value: Decimal
  text: string
  percent: string
  /** The constant as an integer over 10^places ("0.02" → 2 over 10^2), when that is exact and small. */
  scaled: { units: number; places: number } | undefined
}
const lineConstants = new WeakMap<PayLine, LineConstant>()

function constantOf(line: PayLine, amount: Amount): LineConstant {
  let c = lineConstants.get(line)
  if (!c) {
    const value = parseAmount(amount)!
    c = { value, text: formatMoney(value), percent: asPercent(value), scaled: scaledOf(value.toFixed()) }
    lineConstants.set(line, c)
  }
  return c
}

// A line whose amount depends on one repeated number (base × the coefficient, amount each × a count) is priced
// once per scheme line and number: most lines of a pay sheet. Decimals never change, so sharing them is safe.
type Priced = { operand: Decimal; amount: Decimal; rounded: Decimal; fixed: string; fen: number | undefined }
const pricedCache = new WeakMap<PayLine, Map<string | number, Priced>>()

function pricedBefore(line: PayLine, key: string | number): Priced | undefined {
  return pricedCache.get(line)?.get(key)
}

function price(line: PayLine, key: string | number, operand: Decimal, factor: Decimal): Priced {
  let byKey = pricedCache.get(line)
  if (!byKey) {
    byKey = new Map()
    pricedCache.set(line, byKey)
  }
  if (byKey.size > 1000) byKey.clear()
  const amount = operand.times(factor)
  const rounded = toFen(amount)
  const fixed = rounded.toFixed(2)
  const priced = { operand, amount, rounded, fixed, fen: fenOfFixed(fixed) }
  byKey.set(key, priced)
  return priced
}

// What a line's rule text reads: the person's score and coefficients, and the line's own operand.
type RuleContext = {
  score: Decimal
  coefficient: Decimal
  taskCoefficient: Decimal
  /** The completion rate behind the task-completion coefficient, when the scheme reads one. */
  rate?: Decimal
}
type Describe = (ctx: RuleContext, line: PayLine, arg: unknown) => readonly [zh: string, en: string]

/**
 * A line's rule text, built only when read (shown, serialised or stored): a pay sheet of thousands of people is
 * summed far more often than its explanations are read. Built once, then kept; no closure per line.
 */
class PayRule {
  #text: { 'zh-CN': string; en: string } | undefined
  /** Undefined for a line priced in integer fen: recomputed in decimal.js from the line and `arg` when read. */
  readonly #amount: Decimal | undefined
  readonly #rounded: Decimal | undefined
  readonly #describe: Describe
  readonly #ctx: RuleContext
  readonly #line: PayLine
  readonly #arg: unknown
  constructor(
    amount: Decimal | undefined,
    rounded: Decimal | undefined,
    describe: Describe,
    ctx: RuleContext,
    line: PayLine,
    arg: unknown,
  ) {
    this.#amount = amount
    this.#rounded = rounded
    this.#describe = describe
    this.#ctx = ctx
    this.#line = line
    this.#arg = arg
  }
  #build(): { 'zh-CN': string; en: string } {
    if (!this.#text) {
      const [zh, en] = this.#describe(this.#ctx, this.#line, this.#arg)
      const amount = this.#amount ?? rateAmount(this.#line, this.#arg)
      const rounded = this.#rounded ?? toFen(amount)
      const shown = `${formatMoney(amount)}${rounded.eq(amount) ? '' : ` → ${formatMoney(rounded, 2)}`}`
      this.#text = { 'zh-CN': `${zh} = ${shown} 元`, en: `${en} = ${shown} yuan` }
    }
    return this.#text
  }
  get 'zh-CN'(): string {
    return this.#build()['zh-CN']
  }
  get en(): string {
    return this.#build().en
  }
  toJSON(): { 'zh-CN': string; en: string } {
    return this.#build()
  }
}

/** A rate line's amount before rounding, from its input as given (a Decimal, or the text priced in fen). */
function rateAmount(line: PayLine, x: unknown): Decimal {
  const l = line as Extract<PayLine, { kind: 'rate_times_input' }>
  return decimalOfInput(x).times(constantOf(l, l.rate).value)
}

const decimalOfInput = (x: unknown) =>
  x instanceof Decimal ? x : typeof x === 'number' ? new Decimal(x) : new Decimal(String(x).trim())

const taskWhy = (ctx: RuleContext): readonly [string, string] => {
  const rate = ctx.rate
  if (!rate) {
    const s = ctx.score.toFixed()
    return [`得分 ${s} 对应的绩效系数`, `the coefficient band of the score ${s}`]
  }
  const held = ctx.taskCoefficient
  return [
    `完成率 ${asPercent(rate)}${held.eq(rate) ? '' : `，限定为 ${held.toFixed()}`}`,
    `completion rate ${asPercent(rate)}${held.eq(rate) ? '' : `, held to ${held.toFixed()}`}`,
  ]
}

// One describer per line shape, shared by every person (the pay line as typed, its operand as `arg`).
const describe = {
  performance: (ctx, line) => {
    const base = constantOf(line, (line as { base: Amount }).base).text
    const s = ctx.score.toFixed()
    const c = ctx.coefficient.toFixed()
    return [
      `底薪 ${base} × 绩效系数 ${c}（得分 ${s}）`,
      `base ${base} × performance coefficient ${c} (score ${s})`,
    ]
  },
  taskCompletion: (ctx, line) => {
    const base = constantOf(line, (line as { base: Amount }).base).text
    const [zh, en] = taskWhy(ctx)
    const t = ctx.taskCoefficient.toFixed()
    return [
      `底薪 ${base} × 任务完成系数 ${t}（${zh}）`,
      `base ${base} × task-completion coefficient ${t} (${en})`,
    ]
  },
  rate: (_ctx, line, x) => {
    const l = line as Extract<PayLine, { kind: 'rate_times_input' }>
    const rate = constantOf(l, l.rate).percent
    const shown = formatMoney(decimalOfInput(x))
    return [
      `${inputName(l.input, 'zh-CN')} ${shown} × ${rate}`,
      `${inputName(l.input, 'en')} ${shown} × ${rate}`,
    ]
  },
  perUnit: (_ctx, line, n) => {
    const l = line as Extract<PayLine, { kind: 'per_unit' }>
    const each = constantOf(l, l.amountEach).text
    const count = (n as Decimal).toFixed()
    return [
      `${inputName(l.input, 'zh-CN')} ${count} 个 × ${each} 元`,
      `${inputName(l.input, 'en')} ${count} × ${each} yuan`,
    ]
  },
  fixed: () => ['固定金额', 'fixed amount'],
  gatedFull: (ctx, line) => {
    const l = line as Extract<PayLine, { kind: 'threshold_gated' }>
    const full = constantOf(l, l.amount).text
    const s = ctx.score.toFixed()
    return [`得分 ${s} ≥ ${l.fullAt}，全额发放 ${full}`, `score ${s} ≥ ${l.fullAt}: full ${full}`]
  },
  gatedNone: (ctx, line) => {
    const l = line as Extract<PayLine, { kind: 'threshold_gated' }>
    const s = ctx.score.toFixed()
    return [
      `得分 ${s} < ${l.zeroBelow}，当月考核不合格，不发放`,
      `score ${s} < ${l.zeroBelow}: month failed, nothing paid`,
    ]
  },
  gatedShare: (ctx, line) => {
    const l = line as Extract<PayLine, { kind: 'threshold_gated' }>
    const full = constantOf(l, l.amount).text
    const s = ctx.score.toFixed()
    return [
      `得分 ${s} 在 ${l.zeroBelow}–${l.fullAt} 之间，按 ${s}% × ${full}`,
      `score ${s} is between ${l.zeroBelow} and ${l.fullAt}: ${s}% × ${full}`,
    ]
  },
  scorePercent: (ctx, line) => {
    const base = constantOf(line, (line as { base: Amount }).base).text
    const s = ctx.score.toFixed()
    return [`绩效基数 ${base} × 绩效分值 ${s}%`, `performance base ${base} × score ${s}%`]
  },
  scorePoints: (ctx, line) => {
    const base = constantOf(line, (line as { base: Amount }).base).text
    const s = ctx.score.toFixed()
    return [`每分分值 ${base} × 得分 ${s}`, `value per point ${base} × score ${s}`]
  },
  noItems: () => ['本期无奖惩', 'no rewards or penalties this period'],
  item: (_ctx, _line, arg) => {
    const { label, negative } = arg as { label: string; negative: boolean }
    return [`${negative ? '罚' : '奖'}：${label}`, `${negative ? 'penalty' : 'reward'}: ${label}`]
  },
  formula: (_ctx, line, arg) => {
    const l = line as Extract<PayLine, { kind: 'formula' }>
    const { names, vars } = arg as { names: readonly string[]; vars: Record<string, Decimal.Value> }
    const shown = names.map((n) => `${n} = ${new Decimal(vars[n]!).toFixed()}`).join(', ')
    return [`公式 ${l.expression}（${shown}）`, `formula ${l.expression} (${shown})`]
  },
} satisfies Record<string, Describe>

type Building = {
  inputs: PayInputs
  ctx: RuleContext
  problems: { path: string; message: string }[]
  lines: PayLineResult[]
  /** The total so far in integer fen (exact: the lines are whole fen), NaN once it would leave the exact range. */
  fen: number
}

// Module functions over one computation's state, not closures per call (tsx's keepNames names every closure).
function inputValue(b: Pick<Building, 'inputs' | 'problems'>, name: string): Decimal | undefined {
  const parsed = parseAmount(b.inputs.values?.[name])
  if (!parsed)
    b.problems.push({ path: `values.${name}`, message: `input "${name}" is missing or not a number` })
  return parsed
}

function addLine(
  b: Building,
  line: PayLine,
  amount: Decimal,
  text: Describe,
  arg?: unknown,
  code = line.code,
  label = line.label,
): void {
  const rounded = toFen(amount)
  const fixed = rounded.toFixed(2)
  addFen(b, fenOfFixed(fixed))
  b.lines.push({
    code,
    label,
    amount: fixed,
    rule: new PayRule(amount, rounded, text, b.ctx, line, arg),
  })
}

const ZERO = new Decimal(0)
/** A line of nothing (no rewards or penalties, a failed month): shared, it never changes. */
const nothing: Priced = { operand: ZERO, amount: ZERO, rounded: ZERO, fixed: '0.00', fen: 0 }

// Lines are whole fen, so their sum is kept as an integer: exact, and no decimal.js addition per line.
function addFen(b: Building, fen: number | undefined): void {
  b.fen = fen === undefined ? Number.NaN : b.fen + fen
  if (!Number.isSafeInteger(b.fen)) b.fen = Number.NaN
}

function addPricedLine(b: Building, line: PayLine, p: Priced, text: Describe): void {
  if (p.fen !== 0) addFen(b, p.fen)
  b.lines.push({
    code: line.code,
    label: line.label,
    amount: p.fixed,
    rule: new PayRule(p.amount, p.rounded, text, b.ctx, line, p.operand),
  })
}

/**
 * Compute every pay line and the total; throws DomainError('invalid_input') listing every problem.
 * A scheme is treated as immutable once computed with (its check and constants are cached per object).
 * Amounts are computed eagerly; each line's rule text only when it is read.
 */
export function computePay(scheme: PayScheme, inputs: PayInputs): PayResult {
  const schemeIssues = schemeIssuesOf(scheme)
  if (schemeIssues.length > 0) {
    throw new DomainError(
      'invalid_input',
      `Invalid pay scheme ${scheme.code}: ${schemeIssues.map((i) => i.message.en).join('; ')}`,
      schemeIssues.map((i) => ({ path: i.path, message: i.message.en })),
    )
  }
  const problems: { path: string; message: string }[] = []
  if (!Number.isFinite(inputs.score))
    problems.push({ path: 'score', message: 'the score is missing or not a number' })
  const score = decimalOf(Number.isFinite(inputs.score) ? inputs.score : 0)
  const coefficient =
    inputs.coefficient ?? coefficientFor(inputs.score, scheme.coefficients ?? defaultCoefficients)
  const performance = decimalOf(coefficient)
  const ctx: RuleContext = { score, coefficient: performance, taskCoefficient: performance }
  const task = scheme.taskCompletion ?? { kind: 'score_band' }
  if (
    task.kind === 'completion_rate' &&
    scheme.lines.some((l) => l.kind === 'base_times_coefficient' && l.coefficient === 'task_completion')
  ) {
    const rate = inputValue({ inputs, problems }, task.input)
    if (rate) {
      let held = Decimal.max(rate, 0)
      if (task.cap !== undefined) held = Decimal.min(held, task.cap)
      ctx.taskCoefficient = held
      ctx.rate = rate
    }
  }

  const b: Building = { inputs, ctx, problems, lines: [], fen: 0 }

  for (const line of scheme.lines) {
    switch (line.kind) {
      case 'base_times_coefficient': {
        const base = constantOf(line, line.base).value
        if (line.coefficient === 'performance')
          addPricedLine(
            b,
            line,
            pricedBefore(line, coefficient) ?? price(line, coefficient, ctx.coefficient, base),
            describe.performance,
          )
        else if (ctx.taskCoefficient === performance)
          addPricedLine(
            b,
            line,
            pricedBefore(line, coefficient) ?? price(line, coefficient, ctx.taskCoefficient, base),
            describe.taskCompletion,
          )
        else addLine(b, line, base.times(ctx.taskCoefficient), describe.taskCompletion)
        break
      }
      case 'rate_times_input': {
        const rate = constantOf(line, line.rate)
        const raw = inputs.values?.[line.input]
        // decimal.js reads a number by its String(); -0 keeps its sign there, so it takes the decimal path.
        const text = typeof raw === 'number' && !Object.is(raw, -0) ? String(raw) : raw
        const fen = typeof text === 'string' && rate.scaled ? timesRateInFen(text, rate.scaled) : undefined
        if (fen !== undefined) {
          addFen(b, fen)
          b.lines.push({
            code: line.code,
            label: line.label,
            amount: fixedOfFen(fen),
            rule: new PayRule(undefined, undefined, describe.rate, b.ctx, line, raw),
          })
          break
        }
        const x = inputValue(b, line.input)
        if (x) addLine(b, line, x.times(rate.value), describe.rate, x)
        break
      }
      case 'per_unit': {
        const raw = inputs.values?.[line.input]
        const known = raw === undefined ? undefined : pricedBefore(line, raw)
        if (known) addPricedLine(b, line, known, describe.perUnit)
        else {
          const n = inputValue(b, line.input)
          if (n)
            addPricedLine(
              b,
              line,
              price(line, raw!, n, constantOf(line, line.amountEach).value),
              describe.perUnit,
            )
        }
        break
      }
      case 'fixed':
        addLine(b, line, constantOf(line, line.amount).value, describe.fixed)
        break
      case 'threshold_gated': {
        const full = constantOf(line, line.amount).value
        if (score.gte(line.fullAt)) addLine(b, line, full, describe.gatedFull)
        else if (score.lt(line.zeroBelow)) addPricedLine(b, line, nothing, describe.gatedNone)
        else addLine(b, line, full.times(score).div(HUNDRED), describe.gatedShare)
        break
      }
      case 'base_times_score': {
        const base = constantOf(line, line.base).value
        if (line.scoreAs === 'percent')
          addLine(b, line, base.times(score).div(HUNDRED), describe.scorePercent)
        else addLine(b, line, base.times(score), describe.scorePoints)
        break
      }
      case 'rewards_penalties': {
        const items = inputs.rewardsPenalties ?? []
        if (items.length === 0) addPricedLine(b, line, nothing, describe.noItems)
        for (let i = 0; i < items.length; i++) {
          const item = items[i]!
          const amount = parseAmount(item.amount)
          if (!amount) {
            problems.push({
              path: `rewardsPenalties[${i}].amount`,
              message: `reward/penalty "${item.label}" has no valid amount`,
            })
            continue
          }
          addLine(
            b,
            line,
            amount,
            describe.item,
            { label: item.label, negative: amount.isNegative() },
            item.code ?? `${line.code}.${i + 1}`,
            { 'zh-CN': `${line.label['zh-CN']}：${item.label}`, en: `${line.label.en}: ${item.label}` },
          )
        }
        break
      }
      case 'formula': {
        const f = compiled(line)
        const vars: Record<string, Decimal.Value> = {
          score,
          coefficient: ctx.coefficient,
          task_coefficient: ctx.taskCoefficient,
        }
        let complete = true
        for (const name of f.variables) {
          if (vars[name] !== undefined) continue
          const v = inputValue(b, name)
          if (v) vars[name] = v
          else complete = false
        }
        if (!complete) break
        addLine(b, line, f.evaluateDecimal(vars), describe.formula, { names: f.variables, vars })
        break
      }
    }
  }
  if (problems.length > 0) {
    throw new DomainError(
      'invalid_input',
      `Pay inputs are incomplete: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    )
  }
  return {
    schemeCode: scheme.code,
    lines: b.lines,
    total: Number.isNaN(b.fen)
      ? b.lines.reduce((t, l) => t.plus(l.amount), ZERO).toFixed(2)
      : fixedOfFen(b.fen),
    coefficient,
    taskCoefficient: ctx.taskCoefficient === performance ? coefficient : ctx.taskCoefficient.toNumber(),
  }
}
