import { type Kysely, sql } from 'kysely'

// Directory sync (通讯录同步): one row per preview or apply of a company's DingTalk, Feishu or WeCom directory,
// with who or what started it, the counts and the errors. The first apply of a provider needs a preview before
// it; the daily sync runs only after a first apply. Per-person changes are in the audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table directory_sync_runs (
              id integer generated always as identity primary key,
              company_id integer not null references companies(id) on delete cascade,
              kind text not null check (kind in ('dingtalk', 'feishu', 'wecom')),
              mode text not null check (mode in ('preview', 'apply')),
              trigger text not null check (trigger in ('web', 'cli', 'daily')),
              actor_user_id integer references users(id) on delete set null,
              status text not null check (status in ('ok', 'failed')),
              started_at timestamptz not null,
              finished_at timestamptz not null,
              departments_created integer not null default 0,
              created integer not null default 0,
              changed integer not null default 0,
              unchanged integer not null default 0,
              marked_left integer not null default 0,
              errors integer not null default 0,
              messages jsonb not null default '[]'::jsonb
            )`.execute(db)
  await sql`create index directory_sync_runs_company on directory_sync_runs (company_id, kind, started_at desc)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists directory_sync_runs`.execute(db)
}
