import { type Kysely, sql } from 'kysely'

// The host log (主机日志): what the host did to whole companies (export, import, delete), kept apart from the
// tenant tables so it outlives the company it names. No company_id column and no foreign key on purpose:
// a deleted company's code, name and former id stay readable here, and this table is not a tenant table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table host_log (
              id integer generated always as identity primary key,
              at timestamptz not null default now(),
              action text not null check (action in ('company_exported', 'company_imported', 'company_deleted')),
              former_company_id integer not null,
              company_code text not null,
              company_name text not null,
              actor text not null,
              details jsonb not null default '{}'::jsonb
            )`.execute(db)
  await sql`create index host_log_at on host_log (at desc)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists host_log`.execute(db)
}
