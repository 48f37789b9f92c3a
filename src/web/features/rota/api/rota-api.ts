import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { EmployeePage } from '../../../../contracts/organisation.ts'
import type {
  DrawWeeklySamplesInput,
  RotaExceptionInput,
  RotaPatternInput,
} from '../../../../contracts/rota.ts'
import { apiClient } from '../../../lib/api-client.ts'

// The rota API as the pages use it: the calendar, coverage, attendance and the weekly sampling queue.

export type Shift = { id: number; name: string; start: string; end: string; crossesMidnight: boolean }
export type RotaDay = {
  date: string
  employeeId: number
  employeeName: string
  shiftId: number
  shiftName: string
  start: string
  end: string
  endsNextDay: boolean
  source: 'pattern' | 'swap' | 'cover'
  coveringFor: number | null
}
export type RotaException = RotaExceptionInput & { id: number }
export type RotaCalendar = {
  timeZone: string
  shifts: Shift[]
  patterns: { employeeId: number; weekday: number; shiftId: number }[]
  exceptions: RotaException[]
  days: RotaDay[]
  leaves: {
    date: string
    employeeId: number
    employeeName: string
    shiftName: string
    coveredBy: number | null
  }[]
}
export type CoverageGap = {
  date: string
  weekday: number
  weekdayName: string
  from: string
  to: string
  onDuty: number
  required: number
  employeeIds: number[]
}
export type CoverageReport = {
  from: string
  to: string
  timeZone: string
  gaps: CoverageGap[]
  weeklyHoursViolations: {
    employeeId: number
    weekStart: string
    weekEnd: string
    hours: number
    limit: number
  }[]
  consecutiveDaysViolations: { employeeId: number; from: string; to: string; days: number; limit: number }[]
  employeeNames: Record<string, string>
}
export type AttendanceSummary = {
  employeeId: number
  scheduledShifts: number
  attendedShifts: number
  attendanceRate: number | null
  lateCount: number
  earlyLeaveCount: number
  absenceCount: number
  leaveDays: number
  missingPunchCount: number
}
export type MonthlyAttendance = {
  month: string
  summaries: AttendanceSummary[]
  employeeNames: Record<string, string>
}
export type SampleScore = {
  score: number
  comment: string | null
  criteria: { key: string; points: number }[]
}
export type WeeklySample = {
  id: number
  employeeId: number
  employeeName: string
  week: string
  seed: string
  algorithm: string
  candidateIds: string[]
  items: { itemId: string; score: SampleScore | null }[]
}
export type SamplingForm = {
  criteria: { key: string; label: string; maxPoints: number }[]
  template: { id: number; code: string; name: string } | null
}
export type SamplingComponent = {
  employeeId: number
  month: string
  sampleCount: number
  supervisorScore: number | null
  selfScore: number | null
  total: number | null
  unscoredItems: { week: string; itemId: string }[]
}
export type ScoreInput = {
  drawId: number
  itemId: string
  points: Record<string, number>
  comment?: string | null
}

const keys = {
  all: ['rota'] as const,
  calendar: (from: string, to: string) => ['rota', 'calendar', from, to] as const,
  coverage: (from: string, to: string) => ['rota', 'coverage', from, to] as const,
  attendance: (month: string) => ['rota', 'attendance', month] as const,
  samples: (week: string) => ['rota', 'samples', week] as const,
}

export function useRotaCalendar(from: string, to: string) {
  return useQuery({
    queryKey: keys.calendar(from, to),
    queryFn: () => apiClient.get<RotaCalendar>('/rota/calendar', { from, to }),
  })
}

export function useCoverage(from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: keys.coverage(from, to),
    queryFn: () => apiClient.get<CoverageReport>('/rota/coverage', { from, to }),
    enabled,
  })
}

export function useAttendance(month: string) {
  return useQuery({
    queryKey: keys.attendance(month),
    queryFn: () => apiClient.get<MonthlyAttendance>('/rota/attendance', { month }),
  })
}

export function useWeeklySamples(week: string) {
  return useQuery({
    queryKey: keys.samples(week),
    queryFn: () => apiClient.get<{ items: WeeklySample[] }>('/rota/samples', { week }),
  })
}

export function useSamplingForm() {
  return useQuery({
    queryKey: ['rota', 'sampling-form'],
    queryFn: () => apiClient.get<SamplingForm>('/rota/samples/form'),
  })
}

export function useSamplingComponent(query: {
  employeeId?: number
  month: string
  selfScore?: number | null
}) {
  return useQuery({
    queryKey: ['rota', 'component', query],
    queryFn: () =>
      apiClient.get<SamplingComponent>('/rota/samples/component', {
        employeeId: query.employeeId,
        month: query.month,
        selfScore: query.selfScore,
      }),
    enabled: query.employeeId !== undefined,
  })
}

/** Employees the caller may see, for pickers (agents, cover). */
export function useRotaEmployees() {
  return useQuery({
    queryKey: ['rota', 'employees'],
    queryFn: () => apiClient.get<EmployeePage>('/employees', { pageSize: 200, status: 'active', page: 1 }),
  })
}

// Every change can move gaps, limits, attendance and the calendar: refresh all rota reads after it.
function useRotaMutation<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  })
}

export const useSetPattern = () =>
  useRotaMutation((input: RotaPatternInput) => apiClient.put('/rota/patterns', input))
export const useAddException = () =>
  useRotaMutation((input: Partial<RotaExceptionInput>) =>
    apiClient.post<RotaException>('/rota/exceptions', input),
  )
export const useRemoveException = () =>
  useRotaMutation((id: number) => apiClient.delete(`/rota/exceptions/${id}`))
export const useDrawSamples = () =>
  useRotaMutation((input: DrawWeeklySamplesInput) =>
    apiClient.post<{ items: WeeklySample[] }>('/rota/samples/draws', input),
  )
export const useScoreSample = () =>
  useRotaMutation((input: ScoreInput) => apiClient.post<SampleScore>('/rota/samples/scores', input))
