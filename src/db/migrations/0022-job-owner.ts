import { type Kysely, sql } from 'kysely'

// A job names the process that runs it (host, pid and a start token that tells a restarted process with the
// same pid apart), so that on start a process fails only jobs whose owner is gone, never a live one's
// (a CLI command beside the server on PostgreSQL). Jobs from before this migration have no owner.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table jobs
              add column owner_host text,
              add column owner_pid integer,
              add column owner_token text`.execute(db)
  await sql`create index jobs_unfinished_idx on jobs (id) where status in ('queued', 'running')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists jobs_unfinished_idx`.execute(db)
  await sql`alter table jobs
              drop column if exists owner_token,
              drop column if exists owner_pid,
              drop column if exists owner_host`.execute(db)
}
