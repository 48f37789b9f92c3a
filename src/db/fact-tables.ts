import type { ColumnType, Generated } from 'kysely'
import { type FactColumnType, type FactKind, factKinds } from '../core/ingest/fact-kinds.ts'

// Table types for imports, attributions, saved mappings and the derived order headers; the fact
// tables themselves follow `factKinds` and are read and written with set-based SQL.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, T | string, T | string>

export type ImportStatus = 'completed' | 'undone' | 'failed'

export type ImportTable = {
  id: Generated<number>
  company_id: number
  kind: string
  preset: string
  source: string
  file_name: string
  sha256: string
  size_bytes: number
  rows: Generated<number>
  period_start: string | null
  period_end: string | null
  status: ImportStatus
  created_by_user_id: number | null
  errors: Json<unknown> | null
  replaced_rows: Generated<number>
  created_at: Generated<Timestamp>
  undone_at: Timestamp | null
}

export type AttributionSourceKind = 'agent_nick' | 'host' | 'account' | 'employee_no' | 'shop'

export type AttributionTable = {
  id: Generated<number>
  company_id: number
  source_kind: AttributionSourceKind
  source_name: string
  employee_id: number | null
  department_id: number | null
  shop: string | null
  created_at: Generated<Timestamp>
}

export type ImportMappingTable = {
  id: Generated<number>
  company_id: number
  name: string
  kind: string
  mapping: Json<Record<string, string>>
  header_row: number | null
  created_at: Generated<Timestamp>
}

export type FactOrderTable = {
  id: Generated<number>
  company_id: number
  import_id: number
  superseded_by: number | null
  shop: string
  order_no: string
  customer_id: string | null
  ordered_at: Timestamp
  day: string
  amount: string
  quantity: number
  lines: number
  is_cancellation: boolean
  order_status: 'order' | 'cancellation' | 'adjustment'
  agent_nick: string | null
}

export type FactTables = {
  imports: ImportTable
  attributions: AttributionTable
  import_mappings: ImportMappingTable
  fact_orders: FactOrderTable
}

/** The SQL type each fact column type is stored as. */
export const sqlTypeOf: Record<FactColumnType, string> = {
  text: 'text',
  int: 'bigint',
  numeric: 'numeric',
  rate: 'numeric',
  seconds: 'numeric',
  date: 'date',
  timestamp: 'timestamp',
  bool: 'boolean',
}

/** Natural-key text columns are stored as '' rather than null so that keys compare. */
export function isKeyColumn(kind: FactKind, column: string): boolean {
  return kind.naturalKey.includes(column)
}

/** Every fact kind's table name. */
export const factTableNames = Object.values(factKinds).map((k) => k.table)
