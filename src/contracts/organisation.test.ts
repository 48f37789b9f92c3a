import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { employeeInputSchema, employeePatchSchema, isoDateSchema } from './organisation.ts'

describe('isoDateSchema', () => {
  it('accepts exactly the YYYY-MM-DD strings that name a real calendar day', () => {
    const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
          expect(isoDateSchema.safeParse(text).success).toBe(d <= daysIn(y, m))
        },
      ),
    )
  })

  it('refuses other spellings with one issue', () => {
    for (const text of ['2026-4-1', '2026/04/01', '20260401', '2026-04-01T00:00:00Z', '']) {
      const result = isoDateSchema.safeParse(text)
      expect(result.success, text).toBe(false)
      expect(result.error?.issues).toHaveLength(1)
    }
  })
})

describe('employee schemas', () => {
  it('leave status and other optional fields out of a patch rather than defaulting them', () => {
    expect(employeePatchSchema.parse({ name: ' 小冰 ' })).toEqual({ name: '小冰' })
  })

  it('reject unknown fields on create and patch', () => {
    expect(
      employeeInputSchema.safeParse({ employeeNo: 'E1', name: '甲', hireDate: '2026-01-01', salary: 1 })
        .success,
    ).toBe(false)
    expect(employeePatchSchema.safeParse({ salary: 1 }).success).toBe(false)
  })
})
