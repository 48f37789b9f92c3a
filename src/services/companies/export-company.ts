import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { createGzip } from 'node:zlib'
import {
  type CompanyArchiveHeader,
  type CompanyDataSummary,
  companyArchiveFormat,
} from '../../contracts/company-archive.ts'
import { DomainError } from '../../core/errors.ts'
import {
  countCompanyRows,
  listAppliedMigrations,
  listTablesWithIdentityId,
  readCompanyRowJson,
  readCompanyRowsJson,
} from '../../db/company-archive-repository.ts'
import { findCompanyByCode } from '../../db/company-repository.ts'
import type { Db } from '../../db/database.ts'
import { appendHostLog } from '../../db/host-log-repository.ts'
import { tenantTables } from '../../db/tenant-tables.ts'

const pageSize = 2000

export type CompanyDataDeps = { db: Db; now: () => Date; actor: string }

/**
 * Writes every row of one company to `outFile` as a company archive (contracts/company-archive.ts), read in one
 * repeatable-read transaction so the file is one consistent moment even while the server runs. Written aside and
 * renamed: a failed export leaves no half file. Logged in the host log.
 */
export async function exportCompany(
  deps: CompanyDataDeps,
  input: { code: string; outFile: string },
): Promise<CompanyDataSummary> {
  const company = await findCompanyByCode(deps.db, input.code)
  if (!company) throw new DomainError('not_found', `no company with code "${input.code}"`)
  const partial = `${input.outFile}.${randomBytes(4).toString('hex')}.partial`
  const gzip = createGzip()
  const file = createWriteStream(partial, { mode: 0o600 })
  gzip.pipe(file)
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain')
  }
  try {
    const rows = await deps.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const counts: Record<string, number> = { companies: 1 }
        for (const table of tenantTables) counts[table] = await countCompanyRows(trx, table, company.id)
        const header: CompanyArchiveHeader = {
          format: companyArchiveFormat,
          formatVersion: 1,
          migrations: await listAppliedMigrations(trx),
          exportedAt: deps.now().toISOString(),
          company: { id: company.id, code: company.code, name: company.name },
          rows: counts,
        }
        await write(JSON.stringify(header))
        await write(`{"table":"companies","row":${await readCompanyRowJson(trx, company.id)}}`)
        const byId = await listTablesWithIdentityId(trx)
        for (const table of tenantTables) {
          let afterId = 0
          for (;;) {
            const page = await readCompanyRowsJson(trx, table, company.id, {
              byId: byId.has(table),
              afterId,
              limit: pageSize,
            })
            for (const row of page) await write(`{"table":"${table}","row":${row.json}}`)
            if (!byId.has(table) || page.length < pageSize) break
            afterId = page[page.length - 1]!.id!
          }
        }
        return counts
      })
    gzip.end()
    await once(file, 'close')
    await rename(partial, input.outFile)
    await appendHostLog(deps.db, {
      action: 'company_exported',
      formerCompanyId: company.id,
      companyCode: company.code,
      companyName: company.name,
      actor: deps.actor,
      details: { rows, file: input.outFile },
    })
    return summarise(company, rows)
  } catch (error) {
    gzip.destroy()
    file.destroy()
    await rm(partial, { force: true })
    throw error
  }
}

export function summarise(
  company: { id: number; code: string; name: string },
  rows: Record<string, number>,
): CompanyDataSummary {
  const totalRows = Object.values(rows).reduce((sum, n) => sum + n, 0)
  return { companyId: company.id, code: company.code, name: company.name, rows, totalRows }
}
