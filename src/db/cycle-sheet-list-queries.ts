import { type RawBuilder, sql } from 'kysely'
import { type SheetState, sheetStates } from '../core/workflow/sheet-workflow.ts'
import type { Db } from './database.ts'
import { reportingTreeIds } from './organisation-repository.ts'

// 全部考核表: one page of a cycle's sheets with every filter, the sort and the page pushed into one statement
// (a 2,000-person cycle answers in a few milliseconds on both engines); the matching count rides along as a
// window value so the page needs no second scan.

export type CycleSheetSort = 'name' | 'department' | 'stage' | 'total' | 'grade' | 'deadline'

export type CycleSheetListQuery = {
  /** Everyone's sheets (HR, admin) or those of one supervisor's reporting tree and delegated reviews. */
  scope: { kind: 'all' } | { kind: 'team'; employeeId: number }
  departmentId?: number
  states?: readonly SheetState[]
  grade?: string
  /** The next step's due date has passed (before `today`). */
  overdue?: boolean
  hasAppeal?: boolean
  /** Held by the last compute for missing data and still waiting (待补数据). */
  held?: boolean
  /** The cycle stage each state owes next (from core's owedSteps), so the due date is read from the cycle. */
  dueStageByState: Readonly<Partial<Record<SheetState, string>>>
  today: string
  sort: CycleSheetSort
  direction: 'asc' | 'desc'
  limit: number
  offset: number
}

export type CycleSheetListRow = {
  id: number
  employeeId: number
  employeeNo: string
  employeeName: string
  departmentId: number | null
  departmentName: string | null
  reviewerEmployeeId: number | null
  reviewerName: string | null
  state: SheetState
  total: number | null
  grade: string | null
  dueDate: string | null
  isOverdue: boolean
  hasAppeal: boolean
  isHeld: boolean
}

export async function listCycleSheetPage(
  db: Db,
  companyId: number,
  cycleId: number,
  query: CycleSheetListQuery,
): Promise<{ rows: CycleSheetListRow[]; total: number }> {
  // The cycle's deadlines are read once (an uncorrelated subquery), not joined to every sheet.
  const dueDate = sql<string | null>`((select c.deadlines from cycles c where c.id = ${cycleId})
    ->> (${JSON.stringify(query.dueStageByState)}::jsonb ->> s.state))`
  // The sheets the cycle's last compute held, evaluated once into an array.
  const heldIds = sql`array(
    select (h ->> 'sheetId')::int from jobs j
    cross join lateral jsonb_array_elements(
      case when jsonb_typeof(j.result -> 'held') = 'array' then j.result -> 'held' else '[]'::jsonb end) h
    where j.id = (select max(id) from jobs where company_id = ${companyId} and kind = 'cycle.compute'
      and params ->> 'cycleId' = ${String(cycleId)}))`
  const isHeld = sql<boolean>`(s.state = 'supervisor_submitted' and s.id = any(${heldIds}))`
  // coalesce keeps the test a per-sheet index probe (appeals_sheet_idx): a bare EXISTS becomes a semi-join that,
  // on PGlite's never-analysed tables, the planner ran as a scan of every appeal for every sheet.
  const hasAppeal = sql<boolean>`coalesce(exists (select 1 from appeals a where a.sheet_id = s.id), false)`
  const isOverdue = sql<boolean>`coalesce(${dueDate} < ${query.today}, false)`

  // First the page: only the sheets table (and the one table the sort needs) for every matching sheet, the count
  // as a window value; names, flags and dates are then read for the page's rows alone.
  let page = db
    .selectFrom('appraisal_sheets as s')
    .select(['s.id', sql<number>`count(*) over ()`.as('matching')])
    .where('s.company_id', '=', companyId)
    .where('s.cycle_id', '=', cycleId)
  if (query.sort === 'name') page = page.innerJoin('employees as e', 'e.id', 's.employee_id')
  if (query.sort === 'department') page = page.leftJoin('departments as d', 'd.id', 's.department_id')
  if (query.scope.kind === 'team') {
    const me = query.scope.employeeId
    // The tree is evaluated once into an array, as the team queue does (an `in (subquery)` inside an OR scans).
    page = page
      .where((eb) =>
        eb.or([
          eb('s.reviewer_employee_id', '=', me),
          sql<boolean>`s.employee_id = any(array${reportingTreeIds(companyId, me)})`,
        ]),
      )
      .where('s.employee_id', '<>', me)
  }
  if (query.departmentId !== undefined) page = page.where('s.department_id', '=', query.departmentId)
  if (query.states && query.states.length > 0) page = page.where('s.state', 'in', [...query.states])
  if (query.grade !== undefined) page = page.where('s.grade', '=', query.grade)
  if (query.overdue !== undefined)
    page = page.where(query.overdue ? isOverdue : sql<boolean>`not ${isOverdue}`)
  if (query.hasAppeal !== undefined)
    page = page.where(query.hasAppeal ? hasAppeal : sql<boolean>`not ${hasAppeal}`)
  if (query.held !== undefined) page = page.where(query.held ? isHeld : sql<boolean>`not ${isHeld}`)
  const direction = sql.raw(query.direction === 'desc' ? 'desc' : 'asc')
  page = page
    .orderBy(sql`${sortKey(query.sort, dueDate)} ${direction} nulls last`)
    .orderBy('s.id')
    .limit(query.limit)
    .offset(query.offset)

  const found = await page.execute()
  let total = found[0] ? Number(found[0].matching) : 0
  // A page past the end carries no window count; count alone then (rare: a stale link or a shrunk filter).
  if (found.length === 0 && query.offset > 0) {
    const counted = await page
      .clearSelect()
      .clearOrderBy()
      .clearLimit()
      .clearOffset()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst()
    total = Number(counted?.n ?? 0)
  }
  if (found.length === 0) return { total, rows: [] }

  const ids = found.map((r) => r.id)
  const rows = await db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .leftJoin('employees as r', 'r.id', 's.reviewer_employee_id')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select([
      's.id',
      's.employee_id',
      'e.employee_no',
      'e.name as employee_name',
      's.department_id',
      'd.name as department_name',
      's.reviewer_employee_id',
      'r.name as reviewer_name',
      's.state',
      's.total',
      's.grade',
      dueDate.as('due_date'),
      isOverdue.as('is_overdue'),
      hasAppeal.as('has_appeal'),
      isHeld.as('is_held'),
    ])
    .where('s.id', '=', sql<number>`any(${sql.val(ids)}::int[])`)
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    total,
    rows: ids.flatMap((id) => {
      const r = byId.get(id)
      if (!r) return []
      return [
        {
          id: r.id,
          employeeId: r.employee_id,
          employeeNo: r.employee_no,
          employeeName: r.employee_name,
          departmentId: r.department_id,
          departmentName: r.department_name,
          reviewerEmployeeId: r.reviewer_employee_id,
          reviewerName: r.reviewer_name,
          state: r.state as SheetState,
          total: r.total === null ? null : Number(r.total),
          grade: r.grade,
          dueDate: r.due_date,
          isOverdue: r.is_overdue,
          hasAppeal: r.has_appeal,
          isHeld: r.is_held,
        },
      ]
    }),
  }
}

// Stage order is the workflow's, not the alphabet's: array_position over the states in order.
const stageOrder = sql.raw(
  `array_position(array[${sheetStates.map((state) => `'${state}'`).join(',')}]::text[], s.state)`,
)

function sortKey(sort: CycleSheetSort, dueDate: RawBuilder<string | null>): RawBuilder<unknown> {
  switch (sort) {
    case 'name':
      return sql`e.name`
    case 'department':
      return sql`d.name`
    case 'stage':
      return stageOrder
    case 'total':
      return sql`s.total`
    case 'grade':
      return sql`s.grade`
    case 'deadline':
      return dueDate
  }
}

/**
 * The departments that hold sheets of the cycle, for the department filter (for a supervisor too: department
 * names are no secret, and reading their tree a second time would double the list's cost).
 */
export async function listCycleSheetDepartments(
  db: Db,
  companyId: number,
  cycleId: number,
): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('departments as d')
    .select(['d.id', 'd.name'])
    .where('d.company_id', '=', companyId)
    .where(
      'd.id',
      'in',
      db
        .selectFrom('appraisal_sheets as s')
        .select('s.department_id')
        .where('s.cycle_id', '=', cycleId)
        .$narrowType<{ department_id: number }>(),
    )
    .orderBy('d.name')
    .execute()
}
