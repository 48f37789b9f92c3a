// Shapes of the appraisal-sheet HTTP API as the web reads them (the server's getSheet / listSheetSummaries,
// src/api/routes/sheets.ts). The routes answer loose objects, so the pages read them through these types.
import type { z } from 'zod'
import type { sheetActionSchema, sheetStateSchema } from '../../../../contracts/workflow.ts'
import type { Explanation } from '../../../../core/scoring/explain-format.ts'
import type { IndicatorInput } from '../../../../core/scoring/score-indicator.ts'
import type { GradeBand, Template } from '../../../../core/templates/template.ts'

export type SheetState = z.infer<typeof sheetStateSchema>
export type SheetAction = z.infer<typeof sheetActionSchema>
export type SheetParty = 'owner' | 'reviewer' | 'upper' | 'hr' | 'admin' | 'finance' | 'system' | 'other'

/** The stage deadlines of a cycle (YYYY-MM-DD), keyed like core/workflow/stage-deadlines. */
export type StageKey = 'targets' | 'selfReview' | 'supervisorReview' | 'feedback' | 'sign'
export type StageDeadlines = Partial<Record<StageKey, string>>

/** One row of "my sheets" or the team queue. */
export type SheetSummary = {
  id: number
  cycleId: number
  cycleName: string
  cycleKind: 'monthly' | 'quarterly' | 'annual'
  periodStart: string
  periodEnd: string
  employeeId: number
  employeeNo: string
  employeeName: string
  departmentId: number | null
  departmentName: string | null
  reviewerEmployeeId: number | null
  reviewerName: string | null
  state: SheetState
  version: number
  total: number | null
  grade: string | null
  ownerConfirmed: boolean
  reviewerConfirmed: boolean
  appealDeadline: string | null
  deadlines: StageDeadlines
  updatedAt: string
}

export type TeamQueueItem = SheetSummary & { waitingOnMe: boolean }

export type OverdueItem = {
  kind: 'sheet' | 'appeal'
  id: number
  sheetId: number
  employeeName: string
  cycleName: string
  state: string
  step: StageKey | 'investigation' | 'appealWindow'
  stepName: string
  dueDate: string
  daysOverdue: number
}

export type ReviewInputs = { indicators?: Record<string, IndicatorInput>; comment?: string }

export type IndicatorScore = {
  key: string
  points: number
  maxPoints: number
  actual?: number
  target?: number
  ruleShape: string
  explanation: Explanation
  vetoed?: 'dimension' | 'total'
  missing?: boolean
}

export type AdjustmentScore = {
  key: string
  name: string
  kind: 'bonus' | 'deduction'
  points: number
  raw: number
  cap?: number
  explanation: Explanation
  missing?: boolean
}

/** Where a metric-bound indicator's actual came from (imports an appeal can point at). */
export type MetricSource = {
  metric: string
  value: number | null
  imports: number[]
  used: boolean
  reason?: string
}

/** The stored SheetScore of a computed sheet, with the inputs' issues and metric sources. */
export type SheetScore = {
  dimensions: {
    key: string
    name: string
    points: number
    maxPoints: number
    vetoed: boolean
    indicators: IndicatorScore[]
  }[]
  subtotal: number
  base: number
  adjustments: AdjustmentScore[]
  bonus: number
  deduction: number
  total: number
  vetoed?: 'total'
  raters: { rater: string; sheets: number; weight: number; effectiveWeight: number; subtotal: number }[]
  grade?: GradeBand
  coefficient: number
  missing: string[]
  explanation: Explanation
  metricSources?: Record<string, MetricSource>
  rollup?: { total: number; explanation?: Explanation }
}

export type SheetEntry = {
  id: number
  kind: 'work_record' | 'observation'
  date: string
  body: string
  links: { url: string; title?: string }[]
  fileIds: number[]
  authorName: string | null
  createdAt: string
}

export type SheetFile = {
  id: number
  name: string
  contentType: string
  size: number
  sha256: string
  createdAt: string
}

/** A peer review: the employee gets only indicators and comment, never who wrote it. */
export type PeerReview = {
  id?: number
  peerReviewerEmployeeId?: number
  peerReviewerName?: string
  submittedAt?: string | null
  indicators: Record<string, IndicatorInput> | null
  comment: string | null
}

export type AppealEvidence = { url: string; title?: string } | { fileId: number }
export type DisputedItem = {
  indicatorKey: string
  rows?: { importId?: number; rowNumbers?: number[]; reference?: string }[]
  note?: string
}

export type SheetAppeal = {
  id: number
  status: string
  reasons: string
  requestedOutcome: string | null
  disputed: DisputedItem[]
  evidence: AppealEvidence[]
  investigationDue: string | null
  ruling: 'upheld' | 'partly_upheld' | 'rejected' | null
  rulingNote: string | null
  filedAt: string
  ruledAt: string | null
}

export type SheetEvent = {
  action: string
  from: string | null
  to: string | null
  party: string
  actorName: string | null
  reason: string | null
  at: string
}

export type AgreedTargets = {
  indicators?: Record<string, { target?: number; weight?: number; note?: string }>
}

export type Feedback = { date: string; notes: string; improvements: string[] }

/** One sheet as the signed-in user may see it, with the actions they may take now. */
export type SheetView = {
  id: number
  version: number
  state: SheetState
  stateName: { zh: string; en: string }
  party: SheetParty
  allowedActions: SheetAction[]
  cycle: {
    id: number
    name: string
    kind: 'monthly' | 'quarterly' | 'annual'
    periodStart: string
    periodEnd: string
    deadlines: StageDeadlines
    appealWindowDays: number | null
  }
  employee: { id: number; name: string; employeeNo: string }
  department: { id: number; name: string } | null
  reviewer: { id: number; name: string } | null
  template: { id: number; name: string; version: number; templateVersionId: number; definition: Template }
  targets: AgreedTargets | null
  ownerConfirmedAt: string | null
  reviewerConfirmedAt: string | null
  selfReview: ReviewInputs | null
  supervisorReview: ReviewInputs | null
  sharedInputs: {
    indicators?: Record<string, IndicatorInput>
    adjustments?: Record<string, IndicatorInput>
  } | null
  peerReviews: PeerReview[]
  score: SheetScore | null
  total: number | null
  grade: string | null
  coefficient: number | null
  calibration: { from: number; to: number; reason?: string } | null
  feedback: Feedback | null
  signedAt: string | null
  appealDeadline: string | null
  finalizedAt: string | null
  entries: SheetEntry[]
  files: SheetFile[]
  events: SheetEvent[]
  appeals: SheetAppeal[]
}
