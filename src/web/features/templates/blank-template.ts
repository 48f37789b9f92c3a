import type { Template } from '../../../contracts/template.ts'

// A new, empty template: one dimension of 100 points, the supervisor scores, and the seed's grade and
// coefficient bands (优秀 ≥90 … ; 绩效系数 ≥95 → 1.5 …) as a starting point. Names come from the caller (i18n).
export function createBlankTemplate(names: { name: string; dimension: string }): Template {
  return {
    code: '',
    name: names.name,
    period: 'monthly',
    positions: [],
    dimensions: [{ key: 'kpi', name: names.dimension, maxPoints: 100, indicators: [] }],
    adjustments: [],
    scoring: {
      scale: 'hundred',
      raterWeights: { supervisor: 1 },
      grades: [
        {
          grade: 'excellent',
          label: { 'zh-CN': '优秀', 'zh-TW': '優秀', en: 'Excellent' },
          min: 90,
          minInclusive: true,
        },
        {
          grade: 'good',
          label: { 'zh-CN': '良好', 'zh-TW': '良好', en: 'Good' },
          min: 80,
          minInclusive: true,
        },
        {
          grade: 'pass',
          label: { 'zh-CN': '合格', 'zh-TW': '合格', en: 'Pass' },
          min: 60,
          minInclusive: true,
        },
        {
          grade: 'fail',
          label: { 'zh-CN': '不合格', 'zh-TW': '不合格', en: 'Fail' },
          min: 0,
          minInclusive: true,
        },
      ],
      coefficients: [
        { min: 95, minInclusive: true, coefficient: 1.5 },
        { min: 80, minInclusive: true, coefficient: 1.2 },
        { min: 65, minInclusive: true, coefficient: 1 },
        { min: 0, minInclusive: true, coefficient: 0.5 },
      ],
    },
  }
}
