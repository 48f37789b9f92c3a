import { toInstant } from '../../core/rota/zoned-time.ts'
import type { Db } from '../../db/database.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { companyTimeZone } from './company-time-zone.ts'
import { getRota } from './get-rota.ts'

// Demo clock records (打卡) for the demo rota, so the attendance pages and metrics have a month to show.

/** The demo month's punches run from its first day up to this one (the seed week ends on Sunday 11-29). */
export const demoClockRange = { from: '2026-11-01', to: '2026-11-28' }

/**
 * Punches every rostered shift of the demo range a couple of minutes early in and late out, except three marked
 * days: 小冰 12 minutes late on Tue 11-10, 小焦 20 minutes early out on Tue 11-17, 小焦 absent (旷工) on Fri 11-20.
 */
export async function seedDemoClockRecords(db: Db, companyId: number): Promise<void> {
  const repo = createRotaRepository(db)
  const zone = await companyTimeZone(repo, companyId)
  const rota = await getRota({ db }, companyId, demoClockRange.from, demoClockRange.to)
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
  const events = rota.days.flatMap((d) => {
    const marked = `${d.employeeName} ${d.date}`
    if (marked === '小焦 2026-11-20') return []
    const start = minutes(d.start)
    const end = minutes(d.end) + (d.endsNextDay ? 1440 : 0)
    const inAt = marked === '小冰 2026-11-10' ? start + 12 : start - 2
    const outAt = marked === '小焦 2026-11-17' ? end - 20 : end + 1
    return [
      { employeeId: d.employeeId, kind: 'in' as const, at: toInstant(d.date, inAt, zone) },
      { employeeId: d.employeeId, kind: 'out' as const, at: toInstant(d.date, outAt, zone) },
    ]
  })
  await repo.insertClockEvents(companyId, events, 'demo')
}
