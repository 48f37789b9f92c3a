import { type Kysely, sql } from 'kysely'

// Accounts for people: a login can be disabled (by HR/admin, or on the employee's leave date), a new or reset
// account must change its password at first login, and one-time activation links are stored as hashes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users
              add column disabled_at timestamptz,
              add column disabled_reason text,
              add column must_change_password boolean not null default false,
              add column password_changed_at timestamptz,
              add column last_login_at timestamptz`.execute(db)
  await sql`create table account_tokens (
              id_hash text primary key,
              company_id integer not null references companies(id) on delete cascade,
              user_id integer not null references users(id) on delete cascade,
              purpose text not null check (purpose in ('activation')),
              expires_at timestamptz not null,
              used_at timestamptz,
              created_at timestamptz not null default now()
            )`.execute(db)
  await sql`create index account_tokens_user_idx on account_tokens (company_id, user_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists account_tokens`.execute(db)
  await sql`alter table users
              drop column if exists last_login_at,
              drop column if exists password_changed_at,
              drop column if exists must_change_password,
              drop column if exists disabled_reason,
              drop column if exists disabled_at`.execute(db)
}
