// Shapes of the cycles HTTP API as the web reads them (the server's contract: src/api/routes/cycles.ts and the
// services behind it, src/services/cycles/).
import type { SheetState } from '../../../../core/workflow/sheet-workflow.ts'

export type CycleKind = 'monthly' | 'quarterly' | 'annual'
export type CycleStatus = 'opening' | 'open' | 'failed' | 'closed'

export type GradeQuota = { grade: string; maxShare: number }

export type CycleSettings = {
  appealWindowDays?: number
  investigationDays?: number
  stageOffsets?: Record<string, number>
  rollup?: { sources: { cycleId: number; weight: number }[]; ownWeight: number }
  gradeQuotas?: GradeQuota[]
}

/** One cycle (考核周期) with its stage deadlines; the list adds its sheet count. */
export type Cycle = {
  id: number
  name: string
  kind: CycleKind
  periodStart: string
  periodEnd: string
  status: CycleStatus
  participants: { departmentIds?: number[]; positionIds?: number[]; employeeIds?: number[] }
  settings: CycleSettings
  deadlines: Record<string, string>
  templateId: number | null
  jobId: number | null
  createdAt: string
  sheets?: number
}

export type CycleInput = {
  name: string
  kind: CycleKind
  periodStart: string
  periodEnd: string
  participants: { departmentIds?: number[]; positionIds?: number[]; employeeIds?: number[] }
  templateId?: number
  settings: CycleSettings
}

/** A background job (opening or computing a cycle); `result.interrupted` when a restart ended it. */
export type Job = {
  id: number
  kind: string
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  done: number
  total: number
  error: string | null
  result: Record<string, unknown> | null
}

export type OverdueStep = {
  sheetId: number
  employeeName: string
  departmentName: string | null
  reviewerName: string | null
  state: SheetState
  owedBy: string
  step: string
  stepName: string
  dueDate: string
}

export type AppealQueueItem = {
  id: number
  sheetId: number
  status: 'filed' | 'investigating' | 'ruled'
  employeeName: string
  cycleName: string
  handlerUserId: number | null
  handlerName: string | null
  investigationDue: string | null
  filedAt: string
  ruling: 'upheld' | 'partly_upheld' | 'rejected' | null
}

/** How far computing got: sheets computed of all, those still to compute, and the last compute job. */
export type CycleComputation = {
  computed: number
  total: number
  uncomputedCount: number
  /** The first 500 sheets whose supervisor review is in and that are not computed yet. */
  uncomputed: {
    sheetId: number
    employeeName: string
    departmentName: string | null
    reviewerName: string | null
  }[]
  lastJob: Job | null
}

/** HR's cycle board: sheets by stage and department, overdue steps, open appeals, computing progress. */
export type CycleBoard = {
  cycle: Cycle
  today: string
  total: number
  byState: Record<SheetState, number>
  departments: {
    departmentId: number | null
    departmentName: string | null
    byState: Partial<Record<SheetState, number>>
    total: number
  }[]
  overdue: OverdueStep[]
  openAppeals: AppealQueueItem[]
  computation: CycleComputation
  /** People moved (调动) since the cycle opened; their sheet stays with the department and reviewer it opened with. */
  moves: CycleMove[]
}

export type CycleMove = {
  sheetId: number
  employeeId: number
  employeeName: string
  fromDepartmentName: string | null
  toDepartmentName: string | null
  departmentMoved: boolean
  fromManagerName: string | null
  toManagerName: string | null
  managerMoved: boolean
}

export type Distribution = {
  count: number
  mean: number | null
  min: number | null
  max: number | null
  grades: Record<string, number>
  histogram: { from: number; to: number; count: number }[]
}

export type CalibrationSheet = {
  sheetId: number
  employeeName: string
  departmentId: number | null
  departmentName: string | null
  state: SheetState
  version: number
  total: number
  grade: string | null
  calibrated: boolean
  calibratable: boolean
}

export type QuotaViolation = {
  scope: 'company' | 'department'
  departmentId: number | null
  grade: string
  count: number
  groupSize: number
  allowed: number
  maxShare: number
  sheetIds: number[]
  message: string
}

/** The calibration view (绩效校准): distribution by department and grade-quota violations (强制分布). */
export type Calibration = {
  cycleId: number
  quotas: GradeQuota[]
  company: Distribution
  departments: (Distribution & { departmentId: number | null; departmentName: string | null })[]
  violations: QuotaViolation[]
  sheets: CalibrationSheet[]
}
