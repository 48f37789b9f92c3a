import { findFirstAdmin } from '../../db/acting-admin-queries.ts'
import { listCompanies } from '../../db/company-repository.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'

// The company a command-line action works on — the only one, or the one named (by id, name or code) — and its
// first admin to act as; or why there is none to choose.
export type ActingCompany =
  | { ok: true; companyId: number; actor: Actor }
  | { ok: false; reason: 'not_found' | 'no_company' | 'several'; companies: { id: number; name: string }[] }
  | { ok: false; reason: 'no_admin'; companyName: string }

export async function chooseActingCompany(db: Db, named?: string): Promise<ActingCompany> {
  const companies = (await listCompanies(db)).map((c) => ({ id: c.id, name: c.name, code: c.code }))
  let company = companies[0]
  if (named !== undefined) {
    company = companies.find(
      (c) => String(c.id) === named || c.name === named || c.code.toLowerCase() === named.toLowerCase(),
    )
    if (!company) return { ok: false, reason: 'not_found', companies }
  } else if (companies.length === 0) return { ok: false, reason: 'no_company', companies }
  else if (companies.length > 1) return { ok: false, reason: 'several', companies }
  const chosen = company as { id: number; name: string }
  const admin = await findFirstAdmin(db, chosen.id)
  if (!admin) return { ok: false, reason: 'no_admin', companyName: chosen.name }
  return {
    ok: true,
    companyId: chosen.id,
    actor: { userId: admin.id, companyId: chosen.id, role: 'admin', employeeId: admin.employeeId },
  }
}
