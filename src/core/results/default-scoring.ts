// Default grade and coefficient bands from the seeds: grades 优秀 ≥90 / 良好 80–89 / 合格 60–79 / 不合格 <60
// (003 篇3) and the performance coefficient (绩效系数) <65 → 0.5, ≥65 → 1.0, ≥80 → 1.2, ≥95 → 1.5 (000, bounds
// inclusive: "含65分", "含80分", and "95分以上" read as ≥95 for consistency).
import type { CoefficientBand, GradeBand, TemplateScoring } from '../templates/template.ts'

/** Grade bands, highest first; the lowest band takes every score below the others. */
export const defaultGrades: GradeBand[] = [
  {
    grade: 'excellent',
    label: { 'zh-CN': '优秀', 'zh-TW': '優秀', en: 'Excellent' },
    min: 90,
    minInclusive: true,
  },
  { grade: 'good', label: { 'zh-CN': '良好', 'zh-TW': '良好', en: 'Good' }, min: 80, minInclusive: true },
  { grade: 'pass', label: { 'zh-CN': '合格', 'zh-TW': '合格', en: 'Pass' }, min: 60, minInclusive: true },
  { grade: 'fail', label: { 'zh-CN': '不合格', 'zh-TW': '不合格', en: 'Fail' }, min: 0, minInclusive: true },
]

/** Performance-coefficient bands (绩效系数), highest first. */
export const defaultCoefficients: CoefficientBand[] = [
  { min: 95, minInclusive: true, coefficient: 1.5 },
  { min: 80, minInclusive: true, coefficient: 1.2 },
  { min: 65, minInclusive: true, coefficient: 1.0 },
  { min: 0, minInclusive: true, coefficient: 0.5 },
]

/** The scoring block a template gets unless it says otherwise: 100-point scale, supervisor only. */
export const defaultScoring: TemplateScoring = {
  scale: 'hundred',
  raterWeights: { supervisor: 1 },
  grades: defaultGrades,
  coefficients: defaultCoefficients,
}
