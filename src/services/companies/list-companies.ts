import type { CompanySummary } from '../../contracts/companies.ts'
import { listCompanies as listCompanyRows } from '../../db/company-repository.ts'
import type { Db } from '../../db/database.ts'

/** Every company of the installation, oldest first: code, name, head count, logins, the day it was created. */
export async function listCompanies(deps: { db: Db }): Promise<CompanySummary[]> {
  return (await listCompanyRows(deps.db)).map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    isDemo: c.isDemo,
    people: c.people,
    logins: c.logins,
    created: c.createdAt.toISOString().slice(0, 10),
  }))
}
