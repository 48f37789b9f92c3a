import type { CalendarDay } from './working-days.ts'

// The 2026 official arrangement of public holidays (国务院办公厅关于2026年部分节假日安排的通知):
// holidays (放假) and the weekend days that are working days in exchange (调休上班). Shipped as the
// default calendar; the admin maintains later years and company changes.
const holiday = (date: string, name: string): CalendarDay => ({ date, kind: 'holiday', name })
const workday = (date: string, name: string): CalendarDay => ({ date, kind: 'workday', name })

function range(from: string, to: string, name: string): CalendarDay[] {
  const days: CalendarDay[] = []
  const end = Date.parse(`${to}T00:00:00Z`)
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(holiday(new Date(t).toISOString().slice(0, 10), name))
  }
  return days
}

export const chinaCalendar2026: readonly CalendarDay[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦调休上班'),
  workday('2026-02-14', '春节调休上班'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节调休上班'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节调休上班'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  workday('2026-09-20', '国庆节调休上班'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节调休上班'),
]
