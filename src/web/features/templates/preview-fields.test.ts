import { describe, expect, it } from 'vitest'
import type { Template } from '../../../contracts/template.ts'
import { previewFieldsFor, splitPreviewIssues, toSheetInputs } from './preview-fields.ts'

describe('previewFieldsFor', () => {
  it('asks for what each shape reads', () => {
    expect(previewFieldsFor({ shape: 'deduct_per_occurrence', perOccurrence: 2 })).toEqual(['occurrences'])
    expect(previewFieldsFor({ shape: 'bands', basis: 'actual', bands: [] })).toEqual(['actual'])
    expect(previewFieldsFor({ shape: 'bands', basis: 'completion_rate', bands: [] })).toEqual([
      'actual',
      'target',
    ])
    expect(previewFieldsFor({ shape: 'discretionary', min: 0, max: 10 })).toEqual(['score', 'comment'])
    expect(previewFieldsFor({ shape: 'pass_fail' })).toEqual(['passed'])
    expect(previewFieldsFor({ shape: 'pass_fail', condition: { op: '>=', value: 1 } })).toEqual(['actual'])
    expect(previewFieldsFor({ shape: 'formula', expression: 'max - occurrences', variables: ['x'] })).toEqual(
      ['actual', 'target', 'occurrences', 'variables'],
    )
  })
})

describe('toSheetInputs', () => {
  it('splits indicators from adjustment items and drops removed items and empty values', () => {
    const template = {
      dimensions: [{ indicators: [{ key: 'a' }] }],
      adjustments: [{ key: 'bonus' }],
    } as unknown as Template
    expect(
      toSheetInputs(template, {
        a: { actual: 3, comment: '' },
        gone: { actual: 1 },
        bonus: { occurrences: 2, score: undefined },
      }),
    ).toEqual({ indicators: { a: { actual: 3 } }, adjustments: { bonus: { occurrences: 2 } } })
  })
})

describe('splitPreviewIssues', () => {
  it('files input problems under their item and keeps template problems apart', () => {
    const { byKey, general } = splitPreviewIssues([
      { path: 'inputs.indicators.work_attitude.comment', message: '缺少评语' },
      { path: 'inputs.adjustments.bonus.score', message: '超出范围' },
      { path: 'dimensions.0.maxPoints', message: '预算' },
    ])
    expect(byKey.get('work_attitude')?.map((i) => i.message)).toEqual(['缺少评语'])
    expect(byKey.get('bonus')?.map((i) => i.message)).toEqual(['超出范围'])
    expect(general.map((i) => i.message)).toEqual(['预算'])
  })
})
