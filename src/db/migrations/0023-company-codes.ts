import { type Kysely, sql } from 'kysely'

// Tenants: every company has a short code people type on the login page (企业代码), and a login name is
// unique within its company, not across all companies. Existing companies get a code from their id;
// the demo company gets the code "demo".
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table companies add column code text`.execute(db)
  await sql`update companies set code = case when settings ->> 'demo' = 'true' then 'demo' else 'c' || id end`.execute(
    db,
  )
  await sql`alter table companies alter column code set not null`.execute(db)
  // A company created without a code (tests, older scripts) gets a random one; the setup page and
  // \`jixiao company create\` always choose it.
  await sql`alter table companies alter column code set default 'c' || substr(md5(random()::text), 1, 10)`.execute(
    db,
  )
  await sql`create unique index companies_code_unique on companies (lower(code))`.execute(db)
  await sql`alter table users drop constraint if exists users_username_key`.execute(db)
  await sql`create unique index users_company_username_unique on users (company_id, lower(username))`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists users_company_username_unique`.execute(db)
  await sql`alter table users add constraint users_username_key unique (username)`.execute(db)
  await sql`drop index if exists companies_code_unique`.execute(db)
  await sql`alter table companies drop column if exists code`.execute(db)
}
