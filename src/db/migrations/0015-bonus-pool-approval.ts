import { type Kysely, sql } from 'kysely'

// Bonus pools (奖金池) gain finance's approval: a pool starts as a draft (HR may delete it and allocate again);
// once approved it is locked — who approved it, when, and the note are kept. Existing pools become drafts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table bonus_pools
              add column status text not null default 'draft',
              add column approved_by_user_id integer references users(id) on delete set null,
              add column approved_at timestamptz,
              add column approval_note text,
              add constraint bonus_pools_status_check check (status in ('draft', 'approved')),
              add constraint bonus_pools_approved_at_check check ((status = 'approved') = (approved_at is not null))`.execute(
    db,
  )
  await sql`create index bonus_pools_cycle_idx on bonus_pools (company_id, cycle_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists bonus_pools_cycle_idx`.execute(db)
  await sql`alter table bonus_pools
              drop constraint if exists bonus_pools_approved_at_check,
              drop constraint if exists bonus_pools_status_check,
              drop column if exists approval_note,
              drop column if exists approved_at,
              drop column if exists approved_by_user_id,
              drop column if exists status`.execute(db)
}
