import type { Rule, RuleShape } from '../../../contracts/template.ts'

/** Every rule shape, in the order the rule builder offers them. */
export const ruleShapes: readonly RuleShape[] = [
  'bands',
  'ratio_to_target',
  'deduct_per_occurrence',
  'deduct_per_shortfall',
  'weighted_deductions',
  'bonus_per_occurrence',
  'bonus_range',
  'levels',
  'count_ladder',
  'pass_fail',
  'veto',
  'discretionary',
  'formula',
]

// A sensible starting rule of a shape for an item worth `maxPoints`, used when the editor switches shapes.
export function createDefaultRule(shape: RuleShape, maxPoints: number): Rule {
  const max = maxPoints > 0 ? maxPoints : 10
  switch (shape) {
    case 'bands':
      return {
        shape,
        basis: 'completion_rate',
        bands: [
          { min: 1, minInclusive: true, points: max },
          { min: 0.8, minInclusive: true, max: 1, maxInclusive: false, points: max / 2 },
        ],
      }
    case 'ratio_to_target':
      return { shape, capRatio: 1 }
    case 'deduct_per_occurrence':
      return { shape, perOccurrence: 2, floor: 0 }
    case 'deduct_per_shortfall':
      return { shape, threshold: 100, unit: 10, pointsPerUnit: 1, partialUnit: 'counts', floor: 0 }
    case 'weighted_deductions':
      return { shape, categories: [{ key: 'a', label: 'A', pointsEach: 1 }], floor: 0 }
    case 'bonus_per_occurrence':
      return { shape, perOccurrence: 1, cap: max }
    case 'bonus_range':
      return { shape, min: 0, max }
    case 'levels':
      return {
        shape,
        levels: [
          { code: 'A', label: 'A', points: max },
          { code: 'B', label: 'B', points: max / 2 },
          { code: 'C', label: 'C', points: 0 },
        ],
      }
    case 'count_ladder':
      return {
        shape,
        steps: [
          { count: 0, points: max },
          { count: 1, points: max / 2 },
        ],
        beyond: 0,
      }
    case 'pass_fail':
      return { shape }
    case 'veto':
      return { shape, scope: 'dimension' }
    case 'discretionary':
      return { shape, min: 0, max }
    case 'formula':
      return { shape, expression: 'max * MIN(1, actual / target)' }
  }
}
