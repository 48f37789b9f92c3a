import type { Db } from '../../db/database.ts'

// The import history for the web and API: who imported which file when, its hash, rows, period, preset and
// outcome, newest first (the raw log is listImports).
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
  status: 'completed' | 'undone' | 'failed'
  createdBy: string | null
  createdAt: string
  undoneAt: string | null
  /** Why a failed import failed. */
  error: string | null
}

export async function listImportHistory(
  deps: { db: Db },
  input: { companyId: number; limit?: number; status?: 'completed' | 'undone' | 'failed' },
): Promise<ImportHistoryItem[]> {
  let query = deps.db
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
  const rows = await query
    .orderBy('i.id', 'desc')
    .limit(input.limit ?? 200)
    .execute()
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
