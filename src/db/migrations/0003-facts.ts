import { type Kysely, sql } from 'kysely'
import { factKinds } from '../../core/ingest/fact-kinds.ts'
import { sqlTypeOf } from '../fact-tables.ts'

// Fact rows carry company_id and import_id without foreign keys: checked row by row they tripled the
// time of a bulk import; the import service writes both in the same transaction as the import record.
// Shop facts: one table per fact kind (see core/ingest/fact-kinds.ts), the derived order headers,
// the import log, attributions of source names to employees/teams/shops, and saved column mappings.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Validates staged text as a date or date-time without raising (PostgreSQL 15 has no pg_input_is_valid).
  await sql`
    create function jixiao_is_timestamp(t text) returns boolean language sql immutable parallel safe as $$
      select case
        when length(t) in (10, 16, 19) and substr(t, 5, 1) = '-' and substr(t, 8, 1) = '-'
          and translate(t, '0123456789', '') in ('--', '-- :', '--T:', '-- ::', '--T::')
          and (length(t) = 10 or (substr(t, 14, 1) = ':' and (length(t) = 16 or substr(t, 17, 1) = ':'))) then
          -- the canonical forms, checked by position: a regex costs seven times more per row
          case
            when substr(t, 6, 2) not between '01' and '12' then false
            when substr(t, 9, 2) not between '01' and '31' then false
            when length(t) > 10 and (substr(t, 12, 2) > '23' or substr(t, 15, 2) > '59') then false
            when length(t) = 19 and substr(t, 18, 2) > '59' then false
            when substr(t, 1, 4) < '1900' then false
            when substr(t, 9, 2) <= '28' then true
            else substr(t, 9, 2)::int
              <= extract(day from make_date(substr(t, 1, 4)::int, substr(t, 6, 2)::int, 1) + interval '1 month - 1 day')
          end
        when t ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?$' then
          case
            when substr(t, 1, 4) < '1900' then false
            when substr(t, 9, 2) <= '28' then true
            else substr(t, 9, 2)::int
              <= extract(day from make_date(substr(t, 1, 4)::int, substr(t, 6, 2)::int, 1) + interval '1 month - 1 day')
          end
        when t !~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T][0-9]{1,2}:[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?$' then false
        when substr(t, 1, 4)::int < 1900 then false
        when split_part(t, '-', 2)::int not between 1 and 12 then false
        when substring(t from '^[0-9]+-[0-9]+-([0-9]+)')::int < 1 then false
        when substring(t from '^[0-9]+-[0-9]+-([0-9]+)')::int
          > extract(day from make_date(substr(t, 1, 4)::int, split_part(t, '-', 2)::int, 1) + interval '1 month - 1 day') then false
        when substring(t from '[ T]([0-9]+):') is null then true
        when substring(t from '[ T]([0-9]+):')::int > 23 then false
        else true
      end
    $$`.execute(db)
  await sql`
    create table imports (
      id integer primary key generated always as identity,
      company_id integer not null references companies(id) on delete cascade,
      kind text not null,
      preset text not null,
      source text not null,
      file_name text not null,
      sha256 text not null,
      size_bytes bigint not null,
      rows integer not null default 0,
      period_start date,
      period_end date,
      status text not null check (status in ('completed', 'undone', 'failed')),
      created_by_user_id integer references users(id) on delete set null,
      errors jsonb,
      replaced_rows integer not null default 0,
      created_at timestamptz not null default now(),
      undone_at timestamptz
    )`.execute(db)
  await sql`create index imports_company_hash_idx on imports (company_id, sha256)`.execute(db)
  await sql`create index imports_company_period_idx on imports (company_id, kind, source, period_start)`.execute(
    db,
  )

  await sql`
    create table attributions (
      id integer primary key generated always as identity,
      company_id integer not null references companies(id) on delete cascade,
      source_kind text not null check (source_kind in ('agent_nick', 'host', 'account', 'employee_no', 'shop')),
      source_name text not null,
      employee_id integer references employees(id) on delete cascade,
      department_id integer references departments(id) on delete set null,
      shop text,
      created_at timestamptz not null default now(),
      unique (company_id, source_kind, source_name)
    )`.execute(db)

  await sql`
    create table import_mappings (
      id integer primary key generated always as identity,
      company_id integer not null references companies(id) on delete cascade,
      name text not null,
      kind text not null,
      mapping jsonb not null,
      header_row integer,
      created_at timestamptz not null default now(),
      unique (company_id, name)
    )`.execute(db)

  for (const kind of Object.values(factKinds)) {
    const columns = kind.columns.map((col) => {
      const key = kind.naturalKey.includes(col.name)
      const notNull = key || col.required || col.derived ? ' not null' : ''
      const dflt = key && col.type === 'text' ? " default ''" : ''
      return `${col.name} ${sqlTypeOf[col.type]}${notNull}${dflt}`
    })
    await sql
      .raw(`
      create table ${kind.table} (
        id bigint primary key generated always as identity,
        company_id integer not null,
        import_id integer not null,
        superseded_by integer,
        row_no integer not null,
        day date not null,
        ${columns.join(',\n        ')}
      )`)
      .execute(db)
    await sql
      .raw(
        `create unique index ${kind.table}_natural_key on ${kind.table} (company_id, ${kind.naturalKey.join(', ')}) where superseded_by is null`,
      )
      .execute(db)
    await sql.raw(`create index ${kind.table}_day_idx on ${kind.table} (company_id, day)`).execute(db)
    await sql
      .raw(
        `create index ${kind.table}_superseded_idx on ${kind.table} (superseded_by) where superseded_by is not null`,
      )
      .execute(db)
  }

  await sql`
    create table fact_orders (
      id bigint primary key generated always as identity,
      company_id integer not null,
      import_id integer not null,
      superseded_by integer,
      shop text not null default '',
      order_no text not null,
      customer_id text,
      ordered_at timestamp not null,
      day date not null,
      amount numeric not null,
      quantity bigint not null,
      lines integer not null,
      is_cancellation boolean not null,
      order_status text not null check (order_status in ('order', 'cancellation', 'adjustment')),
      agent_nick text
    )`.execute(db)
  await sql`create unique index fact_orders_natural_key on fact_orders (company_id, shop, order_no) where superseded_by is null`.execute(
    db,
  )
  await sql`create index fact_orders_day_idx on fact_orders (company_id, day)`.execute(db)
  await sql`create index fact_orders_superseded_idx on fact_orders (superseded_by) where superseded_by is not null`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists fact_orders`.execute(db)
  for (const kind of Object.values(factKinds)) await sql.raw(`drop table if exists ${kind.table}`).execute(db)
  await sql`drop table if exists import_mappings`.execute(db)
  await sql`drop table if exists attributions`.execute(db)
  await sql`drop table if exists imports`.execute(db)
  await sql`drop function if exists jixiao_is_timestamp(text)`.execute(db)
}
