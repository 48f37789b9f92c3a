import { type Kysely, sql } from 'kysely'

// Sign-in with the company's directory: per company, the OpenID Connect provider or the DingTalk, Feishu or
// WeCom app it signs in with and syncs its directory from, with the rule that matches an identity to an
// employee. A person's identity at a provider, once matched, is remembered.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table identity_providers (
              id integer generated always as identity primary key,
              company_id integer not null references companies(id) on delete cascade,
              kind text not null check (kind in ('oidc', 'dingtalk', 'feishu', 'wecom')),
              display_name text not null,
              client_id text not null,
              client_secret text not null,
              issuer text,
              corp_id text,
              agent_id text,
              match_identity_field text not null,
              match_employee_field text not null check (match_employee_field in ('employee_no', 'email', 'phone')),
              enabled boolean not null default true,
              sync_daily boolean not null default false,
              created_at timestamptz not null default now(),
              updated_at timestamptz not null default now(),
              unique (company_id, kind)
            )`.execute(db)
  await sql`create table external_identities (
              company_id integer not null references companies(id) on delete cascade,
              provider_id integer not null references identity_providers(id) on delete cascade,
              subject text not null,
              employee_id integer not null references employees(id) on delete cascade,
              created_at timestamptz not null default now(),
              primary key (provider_id, subject)
            )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists external_identities`.execute(db)
  await sql`drop table if exists identity_providers`.execute(db)
}
