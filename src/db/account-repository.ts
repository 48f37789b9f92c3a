import { sql } from 'kysely'
import type { Db, Role } from './database.ts'

// Accounts for people (issue 13): which employee has which login, in which state, and the one-time
// activation tokens. Only hashes of tokens are stored.

/**
 * The password hash of a login created with an activation link: it is no scrypt value, so no password ever
 * matches it (services/auth/password.ts) until the person activates the account and sets one.
 */
export const pendingActivationHash = '!activation-pending'

export type AccountState = 'none' | 'pending_activation' | 'must_change_password' | 'active' | 'disabled'

export type AccountListFilter = {
  withoutLogin?: boolean
  state?: AccountState
  departmentId?: number
  q?: string
  page: number
  pageSize: number
}

export type AccountListItem = {
  employeeId: number | null
  employeeNo: string | null
  name: string
  departmentId: number | null
  departmentName: string | null
  positionName: string | null
  leaveDate: string | null
  userId: number | null
  username: string | null
  role: Role | null
  state: AccountState
  disabledReason: string | null
  disabledDate: string | null
  lastLoginDate: string | null
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

/** The company's time zone (default Asia/Shanghai): leave dates and login dates are read there. */
export async function findCompanyTimeZone(db: Db, companyId: number): Promise<string> {
  const row = await db
    .selectFrom('companies')
    .select('time_zone')
    .where('id', '=', companyId)
    .executeTakeFirst()
  return row?.time_zone || 'Asia/Shanghai'
}

/**
 * One page of the company's people with their logins: every employee (with or without a login) and every
 * login linked to no employee (e.g. the admin), ordered by employee number, then username. A login whose
 * employee's leave date is on or before `today` counts as disabled (离职) even before the daily sweep ran.
 */
export async function listAccounts(
  db: Db,
  companyId: number,
  filter: AccountListFilter,
  today: string,
  timeZone: string,
): Promise<{ items: AccountListItem[]; total: number }> {
  const leftCondition = sql`(e.leave_date is not null and e.leave_date <= ${today}::date)`
  const stateExpression = sql<AccountState>`case
      when u.id is null then 'none'
      when u.disabled_at is not null or ${leftCondition} then 'disabled'
      when u.must_change_password and u.password_hash = ${pendingActivationHash} then 'pending_activation'
      when u.must_change_password then 'must_change_password'
      else 'active' end`
  const employees = db.selectFrom('employees').selectAll().where('company_id', '=', companyId).as('e')
  const users = db.selectFrom('users').selectAll().where('company_id', '=', companyId).as('u')
  const base = db
    .selectFrom(employees)
    .fullJoin(users, 'u.employee_id', 'e.id')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('positions as p', 'p.id', 'e.position_id')
  const filtered = base.where((eb) => {
    const conditions = []
    if (filter.withoutLogin) conditions.push(eb('u.id', 'is', null))
    if (filter.state) conditions.push(eb(stateExpression, '=', filter.state))
    if (filter.departmentId !== undefined) conditions.push(eb('e.department_id', '=', filter.departmentId))
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`
      conditions.push(
        eb.or([
          eb('e.name', 'ilike', pattern),
          eb('e.employee_no', 'ilike', pattern),
          eb('u.username', 'ilike', pattern),
          eb('u.display_name', 'ilike', pattern),
        ]),
      )
    }
    return eb.and(conditions)
  })
  const [rows, count] = await Promise.all([
    filtered
      .select([
        'e.id as employeeId',
        'e.employee_no as employeeNo',
        sql<string>`coalesce(e.name, u.display_name)`.as('name'),
        'e.department_id as departmentId',
        'd.name as departmentName',
        'p.name as positionName',
        'e.leave_date as leaveDate',
        'u.id as userId',
        'u.username as username',
        'u.role as role',
        stateExpression.as('state'),
        sql<string | null>`case
            when u.id is null then null
            when u.disabled_at is not null then u.disabled_reason
            when ${leftCondition} then '离职' end`.as('disabledReason'),
        sql<string | null>`case
            when u.id is null then null
            when u.disabled_at is not null then to_char(u.disabled_at at time zone ${timeZone}, 'YYYY-MM-DD')
            when ${leftCondition} then to_char(e.leave_date, 'YYYY-MM-DD') end`.as('disabledDate'),
        sql<string | null>`to_char(u.last_login_at at time zone ${timeZone}, 'YYYY-MM-DD')`.as(
          'lastLoginDate',
        ),
      ])
      // Employees first, by their number; logins of nobody after them, by username.
      .orderBy(sql`e.employee_no is null`)
      .orderBy('e.employee_no')
      .orderBy('u.username')
      .orderBy('e.id')
      .orderBy('u.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    filtered.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => ({
      ...r,
      leaveDate: r.leaveDate === null ? null : String(r.leaveDate).slice(0, 10),
    })) as AccountListItem[],
    total: Number(count.n),
  }
}

export type AccountCandidate = {
  id: number
  employeeNo: string
  name: string
  leaveDate: string | null
  status: 'active' | 'on_leave' | 'left'
  /** Somebody reports to this employee: a new login defaults to supervisor. */
  managesSomeone: boolean
  /** The login already linked to this employee, if any. */
  userId: number | null
  username: string | null
}

/** The company's employees among `ids` (others are simply missing), with what a new login needs to know. */
export async function findAccountCandidates(
  db: Db,
  companyId: number,
  ids: readonly number[],
): Promise<AccountCandidate[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('employees as e')
    .leftJoin('users as u', (j) =>
      j.onRef('u.employee_id', '=', 'e.id').onRef('u.company_id', '=', 'e.company_id'),
    )
    .select([
      'e.id as id',
      'e.employee_no as employeeNo',
      'e.name as name',
      'e.leave_date as leaveDate',
      'e.status as status',
      sql<boolean>`exists (select 1 from employees r where r.company_id = e.company_id and r.manager_id = e.id)`.as(
        'managesSomeone',
      ),
      'u.id as userId',
      'u.username as username',
    ])
    .where('e.company_id', '=', companyId)
    .where('e.id', 'in', [...ids])
    .execute()
  return rows.map((r) => ({
    ...r,
    leaveDate: r.leaveDate === null ? null : String(r.leaveDate).slice(0, 10),
    managesSomeone: Boolean(r.managesSomeone),
  }))
}

/** The employees of the company that have no login and have not left (for "give everyone a login"). */
export async function findEmployeeIdsWithoutLogin(
  db: Db,
  companyId: number,
  today: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('employees as e')
    .select('e.id')
    .where('e.company_id', '=', companyId)
    .where('e.status', '<>', 'left')
    .where((eb) => eb.or([eb('e.leave_date', 'is', null), eb('e.leave_date', '>', today)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('users as u')
            .select('u.id')
            .whereRef('u.employee_id', '=', 'e.id')
            .whereRef('u.company_id', '=', 'e.company_id'),
        ),
      ),
    )
    .orderBy('e.employee_no')
    .execute()
  return rows.map((r) => r.id)
}

/** The employees of the company with one of these employee numbers (工号), matched exactly. */
export async function findEmployeesByNo(
  db: Db,
  companyId: number,
  employeeNos: readonly string[],
): Promise<{ id: number; employeeNo: string }[]> {
  if (employeeNos.length === 0) return []
  return db
    .selectFrom('employees')
    .select(['id', 'employee_no as employeeNo'])
    .where('company_id', '=', companyId)
    .where('employee_no', 'in', [...employeeNos])
    .execute()
}

/** Which of these lowercased usernames are already taken in the company. */
export async function findTakenUsernames(
  db: Db,
  companyId: number,
  lowercased: readonly string[],
): Promise<Set<string>> {
  if (lowercased.length === 0) return new Set()
  const rows = await db
    .selectFrom('users')
    .select(sql<string>`lower(username)`.as('name'))
    .where('company_id', '=', companyId)
    .where(sql`lower(username)`, 'in', [...lowercased])
    .execute()
  return new Set(rows.map((r) => r.name))
}

export type NewAccount = {
  username: string
  passwordHash: string
  role: Role
  employeeId: number
  displayName: string
}

/** Inserts logins that must change their password at first sign-in; answers their ids in input order. */
export async function insertAccounts(
  db: Db,
  companyId: number,
  accounts: readonly NewAccount[],
): Promise<number[]> {
  const ids: number[] = []
  // A few hundred rows a statement keeps every statement well under the bind-parameter limit.
  for (let start = 0; start < accounts.length; start += 500) {
    const chunk = accounts.slice(start, start + 500)
    const rows = await db
      .insertInto('users')
      .values(
        chunk.map((a) => ({
          company_id: companyId,
          username: a.username,
          password_hash: a.passwordHash,
          role: a.role,
          employee_id: a.employeeId,
          display_name: a.displayName,
          must_change_password: true,
        })),
      )
      .returning(['id', 'employee_id'])
      .execute()
    const byEmployee = new Map(rows.map((r) => [r.employee_id, r.id]))
    for (const a of chunk) ids.push(byEmployee.get(a.employeeId)!)
  }
  return ids
}

export type AccountRecord = {
  id: number
  companyId: number
  username: string
  displayName: string
  role: Role
  employeeId: number | null
  passwordHash: string
  mustChangePassword: boolean
  disabledAt: Date | null
  disabledReason: string | null
  leaveDate: string | null
  companyCode: string
  companyName: string
  timeZone: string
}

function accountQuery(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('companies as c', 'c.id', 'u.company_id')
    .leftJoin('employees as e', (j) =>
      j.onRef('e.id', '=', 'u.employee_id').onRef('e.company_id', '=', 'u.company_id'),
    )
    .select([
      'u.id as id',
      'u.company_id as companyId',
      'u.username as username',
      'u.display_name as displayName',
      'u.role as role',
      'u.employee_id as employeeId',
      'u.password_hash as passwordHash',
      'u.must_change_password as mustChangePassword',
      'u.disabled_at as disabledAt',
      'u.disabled_reason as disabledReason',
      'e.leave_date as leaveDate',
      'c.code as companyCode',
      'c.name as companyName',
      'c.time_zone as timeZone',
    ])
}

function toAccountRecord<R extends { leaveDate: string | null; disabledAt: Date | null }>(row: R): R {
  return {
    ...row,
    leaveDate: row.leaveDate === null ? null : String(row.leaveDate).slice(0, 10),
    disabledAt: row.disabledAt === null ? null : new Date(row.disabledAt),
  }
}

/** One login of one company with its state, its employee's leave date and the company's code and time zone. */
export async function findAccount(
  db: Db,
  companyId: number,
  userId: number,
): Promise<AccountRecord | undefined> {
  const row = await accountQuery(db)
    .where('u.company_id', '=', companyId)
    .where('u.id', '=', userId)
    .executeTakeFirst()
  return row && toAccountRecord(row)
}

/** The login of this company with this username (case-insensitive). */
export async function findAccountByUsername(
  db: Db,
  companyId: number,
  username: string,
): Promise<AccountRecord | undefined> {
  const row = await accountQuery(db)
    .where('u.company_id', '=', companyId)
    .where(sql`lower(u.username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst()
  return row && toAccountRecord(row)
}

/** Sets a login's password hash, whether it must be changed at next sign-in, and when it was last changed. */
export async function setAccountPassword(
  db: Db,
  companyId: number,
  userId: number,
  values: { passwordHash: string; mustChangePassword: boolean; passwordChangedAt: Date | null },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: values.passwordHash,
      must_change_password: values.mustChangePassword,
      password_changed_at: values.passwordChangedAt,
    })
    .where('company_id', '=', companyId)
    .where('id', '=', userId)
    .execute()
}

/** Disables a login (with its reason), or enables it again with `disabledAt` null. */
export async function setAccountDisabled(
  db: Db,
  companyId: number,
  userId: number,
  disabledAt: Date | null,
  reason: string | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabledAt, disabled_reason: disabledAt === null ? null : reason })
    .where('company_id', '=', companyId)
    .where('id', '=', userId)
    .execute()
}

export async function setAccountRole(db: Db, companyId: number, userId: number, role: Role): Promise<void> {
  await db
    .updateTable('users')
    .set({ role })
    .where('company_id', '=', companyId)
    .where('id', '=', userId)
    .execute()
}

/** Remembers when a login last signed in. */
export async function touchLastLogin(db: Db, companyId: number, userId: number, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_login_at: at })
    .where('company_id', '=', companyId)
    .where('id', '=', userId)
    .execute()
}

/** How many admins of the company can still sign in (not disabled). */
export async function countEnabledAdmins(db: Db, companyId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('company_id', '=', companyId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export type NewAccountToken = { idHash: string; userId: number; expiresAt: Date }

/** Stores activation tokens (hashes only). */
export async function insertAccountTokens(
  db: Db,
  companyId: number,
  tokens: readonly NewAccountToken[],
): Promise<void> {
  for (let start = 0; start < tokens.length; start += 1000) {
    const chunk = tokens.slice(start, start + 1000)
    await db
      .insertInto('account_tokens')
      .values(
        chunk.map((t) => ({
          id_hash: t.idHash,
          company_id: companyId,
          user_id: t.userId,
          purpose: 'activation' as const,
          expires_at: t.expiresAt,
        })),
      )
      .execute()
  }
}

/** Ends a login's unused activation links (a reset replaces them); answers how many. */
export async function revokeAccountTokens(
  db: Db,
  companyId: number,
  userId: number,
  at: Date,
): Promise<number> {
  const result = await db
    .updateTable('account_tokens')
    .set({ used_at: at })
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export type AccountTokenRecord = {
  companyId: number
  userId: number
  expiresAt: Date
  usedAt: Date | null
}

/** The activation token with this hash, if any. */
export async function findAccountToken(db: Db, idHash: string): Promise<AccountTokenRecord | undefined> {
  const row = await db
    .selectFrom('account_tokens')
    .select(['company_id as companyId', 'user_id as userId', 'expires_at as expiresAt', 'used_at as usedAt'])
    .where('id_hash', '=', idHash)
    .where('purpose', '=', 'activation')
    .executeTakeFirst()
  if (!row) return undefined
  return {
    ...row,
    expiresAt: new Date(row.expiresAt),
    usedAt: row.usedAt === null ? null : new Date(row.usedAt),
  }
}

/** Marks a token used unless it already was; answers whether this call used it (two tabs cannot both). */
export async function useAccountToken(db: Db, idHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('account_tokens')
    .set({ used_at: at })
    .where('id_hash', '=', idHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Every company with its time zone (the leavers' sweep reads "today" per company). */
export async function listCompanyTimeZones(db: Db): Promise<{ id: number; timeZone: string }[]> {
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'time_zone as timeZone'])
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, timeZone: r.timeZone || 'Asia/Shanghai' }))
}

/** Logins of the company still enabled whose employee's leave date is on or before `today`. */
export async function findEnabledLeaverAccounts(
  db: Db,
  companyId: number,
  today: string,
): Promise<{ userId: number; username: string; leaveDate: string }[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('employees as e', (j) =>
      j.onRef('e.id', '=', 'u.employee_id').onRef('e.company_id', '=', 'u.company_id'),
    )
    .select(['u.id as userId', 'u.username as username', 'e.leave_date as leaveDate'])
    .where('u.company_id', '=', companyId)
    .where('u.disabled_at', 'is', null)
    .where('e.leave_date', 'is not', null)
    .where('e.leave_date', '<=', today)
    .orderBy('u.id')
    .execute()
  return rows.map((r) => ({ ...r, leaveDate: String(r.leaveDate).slice(0, 10) }))
}

/**
 * Employees whose leave date has come (on or before `today`) but whose status does not say so yet: their
 * status becomes `left`. Answers who changed, for the audit log.
 */
export async function markEmployeesLeftOnLeaveDate(
  db: Db,
  companyId: number,
  today: string,
): Promise<{ employeeId: number; name: string; status: string; leaveDate: string }[]> {
  const before = await db
    .selectFrom('employees')
    .select(['id as employeeId', 'name', 'status', 'leave_date as leaveDate'])
    .where('company_id', '=', companyId)
    .where('status', '!=', 'left')
    .where('leave_date', 'is not', null)
    .where('leave_date', '<=', today)
    .orderBy('id')
    .execute()
  if (before.length === 0) return []
  await db
    .updateTable('employees')
    .set({ status: 'left' })
    .where('company_id', '=', companyId)
    .where(
      'id',
      'in',
      before.map((e) => e.employeeId),
    )
    .execute()
  return before.map((e) => ({ ...e, leaveDate: String(e.leaveDate).slice(0, 10) }))
}
