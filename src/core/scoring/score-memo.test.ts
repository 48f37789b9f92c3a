import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinTemplates } from '../library/builtin-templates.ts'
import type { Template } from '../templates/template.ts'
import { roundScore } from './round-score.ts'
import { type IndicatorInput, scoreIndicator } from './score-indicator.ts'
import { createScoreMemo, memoKeyOf } from './score-memo.ts'
import { type RaterSheet, type SheetInputs, scoreSheet } from './score-sheet.ts'

// Computing a cycle shares one memo across its sheets: a sheet scored with the memo must read exactly as
// scored alone, whatever the other sheets held before it; and the raters' subtotals, taken from the blend,
// must equal each role's sheets scored one by one.

// Few values per field, so sheets repeat inputs and the memo is hit; the odd ones must never be confused.
const number = fc.constantFrom(0, -0, 1, 2.5, 0.95, 80, 100, 1e9, Number.NaN, Number.POSITIVE_INFINITY)
const input: fc.Arbitrary<IndicatorInput> = fc.record(
  {
    actual: number,
    target: number,
    occurrences: fc.constantFrom(0, 1, 3),
    level: fc.constantFrom('A', 'B', 'C', 'Z'),
    score: fc.constantFrom(0, 5, 20, 25, 100),
    comment: fc.constantFrom('好', '"引号"|分隔'),
    passed: fc.boolean(),
    violated: fc.boolean(),
    counts: fc.dictionary(fc.constantFrom('a', 'b', 'junior', 'senior'), fc.constantFrom(0, 1, 2)),
  },
  { requiredKeys: [] },
)
const inputsByKey = (keys: string[]) =>
  fc.dictionary(fc.constantFrom(...keys), input, { maxKeys: keys.length })

function sheetInputs(keys: string[], adjustmentKeys: string[]): fc.Arbitrary<SheetInputs> {
  const rater = (role: RaterSheet['rater']) =>
    inputsByKey(keys).map((indicators): RaterSheet => ({ rater: role, indicators }))
  return fc.record({
    indicators: inputsByKey(keys),
    raters: fc.oneof(
      fc.constant([]),
      fc.tuple(rater('supervisor'), rater('self')),
      fc.tuple(rater('supervisor'), rater('peer'), rater('peer')),
    ),
    adjustments: adjustmentKeys.length > 0 ? inputsByKey(adjustmentKeys) : fc.constant({}),
  })
}

/** Each role's subtotal the long way: every sheet of the role scored alone, summed sheet by sheet. */
function raterSubtotals(template: Template, inputs: SheetInputs): number[] {
  const roles = [...new Set((inputs.raters ?? []).map((r) => r.rater))]
  return roles.map((role) => {
    const sheets = (inputs.raters ?? []).filter((r) => r.rater === role)
    let sum = 0
    for (const sheet of sheets)
      for (const d of template.dimensions)
        for (const i of d.indicators)
          sum += scoreIndicator(i, sheet.indicators[i.key] ?? inputs.indicators?.[i.key] ?? {}).points
    return roundScore(sum / sheets.length)
  })
}

describe('score memo', () => {
  it('scores every sheet of a run exactly as it scores alone, on every built-in template', () => {
    for (const template of builtinTemplates) {
      const keys = template.dimensions.flatMap((d) => d.indicators.map((i) => i.key))
      const adjustmentKeys = template.adjustments.map((a) => a.key)
      fc.assert(
        fc.property(fc.array(sheetInputs(keys, adjustmentKeys), { minLength: 2, maxLength: 8 }), (sheets) => {
          const memo = createScoreMemo()
          for (const inputs of sheets) {
            const alone = scoreSheet(template, inputs)
            expect(JSON.stringify(scoreSheet(template, inputs, { memo })), template.code).toBe(
              JSON.stringify(alone),
            )
            expect(alone.raters.map((r) => r.subtotal)).toEqual(raterSubtotals(template, inputs))
          }
        }),
        { numRuns: 15, seed: 5 },
      )
    }
  })

  it('shares the result of equal inputs, but never across −0 and 0 or a number JSON cannot write', () => {
    const template = builtinTemplates[0]!
    const memo = createScoreMemo()
    const key = template.dimensions[0]!.indicators[0]!.key
    const first = scoreSheet(template, { indicators: { [key]: { actual: 0.9 } } }, { memo })
    const again = scoreSheet(template, { indicators: { [key]: { actual: 0.9 } } }, { memo })
    expect(again.dimensions[0]!.indicators[0]).toBe(first.dimensions[0]!.indicators[0])
    // A score cached without its explanation is not handed to a caller who asked for one.
    const indicator = template.dimensions[0]!.indicators[0]!
    expect(scoreIndicator(indicator, { actual: 0.5 }, { explain: false, memo }).explanation.en).toBe('')
    expect(scoreIndicator(indicator, { actual: 0.5 }, { memo }).explanation.en).not.toBe('')
    expect(memoKeyOf({ actual: 0 })).toBe('{"actual":0}')
    expect(memoKeyOf({ actual: -0 })).toBeUndefined()
    expect(memoKeyOf({ actual: Number.NaN })).toBeUndefined()
    expect(memoKeyOf({ variables: { x: Number.POSITIVE_INFINITY } })).toBeUndefined()
    expect(memoKeyOf({ actual: null as unknown as number })).not.toBe(memoKeyOf({}))
    expect(memoKeyOf(undefined)).not.toBe(memoKeyOf({}))
  })
})
