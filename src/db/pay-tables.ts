import type { ColumnType, Generated } from 'kysely'

// Row types of the pay tables (migration 0007-pay; bonus pool approval 0015), part of the one `Database` type.
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, T | string, T | string>
type JsonDefault<T> = ColumnType<T, T | string | undefined, T | string>
type Money = ColumnType<string, number | string, number | string>

export type PayAssignmentTable = {
  id: Generated<number>
  company_id: number
  position_id: number | null
  employee_id: number | null
  scheme: Json<unknown>
  input_sources: JsonDefault<unknown>
  updated_by_user_id: number | null
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type PayItemTable = {
  id: Generated<number>
  company_id: number
  cycle_id: number
  employee_id: number
  kind: 'reward_penalty' | 'adjustment'
  label: string
  amount: Money
  note: string | null
  created_by_user_id: number | null
  created_at: CreatedAt
}

export type PayInputValueTable = {
  company_id: number
  cycle_id: number
  employee_id: number
  values: JsonDefault<Record<string, string>>
  updated_by_user_id: number | null
  updated_at: CreatedAt
}

export type PaySheetTable = {
  id: Generated<number>
  company_id: number
  cycle_id: number
  status: 'approved'
  snapshot: Json<unknown>
  total: Money
  approved_by_user_id: number | null
  approved_at: CreatedAt
}

export type BonusPoolTable = {
  id: Generated<number>
  company_id: number
  name: string
  kind: 'quarterly' | 'annual'
  cycle_id: number
  amount: Money
  rule: Json<unknown>
  lines: JsonDefault<unknown>
  created_by_user_id: number | null
  created_at: CreatedAt
  /** Migration 0015: a draft until finance approves it, then locked. */
  status: ColumnType<'draft' | 'approved', 'draft' | 'approved' | undefined, 'draft' | 'approved'>
  approved_by_user_id: number | null
  approved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  approval_note: string | null
}

export type ConsequenceSettingsTable = {
  company_id: number
  settings: JsonDefault<unknown>
  updated_at: CreatedAt
}

export type ImprovementPlanTable = {
  id: Generated<number>
  company_id: number
  employee_id: number
  kind: 'improvement' | 'training'
  cycle_id: number | null
  dimension: string | null
  goal: string
  owner_employee_id: number
  due_date: ColumnType<string, string, string>
  outcome: string | null
  status: 'open' | 'done' | 'cancelled'
  created_at: CreatedAt
  updated_at: CreatedAt
}

export type PayTables = {
  pay_assignments: PayAssignmentTable
  pay_items: PayItemTable
  pay_input_values: PayInputValueTable
  pay_sheets: PaySheetTable
  bonus_pools: BonusPoolTable
  consequence_settings: ConsequenceSettingsTable
  improvement_plans: ImprovementPlanTable
}
