import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyseCoverage } from './analyse-coverage.ts'
import { type Rota, spanOf, validateRota } from './rota.ts'
import { addDays, eachDate, isoWeekday, parseTimeOfDay } from './zoned-time.ts'

// An independent, minute-by-minute oracle for the coverage check: in a zone without daylight saving, a minute of
// the service hours is reported uncovered exactly when fewer agents than required are on duty in that minute.

const halfHours = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => n * 30)
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

const timed = fc.tuple(halfHours(0, 47), halfHours(1, 20)).map(([start, length]) => {
  const end = start + length
  return end <= 1440
    ? { start: hhmm(start), end: end === 1440 ? '24:00' : hhmm(end), crossesMidnight: false }
    : { start: hhmm(start), end: hhmm(end - 1440), crossesMidnight: true }
})

const rotaArb: fc.Arbitrary<Rota> = fc
  .record({
    shifts: fc.array(timed, { minLength: 1, maxLength: 4 }),
    windows: fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), timed, fc.integer({ min: 1, max: 2 })), {
      maxLength: 6,
    }),
    patterns: fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 3 }),
      ),
      { maxLength: 14 },
    ),
  })
  .map(({ shifts, windows, patterns }) => ({
    shifts: shifts.map((s, i) => ({ id: i + 1, name: `S${i + 1}`, ...s })),
    serviceHours: windows.map(([weekday, t, requiredAgents]) => ({ weekday, ...t, requiredAgents })),
    patterns: patterns.map(([employeeId, weekday, s]) => ({
      employeeId,
      weekday,
      shiftId: (s % shifts.length) + 1,
    })),
    exceptions: [],
  }))

/** Per local minute of each date in the range: [required, on duty], computed by brute force. */
function oracle(rota: Rota, from: string, to: string): Map<string, [number, number]> {
  const minuteIndex = (date: string, minute: number) =>
    `${addDays(date, Math.floor(minute / 1440))}|${minute % 1440}`
  const required = new Map<string, number>()
  const onDuty = new Map<string, Set<number>>()
  for (const date of eachDate(from, to))
    for (const w of rota.serviceHours.filter((x) => x.weekday === isoWeekday(date))) {
      const { start, end } = spanOf(w)
      for (let m = start; m < end; m++)
        required.set(minuteIndex(date, m), (required.get(minuteIndex(date, m)) ?? 0) + w.requiredAgents)
    }
  for (const date of eachDate(addDays(from, -1), to))
    for (const p of rota.patterns.filter((x) => x.weekday === isoWeekday(date))) {
      const { start, end } = spanOf(rota.shifts.find((s) => s.id === p.shiftId)!)
      for (let m = start; m < end; m++) {
        const key = minuteIndex(date, m)
        onDuty.set(key, (onDuty.get(key) ?? new Set()).add(p.employeeId))
      }
    }
  const out = new Map<string, [number, number]>()
  for (const [key, r] of required) out.set(key, [r, onDuty.get(key)?.size ?? 0])
  return out
}

describe('analyseCoverage against a minute-by-minute oracle', () => {
  it('reports exactly the minutes with fewer agents than required, with the right counts', () => {
    fc.assert(
      fc.property(rotaArb, (rota) => {
        fc.pre(validateRota(rota, new Set([1, 2, 3])).length === 0)
        const from = '2026-11-23'
        const to = '2026-11-29'
        const report = analyseCoverage(rota, { from, to, timeZone: 'Asia/Shanghai' })
        const reported = new Map<string, [number, number]>()
        for (const g of report.gaps) {
          const start = parseTimeOfDay(g.from)!
          const end = parseTimeOfDay(g.to)!
          expect(end).toBeGreaterThan(start)
          for (let m = start; m < end; m++) reported.set(`${g.date}|${m}`, [g.required, g.onDuty])
        }
        const expected = new Map([...oracle(rota, from, to)].filter(([, [r, n]]) => n < r))
        expect(new Map([...reported].sort())).toEqual(new Map([...expected].sort()))
      }),
      { numRuns: 60, seed: 20261123 },
    )
  })
})
