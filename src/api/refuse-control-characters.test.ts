import { describe, expect, it } from 'vitest'
import { saveImportMappingSchema } from '../contracts/ingest.ts'
import { findUnsafeText } from './refuse-control-characters.ts'

describe('findUnsafeText', () => {
  it('names a __proto__ key instead of letting zod drop it silently (issue 12)', () => {
    const body = JSON.parse(
      '{"name":"映射","kind":"traffic","mapping":{"date":"日期","__pr\\u006fto__":"访客"}}',
    )
    expect(findUnsafeText(body)).toEqual([
      { path: 'mapping.__proto__', message: '字段名“__proto__”不被接受' },
    ])
  })

  it('leaves ordinary keys alone', () => {
    expect(findUnsafeText({ mapping: { date: '日期', visitors: '访客' } })).toEqual([])
  })
})

describe('saveImportMappingSchema', () => {
  it('refuses mapping keys that are not column names, constructor and prototype included', () => {
    for (const key of ['constructor', 'prototype', 'Date', '日期']) {
      const r = saveImportMappingSchema.safeParse({
        name: 'm',
        kind: 'traffic',
        mapping: { date: '日期', [key]: 'x' },
      })
      expect(r.success, key).toBe(false)
      expect(r.error?.issues[0]?.path).toEqual(['mapping', key])
    }
    expect(
      saveImportMappingSchema.safeParse({ name: 'm', kind: 'traffic', mapping: { date: '日期' } }).success,
    ).toBe(true)
  })
})
