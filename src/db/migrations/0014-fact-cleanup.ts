import { type Kysely, sql } from 'kysely'
import { factKinds } from '../../core/ingest/fact-kinds.ts'

// Facts after a company is deleted, and a lookup the customer metrics need.
// - Fact tables keep company_id without a foreign key (a per-row check would slow every bulk import);
//   instead a trigger on companies deletes the company's facts when the company goes.
// - new_customers / retained_customers look up one customer's earlier live orders: an index on
//   (company_id, customer_id, day) over live orders turns each probe into an index lookup.
const tables = () => [...Object.values(factKinds).map((k) => k.table), 'fact_orders']

export async function up(db: Kysely<unknown>): Promise<void> {
  const deletes = tables()
    .map((t) => `delete from ${t} where company_id = old.id;`)
    .join('\n      ')
  await sql
    .raw(`
    create function jixiao_delete_company_facts() returns trigger language plpgsql as $$
    begin
      ${deletes}
      return old;
    end
    $$`)
    .execute(db)
  await sql`create trigger companies_delete_facts after delete on companies
            for each row execute function jixiao_delete_company_facts()`.execute(db)
  await sql`create index fact_orders_customer_idx on fact_orders (company_id, customer_id, day)
            where superseded_by is null and order_status = 'order'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists fact_orders_customer_idx`.execute(db)
  await sql`drop trigger if exists companies_delete_facts on companies`.execute(db)
  await sql`drop function if exists jixiao_delete_company_facts()`.execute(db)
}
