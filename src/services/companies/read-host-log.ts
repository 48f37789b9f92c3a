import type { Db } from '../../db/database.ts'
import { listHostLog } from '../../db/host-log-repository.ts'

export type HostLogLine = {
  at: Date
  action: string
  formerCompanyId: number
  companyCode: string
  companyName: string
  actor: string
  details: Record<string, unknown>
}

/** The host log, newest first: what was done to whole companies, including ones since deleted. */
export async function readHostLog(db: Db, options: { companyCode?: string } = {}): Promise<HostLogLine[]> {
  const rows = await listHostLog(db, { companyCode: options.companyCode, limit: 500 })
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    formerCompanyId: r.former_company_id,
    companyCode: r.company_code,
    companyName: r.company_name,
    actor: r.actor,
    details: r.details,
  }))
}
