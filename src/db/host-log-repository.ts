import type { Db } from './database.ts'
import type { HostLogAction } from './host-log-tables.ts'

// The host log (migration 0035): one row per export, import or delete of a whole company.

export type HostLogEntry = {
  action: HostLogAction
  formerCompanyId: number
  companyCode: string
  companyName: string
  actor: string
  details: Record<string, unknown>
}

export async function appendHostLog(db: Db, entry: HostLogEntry): Promise<void> {
  await db
    .insertInto('host_log')
    .values({
      action: entry.action,
      former_company_id: entry.formerCompanyId,
      company_code: entry.companyCode,
      company_name: entry.companyName,
      actor: entry.actor,
      details: JSON.stringify(entry.details),
    })
    .execute()
}

/** The newest entries first, optionally those naming one company code. */
export async function listHostLog(db: Db, options: { companyCode?: string; limit?: number } = {}) {
  let query = db.selectFrom('host_log').selectAll().orderBy('id', 'desc')
  if (options.companyCode) query = query.where('company_code', '=', options.companyCode)
  return query.limit(options.limit ?? 100).execute()
}
