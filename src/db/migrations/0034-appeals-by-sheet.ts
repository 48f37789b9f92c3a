import { type Kysely, sql } from 'kysely'

// 全部考核表 filters and marks sheets that have an appeal (有申诉) with `exists (… appeals where sheet_id = s.id)`;
// appeals were indexed only by (company_id, status), so each sheet of the list looked through every appeal.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists appeals_sheet_idx on appeals (sheet_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists appeals_sheet_idx`.execute(db)
}
