// Small constructors that keep the built-in template files close to the seed tables they transcribe.
import { defaultCoefficients, defaultGrades } from '../results/default-scoring.ts'
import type {
  Assessor,
  DataSource,
  Dimension,
  Indicator,
  Level,
  RaterWeights,
  Rule,
  Target,
  TemplateScoring,
} from '../templates/template.ts'

export const supervisor: Assessor = { rater: 'supervisor' }
export const self: Assessor = { rater: 'self' }
export const peer: Assessor = { rater: 'peer' }
export const hr: Assessor = { rater: 'hr' }
/** A named assessing department (考核部门), e.g. 财务部, 总经办. */
export const department = (name: string): Assessor => ({ rater: 'department', department: name })

export const manual: DataSource = { kind: 'manual' }
/** A catalogue metric (see metric-keys.ts); `attribution` says whose figure counts. */
export const metric = (
  key: string,
  attribution: 'employee' | 'team' | 'shop' = 'employee',
): Extract<DataSource, { kind: 'metric' }> => ({ kind: 'metric', metric: key, attribution })

export const noTarget: Target = { kind: 'none' }
export const fixedTarget = (value: number): Target => ({ kind: 'fixed', value })
/** A target agreed per employee when the cycle opens; `value` is the marked default until then. */
export const agreedTarget = (value?: number): Target =>
  value === undefined ? { kind: 'per_employee' } : { kind: 'per_employee', default: value }

/** 酌情给分 / 上级综合评定: the assessor picks 0…max with a comment. */
export const discretionary = (max: number): Rule => ({ shape: 'discretionary', min: 0, max })

/** points = max × min(1, actual/target) (or target/actual when lower is better). */
export const proportional = (capRatio = 1): Rule => ({ shape: 'ratio_to_target', capRatio })

/** 扣X分/次, never below zero (扣完为止). */
export const deductEach = (perOccurrence: number): Rule => ({
  shape: 'deduct_per_occurrence',
  perOccurrence,
  floor: 0,
})

/**
 * The seeds' A/B/C grading (R3/R4): A = full points, B = half, C = 0. Descriptions are the seed's wording.
 * With `thresholds`, the level follows from the actual value instead of the rater's choice.
 */
export function abcLevels(
  max: number,
  descriptions: [string, string, string],
  thresholds?: Extract<Rule, { shape: 'levels' }>['thresholds'],
): Rule {
  const levels: Level[] = [
    { code: 'A', label: 'A', description: descriptions[0], points: max },
    { code: 'B', label: 'B', description: descriptions[1], points: max / 2 },
    { code: 'C', label: 'C', description: descriptions[2], points: 0 },
  ]
  return thresholds ? { shape: 'levels', levels, thresholds } : { shape: 'levels', levels }
}

type IndicatorInput = Omit<Indicator, 'direction' | 'type' | 'target' | 'assessor' | 'dataSource'> &
  Partial<Pick<Indicator, 'direction' | 'type' | 'target' | 'assessor' | 'dataSource'>>

/** A judged indicator (KCI): defaults to manual entry by the supervisor, no target, higher is better. */
export function kci(input: IndicatorInput): Indicator {
  return {
    direction: 'higher_better',
    type: 'kci',
    target: noTarget,
    assessor: supervisor,
    dataSource: manual,
    ...input,
  }
}

/** A measured indicator (KPI): same defaults as `kci` but typed as quantitative. */
export function kpi(input: IndicatorInput): Indicator {
  return kci({ type: 'kpi', ...input })
}

/** A dimension with its budget as the seed states it (the indicators must add up to it). */
export function dimension(key: string, name: string, maxPoints: number, indicators: Indicator[]): Dimension {
  return { key, name, maxPoints, indicators }
}

/**
 * Scoring on the 100-point scale with the seed grade bands (优秀 ≥90 / 良好 ≥80 / 合格 ≥60, 003 篇3) and
 * coefficient bands (≥95 → 1.5, ≥80 → 1.2, ≥65 → 1.0, else 0.5, 000); the supervisor's score counts unless told otherwise. */
export function hundredPointScoring(raterWeights: RaterWeights = { supervisor: 1 }): TemplateScoring {
  return { scale: 'hundred', raterWeights, grades: defaultGrades, coefficients: defaultCoefficients }
}

/**
 * A measured indicator scored in proportion to its agreed target (target/actual when lower is better), capped
 * at full points: the library's default where a seed names an indicator but gives no rule.
 */
export function measuredKpi(
  key: string,
  name: string,
  definition: string,
  maxPoints: number,
  options: { dataSource?: DataSource; direction?: Indicator['direction']; unit?: string } = {},
): Indicator {
  const direction = options.direction ?? 'higher_better'
  return kpi({
    key,
    name,
    definition: `${definition} 本表按完成比例计分：得分 = ${maxPoints} × min(1, ${direction === 'higher_better' ? '实际/目标' : '目标/实际'})，目标按人约定。`,
    direction,
    ...(options.unit ? { unit: options.unit } : {}),
    maxPoints,
    target: agreedTarget(),
    rule: proportional(1),
    dataSource: options.dataSource ?? manual,
  })
}
