import type { ColumnType, Generated, Kysely } from 'kysely'
import type { Template } from '../contracts/template.ts'
import type { FactTables } from './fact-tables.ts'
import type { HostTables } from './host-log-tables.ts'
import type { PayTables } from './pay-tables.ts'
import type { RotaTables } from './rota-tables.ts'
import type { WorkflowTables } from './workflow-tables.ts'

// Row types of every table. Each table carries company_id (the tenant).
type Timestamp = ColumnType<Date, Date | string, Date | string>
/** A timestamp the database fills in (default now()). */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, T | string, T | string>

export type JobDescription = {
  summary?: string
  subordinatePositions?: string[]
  internalCollaboration?: string[]
  externalCollaboration?: string[]
  duties: { title: string; items: string[] }[]
  workingHours?: string
  paySystem?: string
}

export type CompanyTable = {
  id: Generated<number>
  name: string
  /** The company code people type on the login page (企业代码), unique case-insensitively (migration 0023). */
  code: Generated<string>
  time_zone: Generated<string>
  settings: ColumnType<Record<string, unknown>, string | undefined, string>
  created_at: CreatedAt
}

export type DepartmentTable = {
  id: Generated<number>
  company_id: number
  name: string
  parent_id: number | null
  created_at: CreatedAt
  /** Set when the department is retired (migration 0025). */
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}

export type PositionTable = {
  id: Generated<number>
  company_id: number
  name: string
  department_id: number | null
  superior_position_id: number | null
  job_description: Json<JobDescription>
  created_at: CreatedAt
  /** Set when the position is retired (migration 0025). */
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}

export type EmployeeStatus = 'active' | 'on_leave' | 'left'

export type EmployeeTable = {
  id: Generated<number>
  company_id: number
  employee_no: string
  name: string
  department_id: number | null
  position_id: number | null
  manager_id: number | null
  hire_date: string
  leave_date: string | null
  status: EmployeeStatus
  created_at: CreatedAt
  /** Contact details from the roster or the directory (migration 0025). */
  phone: ColumnType<string | null, string | null | undefined, string | null>
  email: ColumnType<string | null, string | null | undefined, string | null>
}

export type Role = 'admin' | 'hr' | 'finance' | 'supervisor' | 'employee'

export type UserTable = {
  id: Generated<number>
  company_id: number
  username: string
  password_hash: string
  role: Role
  employee_id: number | null
  display_name: string
  locale: Generated<string>
  created_at: CreatedAt
  /** Accounts (migration 0024): a disabled login cannot sign in; a new or reset one must change its password first. */
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  disabled_reason: ColumnType<string | null, string | null | undefined, string | null>
  must_change_password: Generated<boolean>
  password_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  last_login_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
}

/** A one-time activation link, stored as the hash of its token (migration 0024). */
export type AccountTokenTable = {
  id_hash: string
  company_id: number
  user_id: number
  purpose: 'activation'
  expires_at: Timestamp
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  created_at: CreatedAt
}

export type IdentityProviderKind = 'oidc' | 'dingtalk' | 'feishu' | 'wecom'

/** A company's sign-in and directory provider (migration 0026). The secret never leaves the server. */
export type IdentityProviderTable = {
  id: Generated<number>
  company_id: number
  kind: IdentityProviderKind
  display_name: string
  client_id: string
  client_secret: string
  /** OpenID Connect issuer URL (kind oidc). */
  issuer: string | null
  /** WeCom corp id (kind wecom). */
  corp_id: string | null
  /** WeCom agent id (kind wecom). */
  agent_id: string | null
  /** Which field of the provider's identity (e.g. email, mobile, employee no, sub) matches the employee. */
  match_identity_field: string
  match_employee_field: 'employee_no' | 'email' | 'phone'
  enabled: Generated<boolean>
  sync_daily: Generated<boolean>
  created_at: CreatedAt
  updated_at: CreatedAt
}

/** One preview or apply of a company's directory sync (migration 0027); messages are the run's errors. */
export type DirectorySyncRunTable = {
  id: Generated<number>
  company_id: number
  kind: 'dingtalk' | 'feishu' | 'wecom'
  mode: 'preview' | 'apply'
  trigger: 'web' | 'cli' | 'daily'
  actor_user_id: number | null
  status: 'ok' | 'failed'
  started_at: Timestamp
  finished_at: Timestamp
  departments_created: number
  created: number
  changed: number
  unchanged: number
  marked_left: number
  errors: number
  messages: Json<string[]>
}

/** A person's identity at a provider, remembered once matched to an employee (migration 0026). */
export type ExternalIdentityTable = {
  company_id: number
  provider_id: number
  subject: string
  employee_id: number
  created_at: CreatedAt
}

export type SessionTable = {
  id: string
  company_id: number
  user_id: number
  csrf_token: string
  expires_at: Timestamp
  created_at: CreatedAt
}

export type AuditLogTable = {
  id: Generated<number>
  company_id: number
  actor_user_id: number | null
  action: string
  entity: string
  entity_id: string
  before: ColumnType<unknown, string | null, string | null>
  after: ColumnType<unknown, string | null, string | null>
  reason: string | null
  created_at: CreatedAt
  prev_hash: string
  hash: string
}

export type TemplateTable = {
  id: Generated<number>
  company_id: number
  code: string
  name: string
  status: ColumnType<'active' | 'archived', 'active' | 'archived' | undefined, 'active' | 'archived'>
  origin: ColumnType<'builtin' | 'custom', 'builtin' | 'custom' | undefined, 'builtin' | 'custom'>
  latest_version: number
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type TemplateVersionTable = {
  id: Generated<number>
  company_id: number
  template_id: number
  version: number
  /** The Template as JSON (core/templates/template.ts; its wire shape in contracts/template.ts). */
  definition: Json<Template>
  note: string | null
  created_by_user_id: number | null
  created_at: CreatedAt
}

export type PositionTemplateTable = {
  company_id: number
  position_id: number
  template_id: number
}

/** A request's Idempotency-Key and its first answer (migration 0020). */
export type IdempotencyKeyTable = {
  company_id: number
  user_id: number
  method: string
  path: string
  key: string
  request_hash: string
  state: Generated<'in_flight' | 'done'>
  response_status: number | null
  response_type: string | null
  response_body: string | null
  created_at: CreatedAt
  completed_at: Timestamp | null
}

/** The organisation, account and template tables. */
export type OrganisationTables = {
  companies: CompanyTable
  departments: DepartmentTable
  positions: PositionTable
  employees: EmployeeTable
  users: UserTable
  account_tokens: AccountTokenTable
  identity_providers: IdentityProviderTable
  external_identities: ExternalIdentityTable
  directory_sync_runs: DirectorySyncRunTable
  sessions: SessionTable
  audit_log: AuditLogTable
  templates: TemplateTable
  template_versions: TemplateVersionTable
  position_templates: PositionTemplateTable
  idempotency_keys: IdempotencyKeyTable
}

/** Every table of the app: one type, so one `Db` reaches all of them without casts. */
export type Database = OrganisationTables & WorkflowTables & PayTables & FactTables & RotaTables & HostTables

export type Db = Kysely<Database>
