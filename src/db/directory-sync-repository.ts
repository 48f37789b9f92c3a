import type { CurrentOrganisation } from '../core/directory/plan-directory-sync.ts'
import type { Db, DirectorySyncRunTable } from './database.ts'

// SQL of the directory sync (通讯录同步): the organisation as the sync compares it, its writes (departments,
// people with their contacts, leavers — never a delete), and the record of each run (migration 0027).

/** Departments and employees of a company with the fields a directory can set. */
export async function loadSyncOrganisation(db: Db, companyId: number): Promise<CurrentOrganisation> {
  const [departments, employees] = await Promise.all([
    db
      .selectFrom('departments')
      .select(['id', 'name', 'parent_id as parentId'])
      .where('company_id', '=', companyId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('employees')
      .select([
        'id',
        'employee_no as employeeNo',
        'name',
        'department_id as departmentId',
        'manager_id as managerId',
        'phone',
        'email',
        'hire_date as hireDate',
        'leave_date as leaveDate',
        'status',
      ])
      .where('company_id', '=', companyId)
      .orderBy('employee_no')
      .execute(),
  ])
  return { departments, employees }
}

export async function insertSyncDepartment(
  db: Db,
  companyId: number,
  values: { name: string; parentId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('departments')
    .values({ company_id: companyId, name: values.name, parent_id: values.parentId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export type SyncEmployeeValues = {
  employeeNo: string
  name: string
  departmentId: number | null
  phone: string | null
  email: string | null
  hireDate: string
}

/** A person new from the directory: active, without a manager yet (set once everyone exists). */
export async function insertSyncEmployee(
  db: Db,
  companyId: number,
  values: SyncEmployeeValues,
): Promise<number> {
  const row = await db
    .insertInto('employees')
    .values({
      company_id: companyId,
      employee_no: values.employeeNo,
      name: values.name,
      department_id: values.departmentId,
      phone: values.phone,
      email: values.email,
      hire_date: values.hireDate,
      status: 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The directory's values for a person already here; a returning leaver becomes active again. */
export async function updateSyncEmployee(
  db: Db,
  companyId: number,
  id: number,
  values: Omit<SyncEmployeeValues, 'employeeNo'> & { managerId: number | null; reactivate: boolean },
): Promise<void> {
  await db
    .updateTable('employees')
    .set({
      name: values.name,
      department_id: values.departmentId,
      manager_id: values.managerId,
      phone: values.phone,
      email: values.email,
      hire_date: values.hireDate,
      ...(values.reactivate ? { status: 'active' as const, leave_date: null } : {}),
    })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export async function setSyncManager(
  db: Db,
  companyId: number,
  id: number,
  managerId: number | null,
): Promise<void> {
  await db
    .updateTable('employees')
    .set({ manager_id: managerId })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

/** Marks a person as left on a date (离职); the row, their sheets and their history stay. */
export async function markEmployeeLeft(
  db: Db,
  companyId: number,
  id: number,
  leaveDate: string,
): Promise<void> {
  await db
    .updateTable('employees')
    .set({ status: 'left', leave_date: leaveDate })
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .execute()
}

export type SyncRunValues = {
  companyId: number
  kind: DirectorySyncRunTable['kind']
  mode: DirectorySyncRunTable['mode']
  trigger: DirectorySyncRunTable['trigger']
  actorUserId: number | null
  status: DirectorySyncRunTable['status']
  startedAt: Date
  finishedAt: Date
  counts: {
    departmentsCreated: number
    created: number
    changed: number
    unchanged: number
    markedLeft: number
    errors: number
  }
  messages: string[]
}

export async function insertSyncRun(db: Db, run: SyncRunValues): Promise<number> {
  const row = await db
    .insertInto('directory_sync_runs')
    .values({
      company_id: run.companyId,
      kind: run.kind,
      mode: run.mode,
      trigger: run.trigger,
      actor_user_id: run.actorUserId,
      status: run.status,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      departments_created: run.counts.departmentsCreated,
      created: run.counts.created,
      changed: run.counts.changed,
      unchanged: run.counts.unchanged,
      marked_left: run.counts.markedLeft,
      errors: run.counts.errors,
      messages: JSON.stringify(run.messages),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export type SyncRunRecord = Omit<SyncRunValues, 'companyId'> & { id: number; actorName: string | null }

/** A company's latest runs, newest first. */
export async function listSyncRuns(db: Db, companyId: number, limit: number): Promise<SyncRunRecord[]> {
  const rows = await db
    .selectFrom('directory_sync_runs as r')
    .leftJoin('users as u', 'u.id', 'r.actor_user_id')
    .selectAll('r')
    .select('u.display_name as actorName')
    .where('r.company_id', '=', companyId)
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    trigger: r.trigger,
    actorUserId: r.actor_user_id,
    actorName: r.actorName,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: {
      departmentsCreated: r.departments_created,
      created: r.created,
      changed: r.changed,
      unchanged: r.unchanged,
      markedLeft: r.marked_left,
      errors: r.errors,
    },
    messages: r.messages,
  }))
}

/** When a company last ran a successful preview or apply of a provider, if ever. */
export async function lastSuccessfulRun(
  db: Db,
  companyId: number,
  kind: DirectorySyncRunTable['kind'],
  mode: DirectorySyncRunTable['mode'],
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('directory_sync_runs')
    .select((eb) => eb.fn.max('started_at').as('at'))
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .where('mode', '=', mode)
    .where('status', '=', 'ok')
    .executeTakeFirst()
  return row?.at ? new Date(row.at) : undefined
}

/** When a provider's daily sync last ran (successfully or not), so a failing one is not retried every minute. */
export async function lastDailyRun(
  db: Db,
  companyId: number,
  kind: DirectorySyncRunTable['kind'],
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('directory_sync_runs')
    .select((eb) => eb.fn.max('started_at').as('at'))
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .where('trigger', '=', 'daily')
    .executeTakeFirst()
  return row?.at ? new Date(row.at) : undefined
}

/** The company's admins with a working login, who hear about a failed daily sync. */
export async function listActiveAdminIds(db: Db, companyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('company_id', '=', companyId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

/** The company's time zone (default Asia/Shanghai), to tell which company day a run fell on. */
export async function findCompanyTimeZone(db: Db, companyId: number): Promise<string> {
  const row = await db
    .selectFrom('companies')
    .select('time_zone')
    .where('id', '=', companyId)
    .executeTakeFirst()
  return row?.time_zone || 'Asia/Shanghai'
}
