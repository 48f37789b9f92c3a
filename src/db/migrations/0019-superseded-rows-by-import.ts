import { type Kysely, sql } from 'kysely'
import { factKinds } from '../../core/ingest/fact-kinds.ts'

// Whether an import's rows are still live: a file imported again is "unchanged" only when none of its rows
// has been replaced since. An index of the replaced rows by import answers that with one index probe
// (the index holds replaced rows only, so live rows and the bulk import path pay nothing for it).
const tables = () => [...Object.values(factKinds).map((k) => k.table), 'fact_orders']

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables())
    await sql
      .raw(
        `create index ${table}_replaced_by_import_idx on ${table} (company_id, import_id) where superseded_by is not null`,
      )
      .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables())
    await sql.raw(`drop index if exists ${table}_replaced_by_import_idx`).execute(db)
}
