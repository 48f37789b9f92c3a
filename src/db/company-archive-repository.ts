import { sql } from 'kysely'
import { allowAuditRemovalOfDeletedCompanies } from './audit-log-repository.ts'
import type { Db } from './database.ts'
import { selfReferences, type TenantTable, tenantTables } from './tenant-tables.ts'

// Every row of one company, as the database's own JSON (row_to_json), and back (jsonb_populate_record): numbers,
// timestamps, byte strings and arrays keep their exact text, since the rows never pass through JavaScript values.
// Company export, import and delete (services/companies) walk the tenant tables through these.

/** The migrations applied to this database, in name order: an archive names them so import can refuse a mismatch. */
export async function listAppliedMigrations(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from jixiao_migration order by name`.execute(db)
  return result.rows.map((r) => r.name)
}

/** The tenant tables whose `id` is an identity column: read by id in pages, imported with their ids kept. */
export async function listTablesWithIdentityId(db: Db): Promise<Set<string>> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'id' and is_identity = 'YES'`.execute(db)
  return new Set(result.rows.map((r) => r.table_name))
}

/** Every base table with a `company_id` column (the tenant-table list is checked against it). */
export async function listTablesWithCompanyId(db: Db): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'company_id' and t.table_type = 'BASE TABLE'
    order by 1`.execute(db)
  return result.rows.map((r) => r.table_name)
}

/** Foreign keys between tables of this schema: which table's column points at which table. */
export async function listForeignKeys(db: Db): Promise<{ from: string; to: string; columns: string[] }[]> {
  const result = await sql<{ from_table: string; to_table: string; columns: string[] }>`
    select cl.relname as from_table, rc.relname as to_table,
           array(select a.attname::text from unnest(con.conkey) k join pg_attribute a
                 on a.attrelid = con.conrelid and a.attnum = k order by a.attname) as columns
    from pg_constraint con
    join pg_class cl on cl.oid = con.conrelid
    join pg_class rc on rc.oid = con.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where con.contype = 'f' and n.nspname = current_schema()`.execute(db)
  return result.rows.map((r) => ({ from: r.from_table, to: r.to_table, columns: r.columns }))
}

/** The company's own row as JSON text, or undefined. */
export async function readCompanyRowJson(db: Db, companyId: number): Promise<string | undefined> {
  const result = await sql<{ json: string }>`
    select row_to_json(c)::text as json from companies as c where c.id = ${companyId}`.execute(db)
  return result.rows[0]?.json
}

/** How many rows of the company a tenant table holds. */
export async function countCompanyRows(db: Db, table: TenantTable, companyId: number): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::integer as n from ${sql.table(table)} where company_id = ${companyId}`.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

/**
 * One page of the company's rows of a table as JSON text. Tables with an identity id are read in id order after
 * `afterId`; the few without one (settings, sessions, keys) are small and come in one page.
 */
export async function readCompanyRowsJson(
  db: Db,
  table: TenantTable,
  companyId: number,
  page: { byId: boolean; afterId: number; limit: number },
): Promise<{ json: string; id: number | null }[]> {
  const result = page.byId
    ? await sql<{ json: string; id: number }>`
        select row_to_json(t)::text as json, t.id from ${sql.table(table)} as t
        where t.company_id = ${companyId} and t.id > ${page.afterId} order by t.id limit ${page.limit}`.execute(
        db,
      )
    : await sql<{ json: string }>`
        select row_to_json(t)::text as json from ${sql.table(table)} as t
        where t.company_id = ${companyId}`.execute(db)
  return result.rows.map((r) => ({ json: r.json, id: 'id' in r ? Number(r.id) : null }))
}

/** The first id among `rowsJson` that a row of the table already has, if any (import keeps ids). */
export async function findTakenId(db: Db, table: string, rowsJson: string[]): Promise<number | undefined> {
  const result = await sql<{ id: number }>`
    select t.id from ${sql.table(table)} as t
    where t.id in (select (e ->> 'id')::integer from json_array_elements(${`[${rowsJson.join(',')}]`}::json) e)
    order by t.id limit 1`.execute(db)
  return result.rows[0] ? Number(result.rows[0].id) : undefined
}

/** Inserts the company's own row, id included. */
export async function insertCompanyRowJson(trx: Db, rowJson: string): Promise<void> {
  await sql`
    insert into companies overriding system value
    select * from jsonb_populate_record(null::companies, ${rowJson}::jsonb)`.execute(trx)
}

/**
 * Inserts rows of a tenant table as they were exported, ids included. Columns pointing into the same table are
 * left empty here and filled by `fillSelfReferences` once every row of the table is in.
 */
export async function insertRowsJson(trx: Db, table: TenantTable, rowsJson: string[]): Promise<void> {
  if (rowsJson.length === 0) return
  const deferred = selfReferences[table] ?? []
  const array = `[${rowsJson.join(',')}]`
  const row =
    deferred.length === 0
      ? sql`e::jsonb`
      : sql`e::jsonb - array[${sql.join(deferred.map((c) => sql.lit(c)))}]`
  await sql`
    insert into ${sql.table(table)} overriding system value
    select r.* from json_array_elements(${array}::json) e
    cross join lateral jsonb_populate_record(null::${sql.table(table)}, ${row}) r`.execute(trx)
}

/** Sets the self-referencing columns (a department's parent …) of rows inserted by `insertRowsJson`. */
export async function fillSelfReferences(trx: Db, table: TenantTable, rowsJson: string[]): Promise<void> {
  const columns = selfReferences[table] ?? []
  if (columns.length === 0 || rowsJson.length === 0) return
  const array = `[${rowsJson.join(',')}]`
  for (const column of columns) {
    await sql`
      update ${sql.table(table)} as t set ${sql.ref(column)} = (e ->> ${column})::integer
      from json_array_elements(${array}::json) e
      where t.id = (e ->> 'id')::integer and e ->> ${column} is not null`.execute(trx)
  }
}

/** Moves the id sequences of `tables` past their highest id, so rows added after an import get fresh ids. */
export async function advanceIdSequences(trx: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await sql`
      select setval(pg_get_serial_sequence(${table}, 'id'),
                    coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(trx)
  }
}

/**
 * Deletes the company and every row it owns in one transaction (the caller's): counts each tenant table first,
 * lets the audit rows of the deleted company go (migration 0021), deletes the company (most tables follow by
 * cascade, the fact tables by trigger), then deletes whatever a tenant table still holds of it. Answers the counts.
 */
export async function deleteCompanyRows(trx: Db, companyId: number): Promise<Record<string, number>> {
  if (!trx.isTransaction) throw new Error('deleteCompanyRows needs a transaction')
  const counts: Record<string, number> = {}
  for (const table of tenantTables) counts[table] = await countCompanyRows(trx, table, companyId)
  await allowAuditRemovalOfDeletedCompanies(trx)
  await trx.deleteFrom('companies').where('id', '=', companyId).execute()
  for (const table of [...tenantTables].reverse())
    await sql`delete from ${sql.table(table)} where company_id = ${companyId}`.execute(trx)
  return counts
}
