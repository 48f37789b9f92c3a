import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'

/**
 * A holiday (休) or make-up working day (班); `statutory` rows are the State Council arrangement from the
 * chinese-days package, `company` rows are the admin's (with what the statutory arrangement said, if anything).
 */
export type CalendarDay = {
  date: string
  kind: 'holiday' | 'workday'
  name: string
  source: 'statutory' | 'company'
  statutory?: { kind: 'holiday' | 'workday'; name: string }
}
export type CalendarCoverage = {
  packageName: string
  packageVersion: string
  firstYear: number
  lastYear: number
  covered: boolean
}
export type CalendarListing = { year: number; days: CalendarDay[]; coverage: CalendarCoverage }
export type CalendarChange = {
  set?: { date: string; kind: CalendarDay['kind']; name: string }[]
  remove?: string[]
  reason?: string
}

const key = (year: number) => ['calendar', year] as const

// The holidays and make-up working days of a year.
export function getCalendar(year: number): Promise<CalendarListing> {
  return apiClient.get<CalendarListing>('/calendar', { year })
}

// Adds or changes company entries, or removes them (admin); answers with the year's listing.
export function changeCalendar(year: number, change: CalendarChange): Promise<CalendarListing> {
  return apiClient.put<CalendarListing>(`/calendar?year=${year}`, change)
}

export function useCalendar(year: number) {
  return useQuery({ queryKey: key(year), queryFn: () => getCalendar(year) })
}

export function useChangeCalendar(year: number) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: CalendarChange) => changeCalendar(year, change),
    onSuccess: (listing) => queryClient.setQueryData(key(year), listing),
  })
}
