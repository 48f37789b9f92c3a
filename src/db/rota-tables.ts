import type { ColumnType, Generated } from 'kysely'
import type { RotaException } from '../core/rota/rota.ts'
import type { ScoredCriterion } from '../core/sampling/sampling-form.ts'

// Rota, attendance and sampling tables (migration 0006-rota), part of the one `Database` type.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, T | string, T | string>
type Numeric = ColumnType<string, string | number, string | number>

export type ShiftTable = {
  id: Generated<number>
  company_id: number
  name: string
  start_time: string
  end_time: string
  crosses_midnight: boolean
  created_at: Timestamp
}

export type ServiceHoursTable = {
  id: Generated<number>
  company_id: number
  weekday: number
  start_time: string
  end_time: string
  crosses_midnight: boolean
  required_agents: number
}

export type RotaPatternTable = {
  id: Generated<number>
  company_id: number
  employee_id: number
  weekday: number
  shift_id: number
  valid_from: string | null
  valid_to: string | null
  created_at: Timestamp
}

export type RotaExceptionTable = {
  id: Generated<number>
  company_id: number
  date: string
  employee_id: number
  kind: RotaException['kind']
  shift_id: number | null
  cover_employee_id: number | null
  note: string | null
  created_at: Timestamp
}

export type ClockRecordTable = {
  id: Generated<number>
  company_id: number
  employee_id: number
  at: Timestamp
  kind: 'in' | 'out'
  source: string
  created_at: Timestamp
}

export type AttendanceRulesTable = {
  company_id: number
  late_grace_minutes: number
  early_leave_grace_minutes: number
  absent_after_minutes: number | null
  match_window_minutes: number
  leave_counts_as_scheduled: boolean
  max_weekly_hours: Numeric | null
  max_consecutive_days: number | null
  updated_at: Timestamp
}

export type SampleDrawTable = {
  id: Generated<number>
  company_id: number
  employee_id: number
  week: string
  seed: string
  algorithm: string
  sample_size: number
  candidate_ids: Json<string[]>
  drawn_ids: Json<string[]>
  drawn_by_user_id: number | null
  created_at: Timestamp
}

export type SampleScoreTable = {
  id: Generated<number>
  company_id: number
  draw_id: number
  item_id: string
  criteria: Json<ScoredCriterion[]>
  score: Numeric
  comment: string | null
  scored_by_user_id: number | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type RotaTables = {
  shifts: ShiftTable
  service_hours: ServiceHoursTable
  rota_patterns: RotaPatternTable
  rota_exceptions: RotaExceptionTable
  clock_records: ClockRecordTable
  attendance_rules: AttendanceRulesTable
  sample_draws: SampleDrawTable
  sample_scores: SampleScoreTable
}
