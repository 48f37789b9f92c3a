import { describe, expect, it } from 'vitest'
import { computePay } from '../pay/compute-pay.ts'
import { validatePayScheme } from '../pay/validate-pay-scheme.ts'
import { builtinPaySchemes } from './builtin-pay-schemes.ts'
import { findBuiltinTemplate } from './builtin-templates.ts'

function scheme(code: string) {
  const found = builtinPaySchemes.find((s) => s.scheme.code === code)
  if (!found) throw new Error(`no built-in pay scheme ${code}`)
  return found.scheme
}

describe('builtin pay schemes', () => {
  it.each(builtinPaySchemes.map((s) => [s.scheme.code, s] as const))(
    '%s validates and links to existing templates',
    (_code, s) => {
      expect(validatePayScheme(s.scheme)).toEqual([])
      for (const code of s.templateCodes) expect(findBuiltinTemplate(code), code).toBeDefined()
    },
  )

  it('000 客服: 500 × 1.5 + 2% of 20,000 + 2 中评 × 10 + 1 差评 × 20', () => {
    // A 95.25 total (the 75/25 example in builtin-templates.test.ts) is in the ≥95 band: coefficient 1.5.
    const pay = computePay(scheme('seed-000-customer-service-pay'), {
      score: 95.25,
      values: { sales: 20000, neutral_reviews_revised: 2, negative_reviews_revised: 1 },
    })
    expect(pay.coefficient).toBe(1.5)
    expect(pay.total).toBe('1190.00')
  })

  it.each([
    [92, '1000.00'],
    [85, '850.00'],
    [69.5, '0.00'],
  ])('T14: score %d pays %s of a 1000 performance pay (≥90 全额, <70 不发放)', (score, total) => {
    expect(computePay(scheme('seed-002-t14-threshold-gated-pay'), { score }).total).toBe(total)
  })
})
