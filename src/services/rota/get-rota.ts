import { coverageQuerySchema } from '../../contracts/rota.ts'
import { expandRota } from '../../core/rota/expand-rota.ts'
import type { Rota } from '../../core/rota/rota.ts'
import { formatTimeOfDay, toLocal } from '../../core/rota/zoned-time.ts'
import { createRotaRepository, type RotaExceptionRecord } from '../../db/rota-repository.ts'
import { companyTimeZone } from './company-time-zone.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { keepInRotaScope, rotaScopeOf } from './rota-scope.ts'

/** One dated assignment as a page or export shows it: local date and times, who, which shift and why. */
export type RotaDay = {
  date: string
  employeeId: number
  employeeName: string
  shiftId: number
  shiftName: string
  /** Local start and end (HH:MM); an end on the next day reads e.g. 02:00 with endsNextDay. */
  start: string
  end: string
  endsNextDay: boolean
  source: 'pattern' | 'swap' | 'cover'
  coveringFor: number | null
}

export type RotaView = Omit<Rota, 'exceptions'> & {
  timeZone: string
  exceptions: RotaExceptionRecord[]
  days: RotaDay[]
  leaves: {
    date: string
    employeeId: number
    employeeName: string
    shiftName: string
    coveredBy: number | null
  }[]
}

/**
 * The rota definition and who works when from `from` to `to` (dates in the company zone), for pages and exports;
 * patterns, exceptions, days and leaves only of the agents within the caller's reach.
 */
export async function getRota(
  deps: Pick<RotaDeps, 'db' | 'actor'>,
  companyId: number,
  from: string,
  to: string,
): Promise<RotaView> {
  const range = parseRotaInput(coverageQuerySchema, { from, to }, 'range')
  const repo = createRotaRepository(deps.db)
  const timeZone = await companyTimeZone(repo, companyId)
  const rota = await repo.loadRota(companyId, range.from, range.to)
  const expanded = expandRota(rota, range.from, range.to, timeZone)
  const names = await repo.employeeNames(companyId, [
    ...rota.patterns.map((p) => p.employeeId),
    ...expanded.assignments.map((a) => a.employeeId),
    ...expanded.leaves.map((l) => l.employeeId),
  ])
  const name = (id: number) => names.get(id) ?? `#${id}`
  const days = expanded.assignments.map((a): RotaDay => {
    const start = toLocal(a.start, timeZone)
    const end = toLocal(a.end, timeZone)
    const endsAtMidnight = end.date > a.date && end.minutes === 0 && start.date === a.date
    return {
      date: a.date,
      employeeId: a.employeeId,
      employeeName: name(a.employeeId),
      shiftId: a.shiftId,
      shiftName: a.shiftName,
      start: formatTimeOfDay(start.minutes),
      end: endsAtMidnight ? '24:00' : formatTimeOfDay(end.minutes),
      endsNextDay: end.date > a.date && !endsAtMidnight,
      source: a.source,
      coveringFor: a.coveringFor,
    }
  })
  const leaves = expanded.leaves.map((l) => ({
    date: l.date,
    employeeId: l.employeeId,
    employeeName: name(l.employeeId),
    shiftName: l.shiftName,
    coveredBy: l.coveredBy,
  }))
  const scope = await rotaScopeOf(deps)
  return {
    timeZone,
    shifts: rota.shifts,
    serviceHours: rota.serviceHours,
    patterns: keepInRotaScope(scope, rota.patterns),
    exceptions: keepInRotaScope(scope, rota.exceptions),
    days: keepInRotaScope(scope, days),
    leaves: keepInRotaScope(scope, leaves),
  }
}
