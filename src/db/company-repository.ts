import { sql } from 'kysely'
import type { Db } from './database.ts'

// Companies (tenants). Each has a code people type on the login page (企业代码), unique case-insensitively.

export type CompanyRef = { id: number; name: string; code: string; isDemo: boolean }

const isDemo = sql<boolean>`coalesce((settings->>'demo')::boolean, false)`

/** The company with this code (case-insensitive). */
export async function findCompanyByCode(db: Db, code: string): Promise<CompanyRef | undefined> {
  return db
    .selectFrom('companies')
    .select(['id', 'name', 'code', isDemo.as('isDemo')])
    .where(sql`lower(code)`, '=', code.trim().toLowerCase())
    .executeTakeFirst()
}

/** How many companies the database holds. */
export async function countCompanies(db: Db): Promise<number> {
  const row = await db
    .selectFrom('companies')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The only company of a single-company database, or undefined when there are none or several. */
export async function findSoleCompany(db: Db): Promise<CompanyRef | undefined> {
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'name', 'code', isDemo.as('isDemo')])
    .limit(2)
    .execute()
  return rows.length === 1 ? rows[0] : undefined
}

/** Whether any company is the demo (its passwords are public). */
export async function holdsDemoCompany(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('companies')
    .select('id')
    .where(sql<boolean>`(settings->>'demo')::boolean is true`)
    .executeTakeFirst()
  return row !== undefined
}

export type CompanySummary = {
  id: number
  code: string
  name: string
  isDemo: boolean
  /** Employees not marked as left. */
  people: number
  logins: number
  createdAt: Date
}

/** Every company, oldest first, with its head count and number of logins. */
export async function listCompanies(db: Db): Promise<CompanySummary[]> {
  const rows = await db
    .selectFrom('companies as c')
    .select([
      'c.id as id',
      'c.code as code',
      'c.name as name',
      sql<boolean>`coalesce((c.settings->>'demo')::boolean, false)`.as('isDemo'),
      sql<number>`(select count(*)::int from employees e where e.company_id = c.id and e.status <> 'left')`.as(
        'people',
      ),
      sql<number>`(select count(*)::int from users u where u.company_id = c.id)`.as('logins'),
      'c.created_at as createdAt',
    ])
    .orderBy('c.id')
    .execute()
  return rows.map((r) => ({
    ...r,
    people: Number(r.people),
    logins: Number(r.logins),
    createdAt: new Date(r.createdAt),
  }))
}

/** Inserts a company with its chosen code (stored lowercased); returns its id. */
export async function insertCompanyWithCode(
  db: Db,
  company: { name: string; code: string },
): Promise<number> {
  const row = await db
    .insertInto('companies')
    .values({ name: company.name, code: company.code.toLowerCase(), settings: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Serialises company creation until the transaction ends, so "only into an empty database" holds under races. */
export async function lockCompaniesTable(db: Db): Promise<void> {
  await sql`lock table companies in share row exclusive mode`.execute(db)
}

/** Every company's id, oldest first (for sweeps that run company by company). */
export async function listCompanyIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('companies').select('id').orderBy('id').execute()
  return rows.map((r) => r.id)
}
