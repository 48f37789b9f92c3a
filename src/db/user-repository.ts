import { sql } from 'kysely'
import type { Db, Role } from './database.ts'

// Users (login accounts) and the company each belongs to. A username is unique within its company,
// case-insensitively (migration 0023); the same name may exist in another company.

export type UserWithCompany = {
  id: number
  companyId: number
  companyName: string
  /** The company code typed on the login page (企业代码). */
  companyCode: string
  /** The company is the demo (its passwords are public). */
  companyIsDemo: boolean
  username: string
  passwordHash: string
  role: Role
  employeeId: number | null
  displayName: string
  locale: string
}

function userQuery(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('companies as c', 'c.id', 'u.company_id')
    .select([
      'u.id as id',
      'u.company_id as companyId',
      'c.name as companyName',
      'c.code as companyCode',
      sql<boolean>`coalesce((c.settings->>'demo')::boolean, false)`.as('companyIsDemo'),
      'u.username as username',
      'u.password_hash as passwordHash',
      'u.role as role',
      'u.employee_id as employeeId',
      'u.display_name as displayName',
      'u.locale as locale',
    ])
}

/** The user of this company with this username (case-insensitive), with its company name and code. */
export async function findUserByUsername(
  db: Db,
  companyId: number,
  username: string,
): Promise<UserWithCompany | undefined> {
  return userQuery(db)
    .where('u.company_id', '=', companyId)
    .where(sql`lower(u.username)`, '=', username.toLowerCase())
    .executeTakeFirst()
}

/** One user of one company. */
export async function findUserById(
  db: Db,
  companyId: number,
  id: number,
): Promise<UserWithCompany | undefined> {
  return userQuery(db).where('u.id', '=', id).where('u.company_id', '=', companyId).executeTakeFirst()
}

export type NewUser = {
  companyId: number
  username: string
  passwordHash: string
  role: Role
  employeeId: number | null
  displayName: string
  locale?: string
}

/** Inserts a user whose password is already hashed; returns its id. */
export async function insertUser(db: Db, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      company_id: user.companyId,
      username: user.username,
      password_hash: user.passwordHash,
      role: user.role,
      employee_id: user.employeeId,
      display_name: user.displayName,
      ...(user.locale ? { locale: user.locale } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Replaces a user's password hash (already hashed). */
export async function updateUserPasswordHash(
  db: Db,
  companyId: number,
  id: number,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .execute()
}

/** The logins with one role in a company, oldest first (to notify HR or admins; the demo's HR and finance). */
export async function listUserIdsWithRole(db: Db, companyId: number, role: Role): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('company_id', '=', companyId)
    .where('role', '=', role)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}
