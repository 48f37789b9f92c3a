import { type Kysely, sql } from 'kysely'

// Indicator assessors (指标考核人): a row of a template may name who scores it (a department's head, a position's
// holder, a person), as the 电商部负责人 table has 财务部, 销售部, 总经办 and 人力资源部 score their own rows. Their
// tasks live beside the peer reviews: `kind` tells a peer review from an assessor's, `indicator_keys` lists the
// rows an assessor owes. One person may owe a sheet both a peer review and an assessor's rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table peer_reviews
              add column kind text not null default 'peer' check (kind in ('peer', 'assessor')),
              add column indicator_keys jsonb`.execute(db)
  await sql`alter table peer_reviews drop constraint peer_reviews_sheet_reviewer_unique`.execute(db)
  await sql`alter table peer_reviews add constraint peer_reviews_sheet_reviewer_kind_unique
              unique (sheet_id, reviewer_employee_id, kind)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from peer_reviews where kind = 'assessor'`.execute(db)
  await sql`alter table peer_reviews drop constraint peer_reviews_sheet_reviewer_kind_unique`.execute(db)
  await sql`alter table peer_reviews add constraint peer_reviews_sheet_reviewer_unique
              unique (sheet_id, reviewer_employee_id)`.execute(db)
  await sql`alter table peer_reviews drop column indicator_keys, drop column kind`.execute(db)
}
