// Why a person's result moves under a draft (what-if simulation, issue 16 part 10): the indicators and bonus or
// deduction items whose points differ, the scale, grade bands or coefficient bands when only they explain the
// move, and the pay lines whose amounts differ. Largest move first.
import Decimal from 'decimal.js'
import type { PayLineResult } from '../pay/compute-pay.ts'
import type { SheetScore } from '../scoring/score-sheet.ts'

/** One rule that changed a person's result, with its value today and under the draft (null: absent on that side). */
export type ChangedRule = {
  kind: 'indicator' | 'adjustment' | 'scale' | 'grade_bands' | 'coefficient_bands' | 'pay_line'
  /** The indicator, item or pay line key; empty for the scale and bands. */
  key: string
  /** The name people know it by (the template's or the pay scheme's wording); empty for the scale and bands. */
  name: string
  /** The English name where the rule has one (pay lines). */
  nameEn?: string
  before: string | null
  after: string | null
}

/** A person's scored result on one side of the comparison (the sheet's score and what it gave). */
export type SideResult = {
  score: Pick<SheetScore, 'dimensions' | 'adjustments'> & {
    dimensions: { indicators: { key: string; points: number }[] }[]
  }
  total: string | null
  grade: string | null
  coefficient: string | null
  payLines: readonly Pick<PayLineResult, 'code' | 'label' | 'amount'>[] | null
}

const points = (n: number | undefined) => (n === undefined ? null : String(n))

function size(change: ChangedRule): number {
  const a = change.before === null ? 0 : Number(change.before)
  const b = change.after === null ? 0 : Number(change.after)
  return Number.isFinite(a) && Number.isFinite(b) ? Math.abs(b - a) : 0
}

const same = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && new Decimal(a).equals(new Decimal(b)))

/**
 * The rules that changed a result, largest move first. `names` gives indicator and item names by key (the
 * draft's wording first); an indicator or item only on one side counts as a change.
 */
export function findChangedRules(
  today: SideResult,
  draft: SideResult,
  names: ReadonlyMap<string, string>,
): ChangedRule[] {
  const scoreChanges: ChangedRule[] = []
  const indicatorPoints = (side: SideResult) => {
    const map = new Map<string, number>()
    for (const d of side.score.dimensions) for (const i of d.indicators) map.set(i.key, i.points)
    return map
  }
  const before = indicatorPoints(today)
  const after = indicatorPoints(draft)
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key)
    const a = after.get(key)
    if (b !== a)
      scoreChanges.push({
        kind: 'indicator',
        key,
        name: names.get(key) ?? key,
        before: points(b),
        after: points(a),
      })
  }
  const adjBefore = new Map(today.score.adjustments.map((x) => [x.key, x.points]))
  const adjAfter = new Map(draft.score.adjustments.map((x) => [x.key, x.points]))
  for (const key of new Set([...adjBefore.keys(), ...adjAfter.keys()])) {
    const b = adjBefore.get(key)
    const a = adjAfter.get(key)
    if (b !== a)
      scoreChanges.push({
        kind: 'adjustment',
        key,
        name: names.get(key) ?? key,
        before: points(b),
        after: points(a),
      })
  }
  const totalMoved = !same(today.total, draft.total)
  // The total moved though no indicator or item did: the budgets, scale or weights between dimensions changed.
  if (totalMoved && scoreChanges.length === 0)
    scoreChanges.push({ kind: 'scale', key: '', name: '', before: today.total, after: draft.total })
  if (!totalMoved && today.grade !== draft.grade)
    scoreChanges.push({ kind: 'grade_bands', key: '', name: '', before: today.grade, after: draft.grade })
  if (!totalMoved && !same(today.coefficient, draft.coefficient))
    scoreChanges.push({
      kind: 'coefficient_bands',
      key: '',
      name: '',
      before: today.coefficient,
      after: draft.coefficient,
    })
  const payChanges: ChangedRule[] = []
  const linesBefore = new Map((today.payLines ?? []).map((l) => [l.code, l]))
  const linesAfter = new Map((draft.payLines ?? []).map((l) => [l.code, l]))
  for (const code of new Set([...linesBefore.keys(), ...linesAfter.keys()])) {
    const b = linesBefore.get(code)
    const a = linesAfter.get(code)
    if (same(b?.amount ?? null, a?.amount ?? null)) continue
    payChanges.push({
      kind: 'pay_line',
      key: code,
      name: (a ?? b)!.label['zh-CN'],
      nameEn: (a ?? b)!.label.en,
      before: b?.amount ?? null,
      after: a?.amount ?? null,
    })
  }
  const bySize = (x: ChangedRule, y: ChangedRule) => size(y) - size(x)
  return [...scoreChanges.sort(bySize), ...payChanges.sort(bySize)]
}
