import { sql } from 'kysely'
import type { Db, IdentityProviderKind } from './database.ts'

// A company's sign-in/directory providers (DingTalk, Feishu, WeCom, OpenID Connect), the identities matched to
// employees, and the look-ups sign-in needs. The secret is read here for the server's own calls; the API never
// returns it.

export type EmployeeMatchField = 'employee_no' | 'email' | 'phone'

export type IdentityProviderRecord = {
  id: number
  companyId: number
  kind: IdentityProviderKind
  displayName: string
  clientId: string
  clientSecret: string
  issuer: string | null
  corpId: string | null
  agentId: string | null
  matchIdentityField: string
  matchEmployeeField: EmployeeMatchField
  enabled: boolean
  syncDaily: boolean
  createdAt: Date
  updatedAt: Date
}

function providerQuery(db: Db) {
  return db
    .selectFrom('identity_providers')
    .select([
      'id',
      'company_id as companyId',
      'kind',
      'display_name as displayName',
      'client_id as clientId',
      'client_secret as clientSecret',
      'issuer',
      'corp_id as corpId',
      'agent_id as agentId',
      'match_identity_field as matchIdentityField',
      'match_employee_field as matchEmployeeField',
      'enabled',
      'sync_daily as syncDaily',
      'created_at as createdAt',
      'updated_at as updatedAt',
    ])
}

/** Every provider configured for a company, in a stable order. */
export async function listIdentityProviders(db: Db, companyId: number): Promise<IdentityProviderRecord[]> {
  return providerQuery(db).where('company_id', '=', companyId).orderBy('kind').execute()
}

/** A company's provider of one kind. */
export async function findIdentityProvider(
  db: Db,
  companyId: number,
  kind: IdentityProviderKind,
): Promise<IdentityProviderRecord | undefined> {
  return providerQuery(db).where('company_id', '=', companyId).where('kind', '=', kind).executeTakeFirst()
}

/** Providers of every company that syncs its directory daily (for the daily job). */
export async function listDailySyncProviders(db: Db): Promise<IdentityProviderRecord[]> {
  return providerQuery(db)
    .where('enabled', '=', true)
    .where('sync_daily', '=', true)
    .orderBy('company_id')
    .orderBy('kind')
    .execute()
}

export type IdentityProviderValues = {
  displayName: string
  clientId: string
  /** Omitted on update: the stored secret is kept. */
  clientSecret?: string
  issuer: string | null
  corpId: string | null
  agentId: string | null
  matchIdentityField: string
  matchEmployeeField: EmployeeMatchField
  enabled: boolean
  /** Omitted on update: the stored choice is kept (false on create). */
  syncDaily?: boolean
}

/** Creates or updates a company's provider of one kind; a new one needs its secret. */
export async function saveIdentityProvider(
  db: Db,
  companyId: number,
  kind: IdentityProviderKind,
  values: IdentityProviderValues,
  now: Date,
): Promise<void> {
  const common = {
    display_name: values.displayName,
    client_id: values.clientId,
    issuer: values.issuer,
    corp_id: values.corpId,
    agent_id: values.agentId,
    match_identity_field: values.matchIdentityField,
    match_employee_field: values.matchEmployeeField,
    enabled: values.enabled,
    updated_at: now,
  }
  await db
    .insertInto('identity_providers')
    .values({
      company_id: companyId,
      kind,
      ...common,
      client_secret: values.clientSecret ?? '',
      sync_daily: values.syncDaily ?? false,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['company_id', 'kind']).doUpdateSet({
        ...common,
        ...(values.clientSecret === undefined ? {} : { client_secret: values.clientSecret }),
        ...(values.syncDaily === undefined ? {} : { sync_daily: values.syncDaily }),
      }),
    )
    .execute()
}

/** Turns a provider's daily directory sync on or off. */
export async function setIdentityProviderSyncDaily(
  db: Db,
  companyId: number,
  kind: IdentityProviderKind,
  syncDaily: boolean,
  now: Date,
): Promise<void> {
  await db
    .updateTable('identity_providers')
    .set({ sync_daily: syncDaily, updated_at: now })
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .execute()
}

/** Removes a provider and, with it, the identities remembered through it. */
export async function deleteIdentityProvider(
  db: Db,
  companyId: number,
  kind: IdentityProviderKind,
): Promise<boolean> {
  const result = await db
    .deleteFrom('identity_providers')
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** The employee a provider's subject was matched to before, if any. */
export async function findExternalIdentity(
  db: Db,
  providerId: number,
  subject: string,
): Promise<{ employeeId: number } | undefined> {
  return db
    .selectFrom('external_identities')
    .select('employee_id as employeeId')
    .where('provider_id', '=', providerId)
    .where('subject', '=', subject)
    .executeTakeFirst()
}

/** Remembers (or re-points) which employee a provider's subject is. */
export async function rememberExternalIdentity(
  db: Db,
  identity: { companyId: number; providerId: number; subject: string; employeeId: number },
): Promise<void> {
  await db
    .insertInto('external_identities')
    .values({
      company_id: identity.companyId,
      provider_id: identity.providerId,
      subject: identity.subject,
      employee_id: identity.employeeId,
    })
    .onConflict((oc) =>
      oc.columns(['provider_id', 'subject']).doUpdateSet({ employee_id: identity.employeeId }),
    )
    .execute()
}

/** Forgets a remembered identity (its employee left or was re-matched elsewhere). */
export async function forgetExternalIdentity(db: Db, providerId: number, subject: string): Promise<void> {
  await db
    .deleteFrom('external_identities')
    .where('provider_id', '=', providerId)
    .where('subject', '=', subject)
    .execute()
}

/**
 * Employees of a company who have not left, whose field equals the value: 工号 exactly, e-mail ignoring case,
 * phone by its digits (a leading +86 / 86 on either side ignored). At most `limit` rows.
 */
export async function findEmployeesMatching(
  db: Db,
  companyId: number,
  field: EmployeeMatchField,
  value: string,
  limit = 2,
): Promise<{ id: number; name: string; status: string }[]> {
  let query = db
    .selectFrom('employees')
    .select(['id', 'name', 'status'])
    .where('company_id', '=', companyId)
    .where('status', '!=', 'left')
  if (field === 'employee_no') query = query.where('employee_no', '=', value.trim())
  else if (field === 'email') query = query.where(sql<string>`lower(email)`, '=', value.trim().toLowerCase())
  else {
    const digits = nationalPhoneDigits(value)
    if (!digits) return []
    // Both sides reduced to the national number, so '+86 138-0000-0000' matches '13800000000'.
    query = query.where(
      sql<string>`regexp_replace(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '^86(?=[0-9]{11}$)', '')`,
      '=',
      digits,
    )
  }
  return query.orderBy('id').limit(limit).execute()
}

/** A phone number's digits without China's +86 prefix; '' when it has none. */
export function nationalPhoneDigits(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '')
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits
}

/** An employee's name and status, if the employee exists in the company. */
export async function findEmployeeStatus(
  db: Db,
  companyId: number,
  employeeId: number,
): Promise<{ id: number; name: string; status: string } | undefined> {
  return db
    .selectFrom('employees')
    .select(['id', 'name', 'status'])
    .where('company_id', '=', companyId)
    .where('id', '=', employeeId)
    .executeTakeFirst()
}

export type EmployeeLogin = {
  userId: number
  username: string
  disabledAt: Date | null
}

/** The login (user account) linked to an employee, if one exists. */
export async function findLoginOfEmployee(
  db: Db,
  companyId: number,
  employeeId: number,
): Promise<EmployeeLogin | undefined> {
  return db
    .selectFrom('users')
    .select(['id as userId', 'username', 'disabled_at as disabledAt'])
    .where('company_id', '=', companyId)
    .where('employee_id', '=', employeeId)
    .orderBy('id')
    .executeTakeFirst()
}
