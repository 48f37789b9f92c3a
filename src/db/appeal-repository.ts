import { type Selectable, sql } from 'kysely'
import type { Db } from './database.ts'
import type { AppealTable } from './workflow-tables.ts'

// Appeals (申诉): what the employee disputes and asks for, HR's handling, the ruling.

export type AppealRow = Selectable<AppealTable>

export type DisputedItem = {
  indicatorKey: string
  /** Where the value came from imported data: the rows disputed (import id and row numbers, or free references). */
  rows?: { importId?: number; rowNumbers?: number[]; reference?: string }[]
  note?: string
}

export async function insertAppeal(
  db: Db,
  values: {
    companyId: number
    sheetId: number
    reasons: string
    evidence: unknown[]
    requestedOutcome: string
    disputed: DisputedItem[]
    userId: number
    now: Date
  },
): Promise<AppealRow> {
  return db
    .insertInto('appeals')
    .values({
      company_id: values.companyId,
      sheet_id: values.sheetId,
      status: 'filed',
      reasons: values.reasons,
      evidence: JSON.stringify(values.evidence),
      requested_outcome: values.requestedOutcome,
      disputed: JSON.stringify(values.disputed),
      filed_by_user_id: values.userId,
      filed_at: values.now,
      handler_user_id: null,
      investigation_due: null,
      ruling: null,
      ruling_note: null,
      changed_inputs: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function findAppeal(db: Db, companyId: number, id: number, lock = false) {
  let q = db.selectFrom('appeals').selectAll().where('company_id', '=', companyId).where('id', '=', id)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

/** The HR user handling an appeal, by name. */
export async function findAppealHandler(
  db: Db,
  userId: number,
): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as name'])
    .where('id', '=', userId)
    .executeTakeFirst()
}

export async function findOpenAppealOfSheet(db: Db, sheetId: number, lock = false) {
  let q = db.selectFrom('appeals').selectAll().where('sheet_id', '=', sheetId).where('status', '<>', 'ruled')
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function listAppealsOfSheet(db: Db, sheetId: number): Promise<AppealRow[]> {
  return db.selectFrom('appeals').selectAll().where('sheet_id', '=', sheetId).orderBy('id').execute()
}

export async function updateAppeal(
  db: Db,
  id: number,
  patch: Partial<{
    status: AppealRow['status']
    handler_user_id: number | null
    investigation_due: string | null
    notes: unknown[]
    ruling: AppealRow['ruling']
    ruling_note: string | null
    changed_inputs: unknown
    ruled_at: Date
  }>,
): Promise<AppealRow> {
  const { notes, changed_inputs, ...rest } = patch
  return db
    .updateTable('appeals')
    .set({
      ...rest,
      ...(notes ? { notes: JSON.stringify(notes) } : {}),
      ...(changed_inputs !== undefined ? { changed_inputs: JSON.stringify(changed_inputs) } : {}),
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export type AppealQueueItem = {
  id: number
  sheetId: number
  status: AppealRow['status']
  employeeName: string
  cycleName: string
  handlerUserId: number | null
  handlerName: string | null
  investigationDue: string | null
  filedAt: Date
  ruling: AppealRow['ruling']
}

export async function listAppealQueue(
  db: Db,
  companyId: number,
  filter: { status?: AppealRow['status'][]; cycleId?: number; employeeId?: number } = {},
): Promise<AppealQueueItem[]> {
  let q = db
    .selectFrom('appeals as a')
    .innerJoin('appraisal_sheets as s', 's.id', 'a.sheet_id')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .leftJoin('users as h', 'h.id', 'a.handler_user_id')
    .select([
      'a.id',
      'a.sheet_id',
      'a.status',
      'e.name as employee_name',
      'c.name as cycle_name',
      'a.handler_user_id',
      'h.display_name as handler_name',
      'a.investigation_due',
      'a.filed_at',
      'a.ruling',
    ])
    .where('a.company_id', '=', companyId)
  if (filter.status && filter.status.length > 0) q = q.where('a.status', 'in', filter.status)
  if (filter.cycleId !== undefined) q = q.where('s.cycle_id', '=', filter.cycleId)
  if (filter.employeeId !== undefined) q = q.where('s.employee_id', '=', filter.employeeId)
  const rows = await q.orderBy('a.id').execute()
  return rows.map((r) => ({
    id: r.id,
    sheetId: r.sheet_id,
    status: r.status,
    employeeName: r.employee_name,
    cycleName: r.cycle_name,
    handlerUserId: r.handler_user_id,
    handlerName: r.handler_name,
    investigationDue: r.investigation_due,
    filedAt: new Date(r.filed_at),
    ruling: r.ruling,
  }))
}

/** The company's HR users, who may handle appeals, by name. */
export async function listHrUsers(db: Db, companyId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'display_name as name'])
    .where('company_id', '=', companyId)
    .where('role', '=', 'hr')
    .orderBy('display_name')
    .orderBy('id')
    .execute()
}

/** A login of the company with its role and name (a named appeal handler must be HR). */
export async function findCompanyUser(
  db: Db,
  companyId: number,
  userId: number,
): Promise<{ id: number; role: string; display_name: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'display_name'])
    .where('company_id', '=', companyId)
    .where('id', '=', userId)
    .executeTakeFirst()
}
