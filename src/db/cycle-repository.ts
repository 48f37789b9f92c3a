import { type Selectable, sql } from 'kysely'
import { scoredSheetStates } from '../core/workflow/sheet-workflow.ts'
import type { Db } from './database.ts'
import type { CycleKind, CycleStatus, CycleTable } from './workflow-tables.ts'

// Cycles (考核周期) and the set-based creation of their sheets.

export type CycleParticipants = { departmentIds?: number[]; positionIds?: number[]; employeeIds?: number[] }

export type CycleRecord = {
  id: number
  name: string
  kind: CycleKind
  periodStart: string
  periodEnd: string
  status: CycleStatus
  participants: CycleParticipants
  settings: CycleSettings
  deadlines: Record<string, string>
  templateId: number | null
  jobId: number | null
  createdAt: Date
}

export type CycleSettings = {
  appealWindowDays?: number
  investigationDays?: number
  stageOffsets?: Record<string, number>
  /** Quarterly/annual: the monthly (or quarterly) cycles combined, with weights, and the weight of this cycle's own sheet. */
  rollup?: { sources: { cycleId: number; weight: number }[]; ownWeight: number }
  /** Forced distribution: at most this share of each group may hold the grade. */
  gradeQuotas?: { grade: string; maxShare: number }[]
  /** advisory (default): reported only; enforced: holds sign-off and pay approval of a department over them. */
  quotaMode?: 'advisory' | 'enforced'
  /** Departments HR let pass over enforced quotas (null: sheets without a department), with the reason. */
  quotaExceptions?: { departmentId: number | null; reason: string; recordedBy: string; recordedAt: string }[]
}

function toRecord(r: Selectable<CycleTable>): CycleRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    participants: r.participants as CycleParticipants,
    settings: r.settings as CycleSettings,
    deadlines: r.deadlines as Record<string, string>,
    templateId: r.template_id,
    jobId: r.job_id,
    createdAt: new Date(r.created_at),
  }
}

export async function insertCycle(
  db: Db,
  values: {
    companyId: number
    name: string
    kind: CycleKind
    periodStart: string
    periodEnd: string
    participants: CycleParticipants
    settings: CycleSettings
    deadlines: Record<string, string>
    templateId: number | null
    userId: number | null
  },
): Promise<CycleRecord> {
  const row = await db
    .insertInto('cycles')
    .values({
      company_id: values.companyId,
      name: values.name,
      kind: values.kind,
      period_start: values.periodStart,
      period_end: values.periodEnd,
      status: 'opening',
      participants: JSON.stringify(values.participants),
      settings: JSON.stringify(values.settings),
      deadlines: JSON.stringify(values.deadlines),
      template_id: values.templateId,
      created_by_user_id: values.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toRecord(row)
}

export async function setCycleJob(db: Db, cycleId: number, jobId: number): Promise<void> {
  await db.updateTable('cycles').set({ job_id: jobId }).where('id', '=', cycleId).execute()
}

export async function setCycleStatus(db: Db, cycleId: number, status: CycleStatus): Promise<void> {
  await db.updateTable('cycles').set({ status }).where('id', '=', cycleId).execute()
}

/** Removes every sheet of a cycle whose opening did not finish (no half-opened cycle keeps sheets). */
export async function deleteCycleSheets(db: Db, cycleId: number): Promise<void> {
  await db.deleteFrom('appraisal_sheets').where('cycle_id', '=', cycleId).execute()
}

export async function updateCycleSettings(db: Db, cycleId: number, settings: CycleSettings): Promise<void> {
  await db
    .updateTable('cycles')
    .set({ settings: JSON.stringify(settings) })
    .where('id', '=', cycleId)
    .execute()
}

export async function findCycle(db: Db, companyId: number, id: number): Promise<CycleRecord | undefined> {
  const row = await db
    .selectFrom('cycles')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? toRecord(row) : undefined
}

export async function listCycles(db: Db, companyId: number): Promise<(CycleRecord & { sheets: number })[]> {
  const rows = await db
    .selectFrom('cycles as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('appraisal_sheets as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.cycle_id', '=', 'c.id')
        .as('sheet_count'),
    )
    .where('c.company_id', '=', companyId)
    .orderBy('c.period_start', 'desc')
    .orderBy('c.id', 'desc')
    .execute()
  return rows.map((r) => ({ ...toRecord(r), sheets: Number(r.sheet_count ?? 0) }))
}

/**
 * The SQL condition on `employees e` that picks a cycle's participants: active, by department (with
 * sub-departments), position or id; everyone when none is given. Only the lists given appear, as array
 * parameters, so the planner estimates the participants from the column statistics (an OR of subqueries
 * over empty lists was estimated at a handful of rows and turned the sheet insert into nested loops).
 */
function participantCondition(companyId: number, participants: CycleParticipants) {
  const departments = participants.departmentIds ?? []
  const positions = participants.positionIds ?? []
  const employees = participants.employeeIds ?? []
  const parts = []
  if (departments.length > 0)
    parts.push(sql`e.department_id in (
        with recursive dept(id) as (
          select d.id from departments d where d.company_id = ${companyId} and d.id = any(${departments}::int[])
          union
          select d.id from departments d join dept on d.parent_id = dept.id where d.company_id = ${companyId}
        )
        select id from dept)`)
  if (positions.length > 0) parts.push(sql`e.position_id = any(${positions}::int[])`)
  if (employees.length > 0) parts.push(sql`e.id = any(${employees}::int[])`)
  const active = sql`e.company_id = ${companyId} and e.status <> 'left'`
  return parts.length === 0 ? active : sql`${active} and (${sql.join(parts, sql` or `)})`
}

export type ParticipantBatch = { fromId: number; toId: number; count: number }

/**
 * The participants cut into id ranges of at most `batchSize` people, in id order, computed in the database
 * (a few rows travel instead of every id).
 */
export async function selectParticipantBatches(
  db: Db,
  companyId: number,
  participants: CycleParticipants,
  batchSize: number,
): Promise<ParticipantBatch[]> {
  const result = await sql<{ from_id: number; to_id: number; n: number }>`
    select min(x.id) as from_id, max(x.id) as to_id, count(*)::int as n
    from (
      select e.id, (row_number() over (order by e.id) - 1) / ${batchSize} as batch
      from employees e where ${participantCondition(companyId, participants)}
    ) x
    group by x.batch
    order by x.batch`.execute(db)
  return result.rows.map((r) => ({ fromId: r.from_id, toId: r.to_id, count: Number(r.n) }))
}

/** The template version sheets pin: one for every participant (the cycle's own template), or per position. */
export type PinnedVersions =
  | { all: number | null }
  | { byPosition: { positionId: number; versionId: number }[] }

/**
 * The latest version of the cycle's own template, or of the template linked to each position, as the cycle
 * opens: a few rows, read once, so the sheet insert joins employees to a short list (the planner misjudged
 * the template tables, never analysed on the embedded engine, and looped over every template × employee).
 */
export async function selectPinnedVersions(
  db: Db,
  companyId: number,
  templateId: number | null,
): Promise<PinnedVersions> {
  if (templateId !== null) {
    const row = await sql<{ id: number }>`
      select tv.id from templates t
      join template_versions tv on tv.template_id = t.id and tv.version = t.latest_version
      where t.company_id = ${companyId} and t.id = ${templateId}`.execute(db)
    return { all: row.rows[0]?.id ?? null }
  }
  const rows = await sql<{ position_id: number; version_id: number }>`
    select pt.position_id, tv.id as version_id
    from position_templates pt
    join templates t on t.company_id = pt.company_id and t.id = pt.template_id
    join template_versions tv on tv.template_id = t.id and tv.version = t.latest_version
    where pt.company_id = ${companyId}`.execute(db)
  return { byPosition: rows.rows.map((r) => ({ positionId: r.position_id, versionId: r.version_id })) }
}

/**
 * Creates the sheets of the participants whose ids lie in [fromId, toId] in one statement: each pins the
 * latest version of the template linked to the participant's position (or the cycle's own template) as
 * the cycle opens, and the participant's manager as reviewer. Returns how many sheets were created.
 * `pinned` (from selectPinnedVersions) saves reading the versions again for every batch.
 */
export async function insertSheetsFor(
  db: Db,
  companyId: number,
  cycle: { id: number; templateId: number | null; participants: CycleParticipants },
  idRange: { fromId: number; toId: number },
  pinned?: PinnedVersions,
): Promise<number> {
  const versions = pinned ?? (await selectPinnedVersions(db, companyId, cycle.templateId))
  let source: ReturnType<typeof sql>
  if ('all' in versions) {
    if (versions.all === null) return 0
    source = sql`select e.company_id, ${cycle.id}::int, e.id, e.manager_id, e.department_id, e.position_id, ${versions.all}::int
      from employees e`
  } else {
    if (versions.byPosition.length === 0) return 0
    source = sql`select e.company_id, ${cycle.id}::int, e.id, e.manager_id, e.department_id, e.position_id, pv.version_id
      from employees e
      join unnest(${versions.byPosition.map((v) => v.positionId)}::int[], ${versions.byPosition.map((v) => v.versionId)}::int[])
        as pv(position_id, version_id) on pv.position_id = e.position_id`
  }
  const result = await sql`
    insert into appraisal_sheets
      (company_id, cycle_id, employee_id, reviewer_employee_id, department_id, position_id, template_version_id)
    ${source}
    where ${participantCondition(companyId, cycle.participants)}
      and e.id between ${idRange.fromId} and ${idRange.toId}
    on conflict (cycle_id, employee_id) do nothing`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/** Participants of the cycle who got no sheet (no template linked to their position), in one anti-join. */
export async function listParticipantsWithoutSheet(
  db: Db,
  companyId: number,
  cycle: { id: number; participants: CycleParticipants },
): Promise<{ id: number; name: string }[]> {
  const result = await sql<{ id: number; name: string }>`
    select e.id, e.name from employees e
    where ${participantCondition(companyId, cycle.participants)}
      and not exists (select 1 from appraisal_sheets s where s.cycle_id = ${cycle.id} and s.employee_id = e.id)
    order by e.id`.execute(db)
  return result.rows
}

export type BoardCell = {
  departmentId: number | null
  departmentName: string | null
  state: string
  count: number
}

/** Sheets by department and state: the HR cycle board. */
export async function countSheetsByDepartmentAndState(
  db: Db,
  companyId: number,
  cycleId: number,
): Promise<BoardCell[]> {
  const rows = await db
    .selectFrom('appraisal_sheets as s')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select(['s.department_id as departmentId', 'd.name as departmentName', 's.state'])
    .select(sql<number>`count(*)::int`.as('count'))
    .where('s.company_id', '=', companyId)
    .where('s.cycle_id', '=', cycleId)
    .groupBy(['s.department_id', 'd.name', 's.state'])
    .orderBy('s.department_id')
    .execute()
  return rows.map((r) => ({ ...r, count: Number(r.count) }))
}

/** A cycle's scored sheets with their employee and department, highest total first (绩效校准). */
export async function listCalibrationSheets(db: Db, companyId: number, cycleId: number) {
  return db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select([
      's.id',
      's.state',
      's.version',
      's.total',
      's.grade',
      's.calibration',
      's.department_id',
      's.template_version_id',
      'd.name as department_name',
      'e.name as employee_name',
    ])
    .where('s.company_id', '=', companyId)
    .where('s.cycle_id', '=', cycleId)
    .where('s.state', 'in', scoredSheetStates)
    .where('s.total', 'is not', null)
    .orderBy('s.total', 'desc')
    .execute()
}

/** Whether the company has this template (a cycle may name one for everybody). */
export async function companyHasTemplate(db: Db, companyId: number, templateId: number): Promise<boolean> {
  const row = await db
    .selectFrom('templates')
    .select('id')
    .where('company_id', '=', companyId)
    .where('id', '=', templateId)
    .executeTakeFirst()
  return row !== undefined
}

/** The company's cycles among these ids, with their kind and period (a roll-up's sources). */
export async function listCyclePeriods(db: Db, companyId: number, ids: number[]) {
  return db
    .selectFrom('cycles')
    .select(['id', 'kind', 'period_start', 'period_end'])
    .where('company_id', '=', companyId)
    .where('id', 'in', ids)
    .execute()
}
