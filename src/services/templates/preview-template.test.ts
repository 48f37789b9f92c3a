import { describe, expect, it } from 'vitest'
import { builtinTemplates } from '../../core/library/builtin-templates.ts'
import { previewTemplate } from './preview-template.ts'

// Issue 16: in the template preview, deduction items with nothing entered scored 0 instead of full marks.
describe('previewTemplate with nothing entered', () => {
  it('scores deduction items full marks and says so (002 T11 网管, 扣完为止)', () => {
    const t11 = builtinTemplates.find((t) => t.code === 'seed-002-t11-network-admin')!
    const preview = previewTemplate(t11, {})
    const scored = preview.score!.dimensions.flatMap((d) => d.indicators)
    const deductions = scored.filter((i) => i.ruleShape === 'deduct_per_occurrence')
    expect(deductions.length).toBeGreaterThan(0)
    for (const item of deductions) {
      expect(item).toMatchObject({ points: item.maxPoints, missing: true, whenMissing: 'full' })
      expect(item.explanation['zh-CN']).toContain('按模板规定记满分')
    }
  })
})
