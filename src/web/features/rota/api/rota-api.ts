import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { EmployeePage } from '../../../../contracts/organisation.ts'
import type {
  CoverageReport,
  DrawWeeklySamplesInput,
  MonthlyAttendance,
  RotaCalendar,
  RotaException,
  RotaExceptionInput,
  RotaPatternInput,
  SampleDraw,
  SampleScore,
  SampleScoreInput,
  SamplingComponent,
  SamplingFormSource,
  WeeklySample,
} from '../../../../contracts/rota.ts'
import { apiClient } from '../../../lib/api-client.ts'

// The rota API as the pages use it: the calendar, coverage, attendance and the weekly sampling queue. The shapes
// are the contract's (contracts/rota.ts), as the server sends them.

/** What the scoring dialog sends: the points per criterion of one drawn conversation. */
type ScoreInput = Omit<SampleScoreInput, 'form'>

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
    queryFn: () => apiClient.get<SamplingFormSource>('/rota/samples/form'),
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
    apiClient.post<{ items: SampleDraw[] }>('/rota/samples/draws', input),
  )
export const useScoreSample = () =>
  useRotaMutation((input: ScoreInput) => apiClient.post<SampleScore>('/rota/samples/scores', input))
