import type { ColumnType, Generated } from 'kysely'
import type { AppealEvidence, AppealNoteEntry, ChangedInputs, DisputedItem } from '../contracts/appeals.ts'
import type {
  AgreedTargets,
  Feedback,
  PeerReview,
  ReviewInputs,
  SheetDetail,
  SheetEntry,
  SheetScore,
} from '../contracts/sheets.ts'

// Row types of the workflow tables (migration 0004-workflow), part of the one `Database` type.
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, T | string, T | string>
type JsonDefault<T> = ColumnType<T, T | string | undefined, T | string>
type JsonNullable<T> = ColumnType<T | null, T | string | null | undefined, T | string | null>
type Numeric = ColumnType<string | null, number | string | null | undefined, number | string | null>

// What the json columns of a sheet hold: the shapes the contract sends.
type StoredSampling = NonNullable<SheetDetail['sampling']>
type SharedInputs = SheetDetail['sharedInputs']
type Calibration = NonNullable<SheetDetail['calibration']>

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export type JobTable = {
  id: Generated<number>
  company_id: number
  kind: string
  status: JobStatus
  done: Generated<number>
  total: Generated<number>
  error: string | null
  params: JsonDefault<Record<string, unknown>>
  result: JsonNullable<Record<string, unknown>>
  created_by_user_id: number | null
  created_at: CreatedAt
  updated_at: CreatedAt
  /** The process running the job (migration 0022): host name, pid and the process's start token. */
  owner_host: ColumnType<string | null, string | null | undefined, string | null>
  owner_pid: ColumnType<number | null, number | null | undefined, number | null>
  owner_token: ColumnType<string | null, string | null | undefined, string | null>
}

export type CycleKind = 'monthly' | 'quarterly' | 'annual'
export type CycleStatus = 'opening' | 'open' | 'closed' | 'failed'

export type CycleTable = {
  id: Generated<number>
  company_id: number
  name: string
  kind: CycleKind
  period_start: ColumnType<string, string, string>
  period_end: ColumnType<string, string, string>
  status: CycleStatus
  participants: JsonDefault<unknown>
  settings: JsonDefault<unknown>
  deadlines: JsonDefault<unknown>
  template_id: number | null
  job_id: number | null
  created_by_user_id: number | null
  created_at: CreatedAt
}

export type AppraisalSheetTable = {
  id: Generated<number>
  company_id: number
  cycle_id: number
  employee_id: number
  reviewer_employee_id: number | null
  department_id: number | null
  position_id: number | null
  template_version_id: number
  state: ColumnType<string, string | undefined, string>
  version: Generated<number>
  targets: JsonDefault<AgreedTargets>
  owner_confirmed_at: NullableTime
  reviewer_confirmed_at: NullableTime
  self_review: JsonDefault<ReviewInputs>
  supervisor_review: JsonDefault<ReviewInputs>
  shared_inputs: JsonDefault<SharedInputs>
  sampling: JsonNullable<StoredSampling>
  score: JsonNullable<SheetScore>
  total: Numeric
  grade: string | null
  coefficient: Numeric
  calibration: JsonNullable<Calibration>
  feedback: JsonNullable<Feedback>
  signed_at: NullableTime
  signed_by_user_id: number | null
  appeal_deadline: ColumnType<string | null, string | null | undefined, string | null>
  finalized_at: NullableTime
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type SheetEventTable = {
  id: Generated<number>
  company_id: number
  sheet_id: number
  action: string
  from_state: string
  to_state: string
  actor_user_id: number | null
  party: string
  reason: string | null
  created_at: CreatedAt
}

export type SheetFileTable = {
  id: Generated<number>
  company_id: number
  sheet_id: number
  name: string
  content_type: string
  size: number
  sha256: string
  data: Uint8Array
  uploaded_by_user_id: number | null
  created_at: CreatedAt
}

export type SheetEntryTable = {
  id: Generated<number>
  company_id: number
  sheet_id: number
  kind: 'work_record' | 'observation'
  entry_date: string
  body: string
  links: JsonDefault<SheetEntry['links']>
  file_ids: JsonDefault<number[]>
  author_user_id: number | null
  created_at: CreatedAt
}

export type PeerReviewTable = {
  id: Generated<number>
  company_id: number
  sheet_id: number
  reviewer_employee_id: number
  indicators: JsonDefault<PeerReview['indicators']>
  comment: string | null
  submitted_at: NullableTime
  created_at: CreatedAt
  /** 'peer' (同事互评) or 'assessor' (a row's named assessor, migration 0031). */
  kind: ColumnType<'peer' | 'assessor', 'peer' | 'assessor' | undefined, 'peer' | 'assessor'>
  /** The rows an assessor owes (null for a peer review). */
  indicator_keys: ColumnType<string[] | null, string | null | undefined, string | null>
}

export type SheetScoreHistoryTable = {
  id: Generated<number>
  company_id: number
  sheet_id: number
  score: JsonNullable<SheetScore>
  total: Numeric
  grade: string | null
  reason: string
  replaced_by_user_id: number | null
  created_at: CreatedAt
}

export type AppealStatus = 'filed' | 'investigating' | 'ruled'
export type AppealRuling = 'upheld' | 'partly_upheld' | 'rejected'

export type AppealTable = {
  id: Generated<number>
  company_id: number
  sheet_id: number
  status: AppealStatus
  reasons: string
  evidence: JsonDefault<AppealEvidence[]>
  requested_outcome: string
  disputed: JsonDefault<DisputedItem[]>
  handler_user_id: number | null
  investigation_due: string | null
  notes: JsonDefault<AppealNoteEntry[]>
  ruling: AppealRuling | null
  ruling_note: string | null
  changed_inputs: JsonNullable<ChangedInputs>
  filed_by_user_id: number | null
  filed_at: CreatedAt
  ruled_at: NullableTime
  version: Generated<number>
}

export type CalendarDayTable = {
  company_id: number
  date: string
  kind: 'holiday' | 'workday'
  name: string
}

export type NotificationTable = {
  id: Generated<number>
  company_id: number
  user_id: number
  kind: string
  title: string
  body: string
  entity: string
  entity_id: string
  read_at: NullableTime
  created_at: CreatedAt
}

export type WebhookFlavour = 'dingtalk' | 'feishu' | 'wecom'

export type NotificationWebhookTable = {
  company_id: number
  flavour: WebhookFlavour
  url: string
  enabled: Generated<boolean>
}

export type NotificationOutboxTable = {
  id: Generated<number>
  company_id: number
  notification_id: number | null
  url: string
  payload: Json<unknown>
  status: 'pending' | 'sent' | 'failed'
  attempts: Generated<number>
  next_attempt_at: CreatedAt
  last_error: string | null
  sent_at: NullableTime
  created_at: CreatedAt
}

export type WorkflowTables = {
  jobs: JobTable
  cycles: CycleTable
  appraisal_sheets: AppraisalSheetTable
  sheet_events: SheetEventTable
  sheet_files: SheetFileTable
  sheet_entries: SheetEntryTable
  peer_reviews: PeerReviewTable
  sheet_score_history: SheetScoreHistoryTable
  appeals: AppealTable
  calendar_days: CalendarDayTable
  notifications: NotificationTable
  notification_webhooks: NotificationWebhookTable
  notification_outbox: NotificationOutboxTable
}
