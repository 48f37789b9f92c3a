import { DomainError, type ErrorIssue } from '../errors.ts'
import type { Rota, RotaPatternEntry, Shift } from './rota.ts'
import { spanOf } from './rota.ts'
import { eachDate, isoWeekday, toInstant } from './zoned-time.ts'

// Turns the weekly pattern plus dated exceptions into concrete, dated assignments (who works which shift when).

/** One agent on one shift on one date; start/end are instants (epoch ms) computed in the company zone. */
export type Assignment = {
  date: string
  employeeId: number
  shiftId: number
  shiftName: string
  start: number
  end: number
  source: 'pattern' | 'swap' | 'cover'
  /** For a cover: whose shift this is (e.g. the 运营经理 covering an agent on leave). */
  coveringFor: number | null
}

/** A rostered shift an agent does not work because of approved leave (请假). */
export type LeaveShift = {
  date: string
  employeeId: number
  shiftId: number
  shiftName: string
  start: number
  end: number
  coveredBy: number | null
}

export type ExpandedRota = { assignments: Assignment[]; leaves: LeaveShift[] }

const isValidOn = (p: RotaPatternEntry, date: string) =>
  (p.validFrom == null || p.validFrom <= date) && (p.validTo == null || date <= p.validTo)

/** Dated assignments from `from` to `to` (both included); refuses overlapping assignments for one person. */
export function expandRota(rota: Rota, from: string, to: string, timeZone: string): ExpandedRota {
  const shiftsById = new Map(rota.shifts.map((s) => [s.id, s]))
  const exceptionsByDate = new Map<string, Rota['exceptions']>()
  for (const e of rota.exceptions) {
    if (e.date < from || e.date > to) continue
    const list = exceptionsByDate.get(e.date) ?? []
    list.push(e)
    exceptionsByDate.set(e.date, list)
  }
  const kindOrder = { swap: 0, leave: 1, cover: 2 } as const
  const assignments: Assignment[] = []
  const leaves: LeaveShift[] = []

  for (const date of eachDate(from, to)) {
    const weekday = isoWeekday(date)
    const make = (
      employeeId: number,
      shift: Shift,
      source: Assignment['source'],
      coveringFor: number | null,
    ): Assignment => {
      const span = spanOf(shift)
      return {
        date,
        employeeId,
        shiftId: shift.id,
        shiftName: shift.name,
        start: toInstant(date, span.start, timeZone),
        end: toInstant(date, span.end, timeZone),
        source,
        coveringFor,
      }
    }
    let day: Assignment[] = []
    for (const p of rota.patterns) {
      const shift = shiftsById.get(p.shiftId)
      if (p.weekday === weekday && shift && isValidOn(p, date))
        day.push(make(p.employeeId, shift, 'pattern', null))
    }
    const exceptions = [...(exceptionsByDate.get(date) ?? [])].sort(
      (a, b) => kindOrder[a.kind] - kindOrder[b.kind],
    )
    for (const e of exceptions) {
      const shift = e.shiftId === null ? undefined : shiftsById.get(e.shiftId)
      if (e.kind === 'swap') {
        day = day.filter((a) => a.employeeId !== e.employeeId)
        if (shift) day.push(make(e.employeeId, shift, 'swap', null))
        continue
      }
      const handedOver = day.filter(
        (a) => a.employeeId === e.employeeId && (e.shiftId === null || a.shiftId === e.shiftId),
      )
      day = day.filter((a) => !handedOver.includes(a))
      for (const a of handedOver) {
        if (e.kind === 'leave')
          leaves.push({
            date,
            employeeId: a.employeeId,
            shiftId: a.shiftId,
            shiftName: a.shiftName,
            start: a.start,
            end: a.end,
            coveredBy: e.coverEmployeeId,
          })
        if (e.coverEmployeeId !== null)
          day.push({ ...a, employeeId: e.coverEmployeeId, source: 'cover', coveringFor: e.employeeId })
      }
    }
    assignments.push(...day)
  }
  const issues = findOverlaps(assignments, timeZone)
  if (issues.length > 0)
    throw new DomainError(
      'invalid_input',
      `排班中同一员工的班次时间重叠 / overlapping shift assignments for one person: ${issues[0]!.message}`,
      issues,
    )
  assignments.sort((a, b) => a.start - b.start || a.employeeId - b.employeeId)
  return { assignments, leaves }
}

/** Issues for every pair of one person's assignments that overlap in time. */
export function findOverlaps(assignments: Assignment[], timeZone: string): ErrorIssue[] {
  const byEmployee = new Map<number, Assignment[]>()
  for (const a of assignments) byEmployee.set(a.employeeId, [...(byEmployee.get(a.employeeId) ?? []), a])
  const issues: ErrorIssue[] = []
  for (const [employeeId, list] of byEmployee) {
    list.sort((a, b) => a.start - b.start)
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!
      const cur = list[i]!
      if (cur.start < prev.end)
        issues.push({
          path: `rota.${cur.date}.employee.${employeeId}`,
          message:
            `员工 ${employeeId} 在 ${prev.date} 的「${prev.shiftName}」与 ${cur.date} 的「${cur.shiftName}」重叠 / ` +
            `employee ${employeeId}: ${prev.shiftName} on ${prev.date} overlaps ${cur.shiftName} on ${cur.date} (${describe(cur, timeZone)})`,
        })
    }
  }
  return issues
}

function describe(a: Assignment, timeZone: string): string {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return `${fmt.format(a.start)}–${fmt.format(a.end)}`
}
