import Decimal from 'decimal.js'
import { sql } from 'kysely'
import type { Db } from './database.ts'
import { reportingTreeIds } from './organisation-repository.ts'

// All SQL of pay, bonus pools and consequences: scheme assignments, pay items, entered inputs, the approved
// pay sheet snapshots, bonus pools, consequence settings, improvement plans and the result rows they read.

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString())
const money = (v: string | number) => new Decimal(String(v)).toFixed(2)

// Pay scheme assignments ----------------------------------------------------------------------------

export type PayAssignmentRow = {
  id: number
  positionId: number | null
  positionName: string | null
  employeeId: number | null
  employeeName: string | null
  scheme: unknown
  inputSources: unknown
  updatedAt: string
}

export async function listPayAssignments(db: Db, companyId: number): Promise<PayAssignmentRow[]> {
  const rows = await db
    .selectFrom('pay_assignments as a')
    .leftJoin('positions as p', 'p.id', 'a.position_id')
    .leftJoin('employees as e', 'e.id', 'a.employee_id')
    .select([
      'a.id',
      'a.position_id',
      'p.name as position_name',
      'a.employee_id',
      'e.name as employee_name',
      'a.scheme',
      'a.input_sources',
      'a.updated_at',
    ])
    .where('a.company_id', '=', companyId)
    .orderBy('a.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    positionId: r.position_id,
    positionName: r.position_name,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    scheme: r.scheme,
    inputSources: r.input_sources,
    updatedAt: iso(r.updated_at),
  }))
}

export async function findPayAssignment(
  db: Db,
  companyId: number,
  target: { id?: number; positionId?: number; employeeId?: number },
): Promise<PayAssignmentRow | undefined> {
  const all = await listPayAssignments(db, companyId)
  return all.find(
    (a) =>
      (target.id !== undefined && a.id === target.id) ||
      (target.positionId !== undefined && a.positionId === target.positionId) ||
      (target.employeeId !== undefined && a.employeeId === target.employeeId),
  )
}

export async function savePayAssignmentRow(
  db: Db,
  companyId: number,
  values: {
    positionId: number | null
    employeeId: number | null
    scheme: unknown
    inputSources: unknown
    userId: number | null
  },
  existingId: number | undefined,
): Promise<number> {
  const row = {
    scheme: JSON.stringify(values.scheme),
    input_sources: JSON.stringify(values.inputSources),
    updated_by_user_id: values.userId,
  }
  if (existingId !== undefined) {
    await db
      .updateTable('pay_assignments')
      .set({ ...row, updated_at: new Date() })
      .where('company_id', '=', companyId)
      .where('id', '=', existingId)
      .execute()
    return existingId
  }
  const inserted = await db
    .insertInto('pay_assignments')
    .values({ ...row, company_id: companyId, position_id: values.positionId, employee_id: values.employeeId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function deletePayAssignmentRow(db: Db, companyId: number, id: number): Promise<void> {
  await db.deleteFrom('pay_assignments').where('company_id', '=', companyId).where('id', '=', id).execute()
}

// Pay items (奖惩 and adjustments) ----------------------------------------------------------------------

export type PayItemRow = {
  id: number
  cycleId: number
  employeeId: number
  employeeName: string
  kind: 'reward_penalty' | 'adjustment'
  label: string
  amount: string
  note: string | null
  createdBy: string | null
  createdAt: string
}

export async function listPayItems(
  db: Db,
  companyId: number,
  cycleId: number,
  filter: { employeeId?: number; id?: number } = {},
): Promise<PayItemRow[]> {
  let q = db
    .selectFrom('pay_items as i')
    .innerJoin('employees as e', 'e.id', 'i.employee_id')
    .leftJoin('users as u', 'u.id', 'i.created_by_user_id')
    .select([
      'i.id',
      'i.cycle_id',
      'i.employee_id',
      'e.name as employee_name',
      'i.kind',
      'i.label',
      'i.amount',
      'i.note',
      'u.display_name as created_by',
      'i.created_at',
    ])
    .where('i.company_id', '=', companyId)
    .where('i.cycle_id', '=', cycleId)
  if (filter.employeeId !== undefined) q = q.where('i.employee_id', '=', filter.employeeId)
  if (filter.id !== undefined) q = q.where('i.id', '=', filter.id)
  const rows = await q.orderBy('i.id').execute()
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    kind: r.kind,
    label: r.label,
    amount: money(r.amount),
    note: r.note,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  }))
}

/**
 * Locks the cycle's pay sheet (its cycle row) for the rest of the transaction, and says whether the cycle exists.
 * Every pay write of a cycle takes this lock first, so parallel writes queue in one order instead of deadlocking.
 */
export async function lockPaySheet(db: Db, companyId: number, cycleId: number): Promise<boolean> {
  const row = await db
    .selectFrom('cycles')
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', '=', cycleId)
    .forNoKeyUpdate()
    .executeTakeFirst()
  return row !== undefined
}

export async function insertPayItem(
  db: Db,
  companyId: number,
  values: {
    cycleId: number
    employeeId: number
    kind: 'reward_penalty' | 'adjustment'
    label: string
    amount: string
    note: string | null
    userId: number | null
  },
): Promise<number> {
  const row = await db
    .insertInto('pay_items')
    .values({
      company_id: companyId,
      cycle_id: values.cycleId,
      employee_id: values.employeeId,
      kind: values.kind,
      label: values.label,
      amount: values.amount,
      note: values.note,
      created_by_user_id: values.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deletePayItemRow(db: Db, companyId: number, id: number): Promise<void> {
  await db.deleteFrom('pay_items').where('company_id', '=', companyId).where('id', '=', id).execute()
}

// Entered inputs ----------------------------------------------------------------------------------------

export async function listPayInputValues(
  db: Db,
  companyId: number,
  cycleId: number,
): Promise<Map<number, { values: Record<string, string>; updatedBy: string | null }>> {
  const rows = await db
    .selectFrom('pay_input_values as v')
    .leftJoin('users as u', 'u.id', 'v.updated_by_user_id')
    .select(['v.employee_id', 'v.values', 'u.display_name'])
    .where('v.company_id', '=', companyId)
    .where('v.cycle_id', '=', cycleId)
    .execute()
  return new Map(rows.map((r) => [r.employee_id, { values: r.values, updatedBy: r.display_name }]))
}

export async function savePayInputValues(
  db: Db,
  companyId: number,
  cycleId: number,
  employeeId: number,
  values: Record<string, string>,
  userId: number | null,
): Promise<void> {
  await db
    .insertInto('pay_input_values')
    .values({
      company_id: companyId,
      cycle_id: cycleId,
      employee_id: employeeId,
      values: JSON.stringify(values),
      updated_by_user_id: userId,
    })
    .onConflict((oc) =>
      oc.columns(['cycle_id', 'employee_id']).doUpdateSet({
        values: JSON.stringify(values),
        updated_by_user_id: userId,
        updated_at: new Date(),
      }),
    )
    .execute()
}

// Sheets of a cycle with the people behind them ---------------------------------------------------------

export type CycleSheetRow = {
  sheetId: number
  employeeId: number
  employeeNo: string
  employeeName: string
  departmentName: string | null
  positionId: number | null
  positionName: string | null
  reviewerName: string | null
  state: string
  total: number | null
  grade: string | null
  coefficient: number | null
}

/** Every sheet of a cycle (optionally within a supervisor's reporting tree), in employee-number order. */
export async function listCycleSheetRows(
  db: Db,
  companyId: number,
  cycleId: number,
  options: { treeRootEmployeeId?: number; employeeId?: number; finalOnly?: boolean } = {},
): Promise<CycleSheetRow[]> {
  let q = db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('positions as p', 'p.id', 's.position_id')
    .leftJoin('employees as r', 'r.id', 's.reviewer_employee_id')
    .select([
      's.id',
      's.employee_id',
      'e.employee_no',
      'e.name',
      'd.name as department_name',
      's.position_id',
      'p.name as position_name',
      'r.name as reviewer_name',
      's.state',
      's.total',
      's.grade',
      's.coefficient',
    ])
    .where('s.company_id', '=', companyId)
    .where('s.cycle_id', '=', cycleId)
  if (options.treeRootEmployeeId !== undefined)
    q = q.where(sql<boolean>`s.employee_id in ${reportingTreeIds(companyId, options.treeRootEmployeeId)}`)
  if (options.employeeId !== undefined) q = q.where('s.employee_id', '=', options.employeeId)
  if (options.finalOnly) q = q.where('s.state', '=', 'final')
  const rows = await q.orderBy('e.employee_no').orderBy('s.id').execute()
  return rows.map((r) => ({
    sheetId: r.id,
    employeeId: r.employee_id,
    employeeNo: r.employee_no,
    employeeName: r.name,
    departmentName: r.department_name,
    positionId: r.position_id,
    positionName: r.position_name,
    reviewerName: r.reviewer_name,
    state: r.state,
    total: r.total === null ? null : Number(r.total),
    grade: r.grade,
    coefficient: r.coefficient === null ? null : Number(r.coefficient),
  }))
}

/** Neutral and negative reviews revised to positive in [start, endExclusive), per attributed employee. */
export async function countRevisedReviews(
  db: Db,
  companyId: number,
  start: string,
  endExclusive: string,
): Promise<Map<number, { neutral: number; negative: number }>> {
  const cls = (col: string) =>
    sql.raw(
      `case when ${col} ~* '^(好评|positive|good|好)$' then 'positive' when ${col} ~* '^(中评|neutral|中)$' then 'neutral' when ${col} ~* '^(差评|negative|bad|差)$' then 'negative' end`,
    )
  const result = await sql<{ employee_id: number; neutral: string | number; negative: string | number }>`
    select a.employee_id,
           count(*) filter (where ${cls('f.rating')} = 'neutral') as neutral,
           count(*) filter (where ${cls('f.rating')} = 'negative') as negative
      from fact_reviews f
      join attributions a on a.company_id = f.company_id and a.source_kind = 'agent_nick' and a.source_name = f.agent_nick
     where f.company_id = ${companyId} and f.superseded_by is null
       and coalesce(f.revised_at, f.day) >= ${start}::date and coalesce(f.revised_at, f.day) < ${endExclusive}::date
       and ${cls('f.revised_rating')} = 'positive'
     group by a.employee_id`.execute(db)
  return new Map(
    result.rows.map((r) => [
      Number(r.employee_id),
      { neutral: Number(r.neutral), negative: Number(r.negative) },
    ]),
  )
}

// Approved pay sheets -----------------------------------------------------------------------------------

export type PaySheetRow = {
  id: number
  cycleId: number
  snapshot: unknown
  total: string
  approvedAt: string
  approvedBy: string | null
}

export async function findPaySheet(
  db: Db,
  companyId: number,
  cycleId: number,
): Promise<PaySheetRow | undefined> {
  const r = await db
    .selectFrom('pay_sheets as p')
    .leftJoin('users as u', 'u.id', 'p.approved_by_user_id')
    .select(['p.id', 'p.cycle_id', 'p.snapshot', 'p.total', 'p.approved_at', 'u.display_name'])
    .where('p.company_id', '=', companyId)
    .where('p.cycle_id', '=', cycleId)
    .executeTakeFirst()
  return r
    ? {
        id: r.id,
        cycleId: r.cycle_id,
        snapshot: r.snapshot,
        total: String(r.total),
        approvedAt: iso(r.approved_at),
        approvedBy: r.display_name,
      }
    : undefined
}

export async function insertPaySheet(
  db: Db,
  companyId: number,
  values: { cycleId: number; snapshot: unknown; total: string; userId: number | null; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('pay_sheets')
    .values({
      company_id: companyId,
      cycle_id: values.cycleId,
      status: 'approved',
      snapshot: JSON.stringify(values.snapshot),
      total: values.total,
      approved_by_user_id: values.userId,
      approved_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Approved pay sheets that list the employee: (cycle, snapshot) newest first. */
export async function listApprovedPaySheetsFor(db: Db, companyId: number, employeeId: number) {
  const rows = await db
    .selectFrom('pay_sheets as p')
    .innerJoin('cycles as c', 'c.id', 'p.cycle_id')
    .innerJoin('appraisal_sheets as s', (j) =>
      j.onRef('s.cycle_id', '=', 'p.cycle_id').on('s.employee_id', '=', employeeId),
    )
    .select(['p.cycle_id', 'c.name', 'c.period_start', 'c.period_end', 'p.approved_at', 'p.snapshot'])
    .where('p.company_id', '=', companyId)
    .orderBy('c.period_start', 'desc')
    .execute()
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    cycleName: r.name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    approvedAt: iso(r.approved_at),
    snapshot: r.snapshot,
  }))
}

// Bonus pools -------------------------------------------------------------------------------------------

export type BonusPoolRow = {
  id: number
  name: string
  kind: 'quarterly' | 'annual'
  cycleId: number
  cycleName: string
  amount: string
  rule: unknown
  lines: unknown
  createdBy: string | null
  createdAt: string
  status: 'draft' | 'approved'
  approvedBy: string | null
  approvedAt: string | null
  approvalNote: string | null
}

/** Bonus pools of a company, newest first; `id` or `cycleId` narrows, `lock` takes a row lock (for update). */
export async function listBonusPoolRows(
  db: Db,
  companyId: number,
  filter: { id?: number; cycleId?: number; lock?: boolean } = {},
): Promise<BonusPoolRow[]> {
  let q = db
    .selectFrom('bonus_pools as b')
    .innerJoin('cycles as c', 'c.id', 'b.cycle_id')
    .leftJoin('users as u', 'u.id', 'b.created_by_user_id')
    .leftJoin('users as a', 'a.id', 'b.approved_by_user_id')
    .select([
      'b.id',
      'b.name',
      'b.kind',
      'b.cycle_id',
      'c.name as cycle_name',
      'b.amount',
      'b.rule',
      'b.lines',
      'u.display_name',
      'b.created_at',
      'b.status',
      'a.display_name as approver_name',
      'b.approved_at',
      'b.approval_note',
    ])
    .where('b.company_id', '=', companyId)
  if (filter.id !== undefined) q = q.where('b.id', '=', filter.id)
  if (filter.cycleId !== undefined) q = q.where('b.cycle_id', '=', filter.cycleId)
  if (filter.lock) q = q.forUpdate('b')
  const rows = await q.orderBy('b.id', 'desc').execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    cycleId: r.cycle_id,
    cycleName: r.cycle_name,
    amount: money(r.amount),
    rule: r.rule,
    lines: r.lines,
    createdBy: r.display_name,
    createdAt: iso(r.created_at),
    status: r.status,
    approvedBy: r.approver_name,
    approvedAt: r.approved_at === null ? null : iso(r.approved_at),
    approvalNote: r.approval_note,
  }))
}

/** Marks a draft pool approved; false when it was not a draft (so two approvals never both succeed). */
export async function approveBonusPoolRow(
  db: Db,
  companyId: number,
  id: number,
  values: { userId: number | null; at: Date; note: string | null },
): Promise<boolean> {
  const row = await db
    .updateTable('bonus_pools')
    .set({
      status: 'approved',
      approved_by_user_id: values.userId,
      approved_at: values.at,
      approval_note: values.note,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Deletes a draft pool; false when it was not a draft. */
export async function deleteDraftBonusPoolRow(db: Db, companyId: number, id: number): Promise<boolean> {
  const row = await db
    .deleteFrom('bonus_pools')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function insertBonusPool(
  db: Db,
  companyId: number,
  values: {
    name: string
    kind: 'quarterly' | 'annual'
    cycleId: number
    amount: string
    rule: unknown
    lines: unknown
    userId: number | null
  },
): Promise<number> {
  const row = await db
    .insertInto('bonus_pools')
    .values({
      company_id: companyId,
      name: values.name,
      kind: values.kind,
      cycle_id: values.cycleId,
      amount: values.amount,
      rule: JSON.stringify(values.rule),
      lines: JSON.stringify(values.lines),
      created_by_user_id: values.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

// Consequence settings, results history and plans ------------------------------------------------------

export async function findConsequenceSettings(db: Db, companyId: number): Promise<unknown> {
  const row = await db
    .selectFrom('consequence_settings')
    .select('settings')
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  return row?.settings ?? {}
}

export async function saveConsequenceSettings(db: Db, companyId: number, settings: unknown): Promise<void> {
  const json = JSON.stringify(settings)
  await db
    .insertInto('consequence_settings')
    .values({ company_id: companyId, settings: json })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ settings: json, updated_at: new Date() }))
    .execute()
}

export type FinalResultRow = {
  cycleId: number
  cycleKind: string
  periodStart: string
  periodEnd: string
  sheetId: number
  employeeId: number
  employeeNo: string
  employeeName: string
  departmentName: string | null
  positionName: string | null
  total: number
  grade: string | null
}

/** Final results of cycles that start in [from, to], optionally within a reporting tree. */
export async function listFinalResults(
  db: Db,
  companyId: number,
  range: { from: string; to: string },
  treeRootEmployeeId?: number,
): Promise<FinalResultRow[]> {
  let q = db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('positions as p', 'p.id', 'e.position_id')
    .select([
      'c.id as cycle_id',
      'c.kind',
      'c.period_start',
      'c.period_end',
      's.id',
      's.employee_id',
      'e.employee_no',
      'e.name',
      'd.name as department_name',
      'p.name as position_name',
      's.total',
      's.grade',
    ])
    .where('s.company_id', '=', companyId)
    .where('s.state', '=', 'final')
    .where('s.total', 'is not', null)
    .where('c.period_start', '>=', range.from)
    .where('c.period_start', '<=', range.to)
  if (treeRootEmployeeId !== undefined)
    q = q.where(sql<boolean>`s.employee_id in ${reportingTreeIds(companyId, treeRootEmployeeId)}`)
  const rows = await q.orderBy('e.employee_no').orderBy('c.period_start').execute()
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    cycleKind: r.kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    sheetId: r.id,
    employeeId: r.employee_id,
    employeeNo: r.employee_no,
    employeeName: r.name,
    departmentName: r.department_name,
    positionName: r.position_name,
    total: Number(r.total),
    grade: r.grade,
  }))
}

/** The stored dimension scores of final sheets of one cycle (for the improvement list). */
export async function listSheetDimensions(
  db: Db,
  companyId: number,
  cycleId: number,
  treeRootEmployeeId?: number,
): Promise<{ sheetId: number; employeeId: number; score: unknown }[]> {
  let q = db
    .selectFrom('appraisal_sheets as s')
    .select(['s.id', 's.employee_id', 's.score'])
    .where('s.company_id', '=', companyId)
    .where('s.cycle_id', '=', cycleId)
    .where('s.state', '=', 'final')
  if (treeRootEmployeeId !== undefined)
    q = q.where(sql<boolean>`s.employee_id in ${reportingTreeIds(companyId, treeRootEmployeeId)}`)
  const rows = await q.execute()
  return rows.map((r) => ({ sheetId: r.id, employeeId: r.employee_id, score: r.score }))
}

export type PlanRow = {
  id: number
  employeeId: number
  employeeNo: string
  employeeName: string
  departmentName: string | null
  positionName: string | null
  kind: 'improvement' | 'training'
  cycleId: number | null
  dimension: string | null
  goal: string
  ownerEmployeeId: number
  ownerName: string
  dueDate: string
  outcome: string | null
  status: 'open' | 'done' | 'cancelled'
  createdAt: string
  updatedAt: string
}

export async function listPlanRows(
  db: Db,
  companyId: number,
  filter: { id?: number; employeeId?: number; treeRootEmployeeId?: number } = {},
): Promise<PlanRow[]> {
  let q = db
    .selectFrom('improvement_plans as ip')
    .innerJoin('employees as e', 'e.id', 'ip.employee_id')
    .innerJoin('employees as o', 'o.id', 'ip.owner_employee_id')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('positions as p', 'p.id', 'e.position_id')
    .select([
      'ip.id',
      'ip.employee_id',
      'e.employee_no',
      'e.name',
      'd.name as department_name',
      'p.name as position_name',
      'ip.kind',
      'ip.cycle_id',
      'ip.dimension',
      'ip.goal',
      'ip.owner_employee_id',
      'o.name as owner_name',
      'ip.due_date',
      'ip.outcome',
      'ip.status',
      'ip.created_at',
      'ip.updated_at',
    ])
    .where('ip.company_id', '=', companyId)
  if (filter.id !== undefined) q = q.where('ip.id', '=', filter.id)
  if (filter.employeeId !== undefined) q = q.where('ip.employee_id', '=', filter.employeeId)
  if (filter.treeRootEmployeeId !== undefined)
    q = q.where(sql<boolean>`ip.employee_id in ${reportingTreeIds(companyId, filter.treeRootEmployeeId)}`)
  const rows = await q.orderBy('ip.due_date').orderBy('ip.id').execute()
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    employeeNo: r.employee_no,
    employeeName: r.name,
    departmentName: r.department_name,
    positionName: r.position_name,
    kind: r.kind,
    cycleId: r.cycle_id,
    dimension: r.dimension,
    goal: r.goal,
    ownerEmployeeId: r.owner_employee_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    outcome: r.outcome,
    status: r.status,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }))
}

export async function insertPlanRow(
  db: Db,
  companyId: number,
  values: {
    employeeId: number
    kind: 'improvement' | 'training'
    cycleId: number | null
    dimension: string | null
    goal: string
    ownerEmployeeId: number
    dueDate: string
    outcome: string | null
    status: 'open' | 'done' | 'cancelled'
  },
): Promise<number> {
  const row = await db
    .insertInto('improvement_plans')
    .values({
      company_id: companyId,
      employee_id: values.employeeId,
      kind: values.kind,
      cycle_id: values.cycleId,
      dimension: values.dimension,
      goal: values.goal,
      owner_employee_id: values.ownerEmployeeId,
      due_date: values.dueDate,
      outcome: values.outcome,
      status: values.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updatePlanRow(
  db: Db,
  companyId: number,
  id: number,
  values: Partial<{
    goal: string
    owner_employee_id: number
    due_date: string
    outcome: string | null
    status: 'open' | 'done' | 'cancelled'
  }>,
): Promise<void> {
  await db
    .updateTable('improvement_plans')
    .set({ ...values, updated_at: new Date() })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function deletePlanRow(db: Db, companyId: number, id: number): Promise<void> {
  await db.deleteFrom('improvement_plans').where('company_id', '=', companyId).where('id', '=', id).execute()
}

/** Every employee's department (null without one), by employee id: a team figure is read by department. */
export async function listEmployeeDepartments(
  db: Db,
  companyId: number,
): Promise<Map<number, number | null>> {
  const rows = await db
    .selectFrom('employees')
    .select(['id', 'department_id'])
    .where('company_id', '=', companyId)
    .execute()
  return new Map(rows.map((r) => [r.id, r.department_id]))
}
