import type { ColumnType, Generated, Kysely } from 'kysely'

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
}

export type PositionTable = {
  id: Generated<number>
  company_id: number
  name: string
  department_id: number | null
  superior_position_id: number | null
  job_description: Json<JobDescription>
  created_at: CreatedAt
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
  /** The core Template as JSON (see core/templates/template.ts). */
  definition: Json<unknown>
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

export type Database = {
  companies: CompanyTable
  departments: DepartmentTable
  positions: PositionTable
  employees: EmployeeTable
  users: UserTable
  sessions: SessionTable
  audit_log: AuditLogTable
  templates: TemplateTable
  template_versions: TemplateVersionTable
  position_templates: PositionTemplateTable
  idempotency_keys: IdempotencyKeyTable
}

export type Db = Kysely<Database>
