import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'

/** A holiday (休) or make-up working day (班); `default` rows ship with the product, `company` rows are the admin's. */
export type CalendarDay = {
  date: string
  kind: 'holiday' | 'workday'
  name: string
  source: 'default' | 'company'
}
export type CalendarListing = { year: number; days: CalendarDay[] }
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
