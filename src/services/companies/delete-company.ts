import type { CompanyDataSummary } from '../../contracts/company-archive.ts'
import { DomainError } from '../../core/errors.ts'
import { deleteCompanyRows } from '../../db/company-archive-repository.ts'
import { findCompanyByCode } from '../../db/company-repository.ts'
import { appendHostLog } from '../../db/host-log-repository.ts'
import type { CompanyDataDeps } from './export-company.ts'
import { summarise } from './export-company.ts'

/**
 * Deletes a company and everything it holds (people, sheets, pay, facts, stored sheet files, its audit log) in one
 * transaction, for a departing customer or a personal-information deletion request (个人信息删除). The host
 * log, which is no tenant table, records who deleted which company and how many rows, and outlives it.
 * `confirmCode` must repeat the company's code: a mistyped code deletes nothing.
 */
export async function deleteCompany(
  deps: CompanyDataDeps,
  input: { code: string; confirmCode: string; reason?: string },
): Promise<CompanyDataSummary> {
  const company = await findCompanyByCode(deps.db, input.code)
  if (!company) throw new DomainError('not_found', `no company with code "${input.code}"`)
  if (input.confirmCode.trim().toLowerCase() !== company.code.toLowerCase())
    throw new DomainError(
      'invalid_input',
      `the confirmation "${input.confirmCode}" is not the company code; nothing was deleted`,
      [{ path: 'confirm', message: `type the company code ${company.code}` }],
    )
  const rows = await refuseWithoutAuditRights(() =>
    deps.db.transaction().execute(async (trx) => {
      const counts = await deleteCompanyRows(trx, company.id)
      await appendHostLog(trx, {
        action: 'company_deleted',
        formerCompanyId: company.id,
        companyCode: company.code,
        companyName: company.name,
        actor: deps.actor,
        details: { rows: counts, ...(input.reason ? { reason: input.reason } : {}) },
      })
      return counts
    }),
  )
  return summarise(company, { companies: 1, ...rows })
}

/** On PostgreSQL the application role may not delete audit rows (two roles, README): say whose job this is. */
async function refuseWithoutAuditRights<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if ((error as { code?: string }).code === '42501')
      throw new DomainError(
        'forbidden',
        'this database role may not delete audit rows: run `jixiao company delete` with the owner role in DATABASE_URL',
      )
    throw error
  }
}
