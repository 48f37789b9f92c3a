import { type Kysely, sql } from 'kysely'

// The editable organisation: employees carry a phone and an e-mail (the roster's 手机 and 邮箱, and what a
// directory sign-in may match on), and departments and positions are retired rather than deleted once used.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table employees add column phone text, add column email text`.execute(db)
  await sql`alter table departments add column retired_at timestamptz`.execute(db)
  await sql`alter table positions add column retired_at timestamptz`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table positions drop column if exists retired_at`.execute(db)
  await sql`alter table departments drop column if exists retired_at`.execute(db)
  await sql`alter table employees drop column if exists email, drop column if exists phone`.execute(db)
}
