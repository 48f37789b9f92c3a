import { dateInZone } from '../calendar/date-in-zone.ts'

/** Whether the login's employee has left by `now` (leave date on or before today in the company's time zone). */
export function hasLeft(account: { leaveDate: string | null; timeZone: string }, now: Date): boolean {
  return account.leaveDate !== null && account.leaveDate <= dateInZone(now, account.timeZone)
}
