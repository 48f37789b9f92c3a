import { type Selectable, sql } from 'kysely'
import type { SheetState } from '../core/workflow/sheet-workflow.ts'
import type { Db } from './database.ts'
import { reportingTreeIds } from './organisation-repository.ts'
import type {
  AppraisalSheetTable,
  PeerReviewTable,
  SheetEntryTable,
  SheetEventTable,
} from './workflow-tables.ts'

// Appraisal sheets (考核表) and what hangs off them: events (every transition), work records and
// observations, small files, peer reviews and the score history.

export type SheetRow = Selectable<AppraisalSheetTable>
export type SheetPatch = Partial<Omit<SheetRow, 'id' | 'company_id' | 'version' | 'created_at'>>

export async function findSheetRow(db: Db, companyId: number, id: number): Promise<SheetRow | undefined> {
  return db
    .selectFrom('appraisal_sheets')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The sheet row locked for the rest of the transaction, so two saves are serialised and the version check holds. */
export async function lockSheetRow(db: Db, companyId: number, id: number): Promise<SheetRow | undefined> {
  return db
    .selectFrom('appraisal_sheets')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

const jsonColumns = new Set([
  'targets',
  'self_review',
  'supervisor_review',
  'shared_inputs',
  'sampling',
  'score',
  'calibration',
  'feedback',
])

/** Writes the patch and bumps the version (optimistic concurrency); returns the new row. */
export async function updateSheetRow(db: Db, id: number, patch: SheetPatch, now: Date): Promise<SheetRow> {
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    values[key] = jsonColumns.has(key) && value !== null ? JSON.stringify(value) : value
  }
  return db
    .updateTable('appraisal_sheets')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function insertSheetEvent(
  db: Db,
  event: {
    companyId: number
    sheetId: number
    action: string
    fromState: string
    toState: string
    actorUserId: number | null
    party: string
    reason: string | null
    now: Date
  },
): Promise<void> {
  await db
    .insertInto('sheet_events')
    .values({
      company_id: event.companyId,
      sheet_id: event.sheetId,
      action: event.action,
      from_state: event.fromState,
      to_state: event.toState,
      actor_user_id: event.actorUserId,
      party: event.party,
      reason: event.reason,
      created_at: event.now,
    })
    .execute()
}

export type SheetEventRecord = Selectable<SheetEventTable> & { actor_name: string | null }

export async function listSheetEvents(db: Db, sheetId: number): Promise<SheetEventRecord[]> {
  return db
    .selectFrom('sheet_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_user_id')
    .selectAll('ev')
    .select('u.display_name as actor_name')
    .where('ev.sheet_id', '=', sheetId)
    .orderBy('ev.id')
    .execute()
}

export type SheetFilter = {
  cycleId?: number
  employeeId?: number
  reviewerEmployeeId?: number
  /** Sheets of everyone in this employee's reporting tree except the employee themself. */
  treeRootEmployeeId?: number
  /** Sheets this employee reviews or that lie in their reporting tree (their own excluded): the team queue in one query. */
  teamOfEmployeeId?: number
  states?: readonly string[]
  departmentId?: number
  limit?: number
}

export type SheetSummary = {
  id: number
  cycleId: number
  cycleName: string
  cycleKind: string
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
  deadlines: Record<string, string>
  updatedAt: Date
}

type SummaryRow = {
  id: number
  cycle_id: number
  cycle_name: string
  cycle_kind: string
  period_start: string
  period_end: string
  deadlines: unknown
  employee_id: number
  employee_no: string
  employee_name: string
  department_id: number | null
  department_name: string | null
  reviewer_employee_id: number | null
  reviewer_name: string | null
  state: string
  version: number
  total: string | number | null
  grade: string | null
  owner_confirmed_at: unknown
  reviewer_confirmed_at: unknown
  appeal_deadline: string | null
  updated_at: string | Date
}

function toSummary(r: SummaryRow): SheetSummary {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    cycleName: r.cycle_name,
    cycleKind: r.cycle_kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    employeeId: r.employee_id,
    employeeNo: r.employee_no,
    employeeName: r.employee_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    reviewerEmployeeId: r.reviewer_employee_id,
    reviewerName: r.reviewer_name,
    state: r.state as SheetState,
    version: r.version,
    total: r.total === null ? null : Number(r.total),
    grade: r.grade,
    ownerConfirmed: r.owner_confirmed_at !== null,
    reviewerConfirmed: r.reviewer_confirmed_at !== null,
    appealDeadline: r.appeal_deadline,
    deadlines: r.deadlines as Record<string, string>,
    updatedAt: new Date(r.updated_at),
  }
}

export async function listSheetSummaries(
  db: Db,
  companyId: number,
  filter: SheetFilter,
): Promise<SheetSummary[]> {
  let q = db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .leftJoin('employees as r', 'r.id', 's.reviewer_employee_id')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select([
      's.id',
      's.cycle_id',
      'c.name as cycle_name',
      'c.kind as cycle_kind',
      'c.period_start',
      'c.period_end',
      'c.deadlines',
      's.employee_id',
      'e.employee_no',
      'e.name as employee_name',
      's.department_id',
      'd.name as department_name',
      's.reviewer_employee_id',
      'r.name as reviewer_name',
      's.state',
      's.version',
      's.total',
      's.grade',
      's.owner_confirmed_at',
      's.reviewer_confirmed_at',
      's.appeal_deadline',
      's.updated_at',
    ])
    .where('s.company_id', '=', companyId)
  if (filter.cycleId !== undefined) q = q.where('s.cycle_id', '=', filter.cycleId)
  if (filter.employeeId !== undefined) q = q.where('s.employee_id', '=', filter.employeeId)
  if (filter.reviewerEmployeeId !== undefined)
    q = q.where('s.reviewer_employee_id', '=', filter.reviewerEmployeeId)
  if (filter.departmentId !== undefined) q = q.where('s.department_id', '=', filter.departmentId)
  // The reporting tree is evaluated once into an array (`= any(array(…))`), so the sheets are found through
  // the (company_id, employee_id) index; an `in (subquery)` inside an OR made the planner scan every sheet.
  if (filter.treeRootEmployeeId !== undefined)
    q = q
      .where(
        sql<boolean>`s.employee_id = any(array${reportingTreeIds(companyId, filter.treeRootEmployeeId)})`,
      )
      .where('s.employee_id', '<>', filter.treeRootEmployeeId)
  if (filter.teamOfEmployeeId !== undefined) {
    const me = filter.teamOfEmployeeId
    q = q
      .where((eb) =>
        eb.or([
          eb('s.reviewer_employee_id', '=', me),
          sql<boolean>`s.employee_id = any(array${reportingTreeIds(companyId, me)})`,
        ]),
      )
      .where('s.employee_id', '<>', me)
  }
  if (filter.states && filter.states.length > 0) q = q.where('s.state', 'in', [...filter.states])
  const rows = await q
    .orderBy('c.period_start', 'desc')
    .orderBy('s.id')
    .limit(filter.limit ?? 1000)
    .execute()
  return rows.map(toSummary)
}

// Entries ----------------------------------------------------------------------------------------

export type SheetEntryRecord = Selectable<SheetEntryTable> & { author_name: string | null }

export async function insertSheetEntry(
  db: Db,
  entry: {
    companyId: number
    sheetId: number
    kind: 'work_record' | 'observation'
    entryDate: string
    body: string
    links: { url: string; title?: string }[]
    fileIds: number[]
    authorUserId: number
  },
): Promise<number> {
  const row = await db
    .insertInto('sheet_entries')
    .values({
      company_id: entry.companyId,
      sheet_id: entry.sheetId,
      kind: entry.kind,
      entry_date: entry.entryDate,
      body: entry.body,
      links: JSON.stringify(entry.links),
      file_ids: JSON.stringify(entry.fileIds),
      author_user_id: entry.authorUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function listSheetEntries(db: Db, sheetId: number): Promise<SheetEntryRecord[]> {
  return db
    .selectFrom('sheet_entries as en')
    .leftJoin('users as u', 'u.id', 'en.author_user_id')
    .selectAll('en')
    .select('u.display_name as author_name')
    .where('en.sheet_id', '=', sheetId)
    .orderBy('en.entry_date')
    .orderBy('en.id')
    .execute()
}

// Files ------------------------------------------------------------------------------------------

export type SheetFileMeta = {
  id: number
  name: string
  contentType: string
  size: number
  sha256: string
  createdAt: Date
}

export async function insertSheetFile(
  db: Db,
  file: {
    companyId: number
    sheetId: number
    name: string
    contentType: string
    data: Uint8Array
    sha256: string
    userId: number
  },
): Promise<SheetFileMeta> {
  const row = await db
    .insertInto('sheet_files')
    .values({
      company_id: file.companyId,
      sheet_id: file.sheetId,
      name: file.name,
      content_type: file.contentType,
      size: file.data.byteLength,
      sha256: file.sha256,
      data: file.data,
      uploaded_by_user_id: file.userId,
    })
    .returning(['id', 'name', 'content_type', 'size', 'sha256', 'created_at'])
    .executeTakeFirstOrThrow()
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: new Date(row.created_at),
  }
}

export async function listSheetFiles(db: Db, sheetId: number): Promise<SheetFileMeta[]> {
  const rows = await db
    .selectFrom('sheet_files')
    .select(['id', 'name', 'content_type', 'size', 'sha256', 'created_at'])
    .where('sheet_id', '=', sheetId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    createdAt: new Date(r.created_at),
  }))
}

export async function findSheetFile(
  db: Db,
  companyId: number,
  sheetId: number,
  fileId: number,
): Promise<{ name: string; contentType: string; data: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('sheet_files')
    .select(['name', 'content_type', 'data'])
    .where('company_id', '=', companyId)
    .where('sheet_id', '=', sheetId)
    .where('id', '=', fileId)
    .executeTakeFirst()
  return row ? { name: row.name, contentType: row.content_type, data: row.data } : undefined
}

// Peer reviews -----------------------------------------------------------------------------------

export type PeerReviewRecord = Selectable<PeerReviewTable> & { reviewer_name: string }

export async function listPeerReviews(db: Db, sheetId: number): Promise<PeerReviewRecord[]> {
  return db
    .selectFrom('peer_reviews as p')
    .innerJoin('employees as e', 'e.id', 'p.reviewer_employee_id')
    .selectAll('p')
    .select('e.name as reviewer_name')
    .where('p.sheet_id', '=', sheetId)
    .orderBy('p.id')
    .execute()
}

/** Sets the sheet's peer reviewers: adds new ones, removes those not listed that have not submitted yet. */
export async function setPeerReviewers(
  db: Db,
  companyId: number,
  sheetId: number,
  reviewerEmployeeIds: readonly number[],
): Promise<void> {
  let removal = db
    .deleteFrom('peer_reviews')
    .where('sheet_id', '=', sheetId)
    .where('kind', '=', 'peer')
    .where('submitted_at', 'is', null)
  if (reviewerEmployeeIds.length > 0)
    removal = removal.where('reviewer_employee_id', 'not in', [...reviewerEmployeeIds])
  await removal.execute()
  if (reviewerEmployeeIds.length === 0) return
  await db
    .insertInto('peer_reviews')
    .values(
      reviewerEmployeeIds.map((id) => ({
        company_id: companyId,
        sheet_id: sheetId,
        reviewer_employee_id: id,
      })),
    )
    .onConflict((oc) => oc.columns(['sheet_id', 'reviewer_employee_id', 'kind']).doNothing())
    .execute()
}

/** One named assessor's rows on one sheet (指标考核人). */
export type AssessorTask = { sheetId: number; reviewerEmployeeId: number; indicatorKeys: string[] }

/** Adds the assessors' tasks (their rows on each sheet); a task already there keeps its entries. */
export async function insertAssessorTasks(
  db: Db,
  companyId: number,
  tasks: readonly AssessorTask[],
): Promise<number> {
  if (tasks.length === 0) return 0
  const rows = await db
    .insertInto('peer_reviews')
    .values(
      tasks.map((t) => ({
        company_id: companyId,
        sheet_id: t.sheetId,
        reviewer_employee_id: t.reviewerEmployeeId,
        kind: 'assessor' as const,
        indicator_keys: JSON.stringify(t.indicatorKeys),
      })),
    )
    .onConflict((oc) => oc.columns(['sheet_id', 'reviewer_employee_id', 'kind']).doNothing())
    .returning('id')
    .execute()
  return rows.length
}

export async function findPeerReviewForUpdate(
  db: Db,
  companyId: number,
  id: number,
): Promise<Selectable<PeerReviewTable> | undefined> {
  return db
    .selectFrom('peer_reviews')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function savePeerReview(
  db: Db,
  id: number,
  values: { indicators: unknown; comment: string | null; submittedAt: Date },
): Promise<void> {
  await db
    .updateTable('peer_reviews')
    .set({
      indicators: JSON.stringify(values.indicators),
      comment: values.comment,
      submitted_at: values.submittedAt,
    })
    .where('id', '=', id)
    .execute()
}

/** The peer reviews an employee owes or has given, with the sheet each belongs to. */
export async function listPeerTasks(db: Db, companyId: number, reviewerEmployeeId: number) {
  return db
    .selectFrom('peer_reviews as p')
    .innerJoin('appraisal_sheets as s', 's.id', 'p.sheet_id')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .innerJoin('template_versions as tv', 'tv.id', 's.template_version_id')
    .select([
      'p.id',
      'p.sheet_id',
      'p.indicators',
      'p.comment',
      'p.submitted_at',
      'p.kind',
      'p.indicator_keys',
      's.state',
      'e.name as employee_name',
      'c.name as cycle_name',
      'tv.definition',
    ])
    .where('p.company_id', '=', companyId)
    .where('p.reviewer_employee_id', '=', reviewerEmployeeId)
    .orderBy('p.id', 'desc')
    .execute()
}

// Score history ----------------------------------------------------------------------------------

export async function insertScoreHistory(
  db: Db,
  values: { companyId: number; sheet: SheetRow; reason: string; userId: number | null },
): Promise<void> {
  await db
    .insertInto('sheet_score_history')
    .values({
      company_id: values.companyId,
      sheet_id: values.sheet.id,
      score: values.sheet.score === null ? null : JSON.stringify(values.sheet.score),
      total: values.sheet.total,
      grade: values.sheet.grade,
      reason: values.reason,
      replaced_by_user_id: values.userId,
    })
    .execute()
}

export async function listScoreHistory(db: Db, sheetId: number) {
  const rows = await db
    .selectFrom('sheet_score_history')
    .select(['id', 'total', 'grade', 'reason', 'score', 'created_at'])
    .where('sheet_id', '=', sheetId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    total: r.total === null ? null : Number(r.total),
    grade: r.grade,
    reason: r.reason,
    score: r.score,
    replacedAt: new Date(r.created_at),
  }))
}

export async function findTemplateDefinition(db: Db, templateVersionId: number) {
  return db
    .selectFrom('template_versions as tv')
    .innerJoin('templates as t', 't.id', 'tv.template_id')
    .select(['tv.definition', 'tv.version', 't.id as template_id', 't.name'])
    .where('tv.id', '=', templateVersionId)
    .executeTakeFirstOrThrow()
}

/** Sheets still in their appeal window whose last day to appeal is before `today` (optionally among some ids), by id. */
export async function listSheetsPastAppealWindow(
  db: Db,
  companyId: number,
  today: string,
  sheetIds?: readonly number[],
): Promise<number[]> {
  if (sheetIds && sheetIds.length === 0) return []
  let q = db
    .selectFrom('appraisal_sheets')
    .select('id')
    .where('company_id', '=', companyId)
    .where('state', '=', 'appeal_window')
    .where('appeal_deadline', '<', today)
  if (sheetIds) q = q.where('id', 'in', [...sheetIds])
  const rows = await q.orderBy('id').execute()
  return rows.map((r) => r.id)
}
