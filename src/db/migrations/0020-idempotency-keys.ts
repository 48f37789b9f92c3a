import { type Kysely, sql } from 'kysely'

// Idempotency keys (issue 12): a state-changing request sent with an Idempotency-Key header is recorded here
// per company, user, method, path and key with a hash of its body; the first answer (status and body) is kept so
// a repeat, from this or another server process, gets it back instead of booking again. A row is 'in_flight'
// while the first request runs; rows older than a day are removed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table idempotency_keys (
              company_id integer not null references companies(id) on delete cascade,
              user_id integer not null references users(id) on delete cascade,
              method text not null,
              path text not null,
              key text not null,
              request_hash text not null,
              state text not null default 'in_flight',
              response_status integer,
              response_type text,
              response_body text,
              created_at timestamptz not null default now(),
              completed_at timestamptz,
              primary key (company_id, user_id, method, path, key),
              constraint idempotency_keys_state_check check (state in ('in_flight', 'done')),
              constraint idempotency_keys_done_check check ((state = 'done') = (response_status is not null))
            )`.execute(db)
  await sql`create index idempotency_keys_created_idx on idempotency_keys (created_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists idempotency_keys`.execute(db)
}
