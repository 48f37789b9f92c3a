// Splits a bonus pool (奖金池) among employees in proportion to a weight — coefficient × base, a grade table, or
// a given weight — to the fen, by largest remainder: every line gets the floor of its exact share, and the fen
// left over go one each to the largest remainders (ties: ascending employee id). The lines sum exactly to the pool.
import Decimal from 'decimal.js'
import { DomainError } from '../errors.ts'
import type { Amount } from './pay-scheme.ts'
import { parseAmount } from './validate-pay-scheme.ts'

// Shares are computed at 60 significant digits so that flooring never crosses a fen boundary by rounding.
const Big = Decimal.clone({ precision: 60 })

export type BonusPoolLine = {
  employeeId: string
  /** The employee's base (for coefficient × base). */
  base?: Amount
  /** The performance coefficient (绩效系数). */
  coefficient?: Amount
  /** The grade code (for a grade table). */
  grade?: string
  /** A weight given directly. */
  weight?: Amount
}

export type AllocationRule =
  | { kind: 'weight' }
  | { kind: 'coefficient_times_base' }
  /** Weight per grade code, e.g. { excellent: 3, good: 2, pass: 1, fail: 0 }. */
  | { kind: 'grade_table'; table: Readonly<Record<string, Amount>> }

export type BonusAllocation = {
  employeeId: string
  weight: string
  /** 2 decimals. */
  amount: string
  explanation: { 'zh-CN': string; en: string }
}

/** Split `pool` by the rule's weights; the amounts sum exactly to the pool, to the fen. */
export function allocateBonusPool(
  pool: Amount,
  lines: readonly BonusPoolLine[],
  rule: AllocationRule,
): BonusAllocation[] {
  const problems: { path: string; message: string }[] = []
  const total = parseAmount(pool)
  if (!total || total.isNegative() || !total.times(100).isInteger()) {
    problems.push({ path: 'pool', message: 'the pool must be a non-negative amount in whole fen' })
  }
  const seen = new Set<string>()
  const weights = lines.map((line, i) => {
    if (seen.has(line.employeeId))
      problems.push({
        path: `lines[${i}].employeeId`,
        message: `employee ${line.employeeId} is listed twice`,
      })
    seen.add(line.employeeId)
    let w: Decimal | undefined
    let field = 'weight'
    if (rule.kind === 'weight') w = parseAmount(line.weight)
    else if (rule.kind === 'coefficient_times_base') {
      const base = parseAmount(line.base)
      const c = parseAmount(line.coefficient)
      field = base ? 'coefficient' : 'base'
      w = base && c ? base.times(c) : undefined
    } else {
      field = 'grade'
      w = line.grade !== undefined ? parseAmount(rule.table[line.grade]) : undefined
    }
    if (!w)
      problems.push({
        path: `lines[${i}].${field}`,
        message: `employee ${line.employeeId} has no valid ${field}`,
      })
    else if (w.isNegative())
      problems.push({
        path: `lines[${i}].${field}`,
        message: `employee ${line.employeeId} has a negative weight`,
      })
    return new Big(w ?? 0)
  })
  const sum = weights.reduce((a, w) => a.plus(w), new Big(0))
  if (lines.length > 0 && sum.isZero() && total && !total.isZero()) {
    problems.push({ path: 'lines', message: 'all weights are zero: the pool cannot be split' })
  }
  if (problems.length > 0) {
    throw new DomainError(
      'invalid_input',
      `Cannot allocate the bonus pool: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    )
  }
  if (lines.length === 0) return []
  const fen = new Big(total!.toString()).times(100)
  const shares = weights.map((w, index) => {
    const exact = sum.isZero() ? new Big(0) : fen.times(w).div(sum)
    const floor = exact.floor()
    return { index, exact, floor, remainder: exact.minus(floor) }
  })
  let left = fen.minus(shares.reduce((a, s) => a.plus(s.floor), new Big(0))).toNumber()
  const order = [...shares].sort((a, b) => {
    const byRemainder = b.remainder.comparedTo(a.remainder)
    if (byRemainder !== 0) return byRemainder
    const ia = lines[a.index]!.employeeId
    const ib = lines[b.index]!.employeeId
    return ia < ib ? -1 : ia > ib ? 1 : 0
  })
  const extra = new Array<number>(lines.length).fill(0)
  for (const s of order) {
    if (left <= 0) break
    extra[s.index] = 1
    left -= 1
  }
  return shares.map((s) => {
    const line = lines[s.index]!
    const amount = s.floor.plus(extra[s.index]!).div(100)
    const weight = weights[s.index]!
    const share = sum.isZero() ? new Big(0) : weight.div(sum).times(100)
    const exactYuan = s.exact.div(100)
    const plusFen = extra[s.index] === 1
    return {
      employeeId: line.employeeId,
      weight: weight.toFixed(),
      amount: amount.toFixed(2),
      explanation: {
        'zh-CN': `权重 ${weight.toFixed()} / 合计 ${sum.toFixed()}（${share.toDecimalPlaces(2).toFixed()}%）× 奖金池 ${total!.toFixed(2)} = ${exactYuan.toDecimalPlaces(6).toFixed()}，取整到分${plusFen ? '，按最大余数多分 1 分' : ''} → ${amount.toFixed(2)} 元`,
        en: `weight ${weight.toFixed()} / total ${sum.toFixed()} (${share.toDecimalPlaces(2).toFixed()}%) × pool ${total!.toFixed(2)} = ${exactYuan.toDecimalPlaces(6).toFixed()}, floored to the fen${plusFen ? ', plus 1 fen by largest remainder' : ''} → ${amount.toFixed(2)} yuan`,
      },
    }
  })
}
