import type { ColumnType, Generated } from 'kysely'

// The host log (migration 0035): what the host did to whole companies; it outlives the companies it names.
export type HostLogAction = 'company_exported' | 'company_imported' | 'company_deleted'

export type HostLogTable = {
  id: Generated<number>
  at: ColumnType<Date, Date | string | undefined, never>
  action: HostLogAction
  /** The id the company had (it may be gone); deliberately not named company_id: this is not a tenant table. */
  former_company_id: number
  company_code: string
  company_name: string
  /** Who asked: the operating-system user and host of the command line. */
  actor: string
  details: ColumnType<Record<string, unknown>, string | undefined, never>
}

export type HostTables = { host_log: HostLogTable }
