// The KPI template model (考核模板): template → dimensions (维度) → indicators (指标), plus bonus (加分项)
// and deduction (扣分项) items outside the budget. Templates are plain, versioned data; the engine in
// core/scoring reads them. Every number that a person types into a template is a JSON number here.

export type LocalizedText = { 'zh-CN': string; 'zh-TW'?: string; en?: string }

export type Direction = 'higher_better' | 'lower_better'

/** KPI = quantitative, measured; KCI = key capability/qualitative, judged by a rater (定性). */
export type IndicatorType = 'kpi' | 'kci'

/**
 * Who scores an indicator: a rater type, or a named assessor who then gets the row in their queue — a
 * department's head (财务部, 总经办, 人力资源部), a position's holder, or a person by employee number (工号).
 */
export type Assessor = {
  rater: 'supervisor' | 'self' | 'peer' | 'hr' | 'department' | 'position' | 'person' | 'system'
  department?: string
  position?: string
  employeeNo?: string
}

/** Where the actual value comes from: a catalogue metric (imported shop data) or manual entry. */
export type DataSource =
  | { kind: 'manual' }
  | {
      kind: 'metric'
      metric: string
      attribution: 'employee' | 'team' | 'shop'
      /** Split a shared metric among people by contribution share (e.g. inquiries handled). */
      splitBy?: string
    }
  /** The supervisor's weekly samples of customer-service conversations (每周抽查), averaged over the period. */
  | { kind: 'sampling' }
  /**
   * A fact the organisation already holds: the period's leavers of the sheet's department (and the departments
   * under it) counted by tenure band from their hire and leave dates (002 T9 员工流失), for a weighted_deductions rule.
   */
  | { kind: 'organisation'; fact: 'leavers_by_tenure' }

/** The target an indicator is measured against. */
export type Target =
  | { kind: 'none' }
  | { kind: 'fixed'; value: number }
  /** Set per employee when targets are agreed; `default` until then. */
  | { kind: 'per_employee'; default?: number }
  /** Derived from history, e.g. last month's daily average UV × 110% (目标值为上个月的日均UV*110%). */
  | DerivedTarget

/**
 * A target computed from a metric's earlier periods when the cycle opens, then frozen on the sheet: the
 * previous period's daily average or total, the same period a year earlier, or the average of the last
 * `periods` periods (months for a monthly cycle); `perDay` reads the last two as daily averages. × factor.
 */
export type DerivedTarget = {
  kind: 'derived'
  metric: string
  from: DerivedTargetFrom
  /** How many earlier periods 'last_periods_average' averages (2–24). */
  periods?: number
  /** For 'same_period_last_year' and 'last_periods_average': daily averages instead of totals. */
  perDay?: boolean
  factor: number
}

export type DerivedTargetFrom =
  | 'previous_period_daily_average'
  | 'previous_period_total'
  | 'same_period_last_year'
  | 'last_periods_average'

/**
 * A numeric band with explicit inclusivity; an absent bound is open. Defaults: minInclusive true, maxInclusive
 * false, i.e. [min, max). Band lists are read first-match, in order.
 */
export type Band = {
  min?: number
  minInclusive?: boolean
  max?: number
  maxInclusive?: boolean
  points: number
  label?: string
}

export type Level = { code: string; label: string; description?: string; points: number }

/** The declarative rule shapes (see core/scoring for their semantics and explanations). */
export type Rule =
  /**
   * Tiered bands on the actual value or on the completion rate (actual/target, as a fraction: 1 = 100%).
   * `scale: 'fraction_of_max'` reads band points on their own scale (e.g. 0–5, T10) and scales them to maxPoints.
   */
  | {
      shape: 'bands'
      basis: 'actual' | 'completion_rate'
      bands: Band[]
      scale?: 'points' | 'fraction_of_max'
    }
  /** points = max × actual/target (or target/actual when lower is better), clamped to [floorRatio, capRatio] × max. */
  | { shape: 'ratio_to_target'; capRatio: number; floorRatio?: number; zeroBelowRatio?: number }
  /** max − perOccurrence × max(0, n − freeOccurrences), never below `floor` (扣完为止 ⇒ floor 0). */
  | { shape: 'deduct_per_occurrence'; perOccurrence: number; freeOccurrences?: number; floor?: number }
  /** Below the threshold: max − pointsPerUnit × units short (每低100次扣2分); partialUnit says whether a partial unit counts. */
  | {
      shape: 'deduct_per_shortfall'
      threshold: number
      unit: number
      pointsPerUnit: number
      partialUnit: 'counts' | 'ignored'
      floor?: number
    }
  /** Deductions weighted by category, e.g. staff turnover by tenure (−1 over 6 months, −2 over a year, −3 over two). */
  | {
      shape: 'weighted_deductions'
      categories: { key: string; label: string; pointsEach: number }[]
      floor?: number
    }
  /** A bonus per occurrence with a cap (奖励加3分/次). */
  | { shape: 'bonus_per_occurrence'; perOccurrence: number; cap?: number }
  /** A one-off bonus chosen by the assessor within bounds (额外加5–10分). */
  | { shape: 'bonus_range'; min: number; max: number }
  /**
   * Graded levels (A/B/C). Either the rater picks a level, or `thresholds` derive it from the actual value
   * (first level whose band contains the actual value).
   */
  | { shape: 'levels'; levels: Level[]; thresholds?: { level: string; band: Omit<Band, 'points'> }[] }
  /** Error-count ladder: exact count → points (0 → 5, 1 → 4 …), `beyond` for counts past the ladder. */
  | {
      shape: 'count_ladder'
      steps: { count: number; points: number }[]
      beyond: number
      scale?: 'points' | 'fraction_of_max'
    }
  /** Pass/fail: full points when the condition holds, else zero (未完成不得分). No condition = done/not done. */
  | { shape: 'pass_fail'; condition?: { op: '>=' | '>' | '<=' | '<' | '=='; value: number } }
  /** 一票否决: a violation (actual ≥ 1, or true) zeroes the dimension or the whole total. */
  | { shape: 'veto'; scope: 'dimension' | 'total' }
  /** 酌情给分: the assessor picks a score within [min, max], with a mandatory comment. */
  | { shape: 'discretionary'; min: number; max: number }
  /**
   * Excel-style formula over named variables (actual, target, max, completion, occurrences, plus the
   * names listed in `variables`); parsed by jsep, never eval. Points are clamped to [floorPoints ?? 0,
   * capPoints ?? maxPoints].
   */
  | { shape: 'formula'; expression: string; variables?: string[]; floorPoints?: number; capPoints?: number }

export type RuleShape = Rule['shape']

/**
 * What an absent input means (缺少数据时): 'block' holds the sheet until it is entered, 'zero' scores 0, 'full'
 * scores full marks (nothing deducted), 'exclude' leaves the indicator out and renormalises the dimension over
 * the rest. Missing is never a silent 0: the explanation names the rule that applied.
 */
export type WhenMissing = 'block' | 'zero' | 'full' | 'exclude'

export type Indicator = {
  /** Stable key within the template (used by values files, bindings and history). */
  key: string
  name: string
  definition?: string
  unit?: string
  direction: Direction
  type: IndicatorType
  /** Points this indicator contributes at most on the 100-point scale (or weight % when the dimension uses weights). */
  maxPoints: number
  target: Target
  rule: Rule
  assessor: Assessor
  dataSource: DataSource
  /** What an absent input means; by default per rule shape (see core/scoring/default-when-missing.ts). */
  whenMissing?: WhenMissing
}

export type Dimension = {
  key: string
  name: string
  /** Budget of the dimension: the sum of its indicators' maxPoints. */
  maxPoints: number
  indicators: Indicator[]
}

/** A bonus (加分项) or deduction (扣分项) item outside the 100 points, each with an optional cap. */
export type AdjustmentItem = {
  key: string
  name: string
  kind: 'bonus' | 'deduction'
  rule: Rule
  cap?: number
  assessor: Assessor
  dataSource: DataSource
  /** What an absent input means; by default nothing is added or deducted (see default-when-missing.ts). */
  whenMissing?: WhenMissing
}

export type RaterWeights = Partial<Record<'supervisor' | 'self' | 'peer' | 'sampling' | 'hr', number>>

export type GradeBand = { grade: string; label: LocalizedText; min: number; minInclusive: boolean }
export type CoefficientBand = { min: number; minInclusive: boolean; coefficient: number }

export type TemplateScoring = {
  /** 'hundred': totals are on the 100-point scale; 'raw_points': a plain sum of points. */
  scale: 'hundred' | 'raw_points'
  /** How the raters' totals blend (e.g. supervisor 0.75 + self 0.25); weights sum to 1. */
  raterWeights: RaterWeights
  /** Grade bands, highest first; defaults: 优秀 ≥90, 良好 ≥80, 合格 ≥60, 不合格 below. */
  grades: GradeBand[]
  /** Performance-coefficient bands, highest first; defaults: ≥95 → 1.5, ≥80 → 1.2, ≥65 → 1.0, else 0.5. */
  coefficients: CoefficientBand[]
  /** Optional cap on the sum of all bonus items (加分项合计上限), on top of each item's own cap. */
  bonusCap?: number
  /**
   * The rater settings: what an empty review of a weighted rater (e.g. no self review) means — 'block' holds the
   * sheet until it is entered, 'exclude' (default) leaves that rater out and renormalises the others' weights.
   */
  raters?: { whenMissing: 'block' | 'exclude' }
}

export type Template = {
  /** Stable code across versions, e.g. 'seed-002-t11-network-admin'. */
  code: string
  name: string
  description?: string
  /** Which seed and table it comes from, and any number the seed leaves open (marked defaults). */
  source?: { seed: string; table?: string; notes?: string[] }
  positions?: string[]
  period: 'monthly' | 'quarterly' | 'annual'
  dimensions: Dimension[]
  adjustments: AdjustmentItem[]
  scoring: TemplateScoring
}
