import type { Selectable } from 'kysely'
import type { Db } from './database.ts'
import type { ImportMappingTable, ImportStatus, ImportTable } from './fact-tables.ts'
import type { SqlSession } from './import-repository.ts'

// All SQL for the import log (`imports`: who imported which file, when, for which period, how it ended) and the
// company's saved column mappings. The rows an import moves are import-repository's.

export type ImportRecord = Selectable<ImportTable>

/** The import log of a company, newest first. */
export async function listImportRecords(db: Db, companyId: number, limit: number): Promise<ImportRecord[]> {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export async function findImportStatus(
  db: Db,
  companyId: number,
  importId: number,
): Promise<ImportStatus | undefined> {
  const row = await db
    .selectFrom('imports')
    .select('status')
    .where('company_id', '=', companyId)
    .where('id', '=', importId)
    .executeTakeFirst()
  return row?.status
}

export type ImportHistoryItem = {
  id: number
  kind: string
  preset: string
  source: string
  fileName: string
  sha256: string
  sizeBytes: number
  rows: number
  replacedRows: number
  periodStart: string | null
  periodEnd: string | null
  status: ImportStatus
  createdBy: string | null
  createdAt: string
  undoneAt: string | null
  /** Why a failed import failed. */
  error: string | null
}

/** The import log with who imported each file, newest first, optionally of one outcome. */
export async function listImportHistoryRows(
  db: Db,
  input: { companyId: number; limit: number; status?: ImportStatus },
): Promise<ImportHistoryItem[]> {
  let query = db
    .selectFrom('imports as i')
    .leftJoin('users as u', 'u.id', 'i.created_by_user_id')
    .select([
      'i.id',
      'i.kind',
      'i.preset',
      'i.source',
      'i.file_name',
      'i.sha256',
      'i.size_bytes',
      'i.rows',
      'i.replaced_rows',
      'i.period_start',
      'i.period_end',
      'i.status',
      'i.created_at',
      'i.undone_at',
      'i.errors',
      'u.display_name',
    ])
    .where('i.company_id', '=', input.companyId)
  if (input.status) query = query.where('i.status', '=', input.status)
  const rows = await query.orderBy('i.id', 'desc').limit(input.limit).execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    preset: r.preset,
    source: r.source,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: Number(r.size_bytes),
    rows: Number(r.rows),
    replacedRows: Number(r.replaced_rows),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    createdBy: r.display_name,
    createdAt: toIso(r.created_at) as string,
    undoneAt: toIso(r.undone_at),
    error: errorText(r.errors),
  }))
}

function errorText(errors: unknown): string | null {
  if (!errors) return null
  const value = typeof errors === 'string' ? (JSON.parse(errors) as unknown) : errors
  const message = (value as { message?: unknown }).message
  return typeof message === 'string' ? message : null
}

function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return new Date(value as string | Date).toISOString()
}

export type ImportRecordValues = {
  companyId: number
  kind: string
  preset: string
  source: string
  fileName: string
  sha256: string
  sizeBytes: number
  userId: number | null
}

/** Opens the record of a completed import inside the import's transaction; its rows and period follow. */
export async function insertImportRecord(s: SqlSession, v: ImportRecordValues): Promise<number> {
  const [created] = await s.query<{ id: number }>(
    `insert into imports (company_id, kind, preset, source, file_name, sha256, size_bytes, status, created_by_user_id)
     values ($1, $2, $3, $4, $5, $6, $7, 'completed', $8) returning id`,
    [v.companyId, v.kind, v.preset, v.source, v.fileName, v.sha256, v.sizeBytes, v.userId],
  )
  return Number(created?.id)
}

/** What an import wrote: its rows, period and the rows it replaced. */
export async function completeImportRecord(
  s: SqlSession,
  importId: number,
  v: { rows: number; periodStart: string | null; periodEnd: string | null; replacedRows: number },
): Promise<void> {
  await s.query(
    'update imports set rows = $1, period_start = $2, period_end = $3, replaced_rows = $4 where id = $5',
    [v.rows, v.periodStart, v.periodEnd, v.replacedRows, importId],
  )
}

/** Records an import that failed (after its transaction rolled back), with why. */
export async function insertFailedImportRecord(
  db: Db,
  v: ImportRecordValues & { errors: unknown },
): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      company_id: v.companyId,
      kind: v.kind,
      preset: v.preset,
      source: v.source,
      file_name: v.fileName,
      sha256: v.sha256,
      size_bytes: v.sizeBytes,
      status: 'failed',
      created_by_user_id: v.userId,
      errors: JSON.stringify(v.errors),
    })
    .execute()
}

export type ImportMappingItem = {
  id: number
  name: string
  kind: string
  mapping: Record<string, string>
  headerRow: number | null
}

function mappingItemOf(
  r: Pick<Selectable<ImportMappingTable>, 'id' | 'name' | 'kind' | 'mapping' | 'header_row'>,
): ImportMappingItem {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    mapping: typeof r.mapping === 'string' ? (JSON.parse(r.mapping) as Record<string, string>) : r.mapping,
    headerRow: r.header_row,
  }
}

/** The company's saved column mappings, by name. */
export async function listImportMappingRows(db: Db, companyId: number): Promise<ImportMappingItem[]> {
  const rows = await db
    .selectFrom('import_mappings')
    .select(['id', 'name', 'kind', 'mapping', 'header_row'])
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute()
  return rows.map(mappingItemOf)
}

/** One saved column mapping by its name (as the import reads it: kind and mapping as stored). */
export async function findImportMapping(
  db: Db,
  companyId: number,
  name: string,
): Promise<{ name: string; kind: string; mapping: Record<string, string> } | undefined> {
  return db
    .selectFrom('import_mappings')
    .select(['name', 'kind', 'mapping'])
    .where('company_id', '=', companyId)
    .where('name', '=', name)
    .executeTakeFirst()
}

/** Saves a named mapping, replacing the kind and mapping of one with the same name (the header row stays). */
export async function upsertImportMapping(
  db: Db,
  v: {
    companyId: number
    name: string
    kind: string
    mapping: Record<string, string>
    headerRow: number | null
  },
): Promise<number> {
  const row = await db
    .insertInto('import_mappings')
    .values({
      company_id: v.companyId,
      name: v.name,
      kind: v.kind,
      mapping: JSON.stringify(v.mapping),
      header_row: v.headerRow,
    })
    .onConflict((oc) =>
      oc.columns(['company_id', 'name']).doUpdateSet({ kind: v.kind, mapping: JSON.stringify(v.mapping) }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
