// Shapes of the appeals HTTP API as the web reads them (src/api/routes/appeals.ts, src/services/appeals/).
import type { Template } from '../../../../core/templates/template.ts'
import type { SheetState } from '../../../../core/workflow/sheet-workflow.ts'

export type AppealStatus = 'filed' | 'investigating' | 'ruled'
export type Ruling = 'upheld' | 'partly_upheld' | 'rejected'

/** One row of the appeals queue (申诉队列). */
export type AppealSummary = {
  id: number
  sheetId: number
  status: AppealStatus
  employeeName: string
  cycleName: string
  handlerUserId: number | null
  handlerName: string | null
  investigationDue: string | null
  filedAt: string
  ruling: Ruling | null
}

export type Evidence = { url: string; title?: string } | { fileId: number }
export type DisputedItem = {
  indicatorKey: string
  rows?: { importId?: number; rowNumbers?: number[]; reference?: string }[]
  note?: string
}
export type AppealNote = { at: string; byUserId: number; text: string }
export type IndicatorInput = { actual?: number; score?: number; comment?: string }
export type ChangedInputs = {
  shared?: Record<string, IndicatorInput>
  supervisor?: Record<string, IndicatorInput>
  adjustments?: Record<string, IndicatorInput>
}

export type IndicatorPoints = { key: string; points: number; maxPoints: number; actual?: number }

/** The sheet behind an appeal, as HR sees it (a subset of GET /api/sheets/{id}). */
export type AppealSheet = {
  id: number
  version: number
  state: SheetState
  cycle: { id: number; name: string }
  employee: { id: number; name: string; employeeNo: string }
  department: { id: number; name: string } | null
  reviewer: { id: number; name: string } | null
  template: { name: string; definition: Template }
  sharedInputs: { indicators?: Record<string, IndicatorInput> } | null
  supervisorReview: { indicators?: Record<string, IndicatorInput> } | null
  score: { dimensions: { key: string; name: string; indicators: IndicatorPoints[] }[] } | null
  total: number | null
  grade: string | null
  coefficient: number | null
  finalizedAt: string | null
  scoreHistory: {
    id: number
    total: number | null
    grade: string | null
    reason: string
    replacedAt: string
  }[]
  events: {
    action: string
    from: string | null
    to: string
    actorName: string | null
    reason: string | null
    at: string
  }[]
  files: { id: number; name: string }[]
}

/** One appeal with its sheet: the appeal detail page. */
export type AppealDetail = {
  id: number
  status: AppealStatus
  reasons: string
  requestedOutcome: string
  evidence: Evidence[]
  disputed: DisputedItem[]
  handler: { id: number; name: string } | null
  investigationDue: string | null
  notes?: AppealNote[]
  ruling: Ruling | null
  rulingNote: string | null
  changedInputs: ChangedInputs | null
  filedAt: string
  ruledAt: string | null
  version: number
  sheet: AppealSheet
}

export type AppealHandler = { id: number; name: string }
