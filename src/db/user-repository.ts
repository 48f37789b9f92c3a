import type { Db, Role } from './database.ts'

// Users (login accounts) and the company each belongs to. Usernames are unique across the installation.

export type UserWithCompany = {
  id: number
  companyId: number
  companyName: string
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
      'u.username as username',
      'u.password_hash as passwordHash',
      'u.role as role',
      'u.employee_id as employeeId',
      'u.display_name as displayName',
      'u.locale as locale',
    ])
}

/** The user with this username (exact, case-sensitive), with its company name. */
export async function findUserByUsername(db: Db, username: string): Promise<UserWithCompany | undefined> {
  return userQuery(db).where('u.username', '=', username).executeTakeFirst()
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
