import { describe, expect, it } from 'vitest'
import { spanOf, validateRota, validateTimes } from './rota.ts'
import { earlyShift, lateShift, seedEmployees, seedRota, xiaoBing } from './seed-rota.fixture.ts'

describe('validateTimes', () => {
  it.each([
    ['09:30', '16:30', false, 570, 990],
    ['16:30', '24:00', false, 990, 1440], // the seed's late shift ends at midnight
    ['22:00', '02:00', true, 1320, 1560], // crosses midnight
    ['20:00', '00:00', true, 1200, 1440],
  ])('accepts %s–%s (crossesMidnight %s)', (start, end, crossesMidnight, s, e) => {
    expect(validateTimes({ start, end, crossesMidnight }, 'shift')).toEqual([])
    expect(spanOf({ start, end, crossesMidnight })).toEqual({ start: s, end: e })
  })

  it('refuses an end before the start and says how a crossing shift is written', () => {
    const issues = validateTimes({ start: '22:00', end: '02:00', crossesMidnight: false }, 'shifts.0')
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toBe('shifts.0.end')
    expect(issues[0]?.message).toContain('crossesMidnight: true')
    expect(issues[0]?.message).toContain('24:00')
  })

  it.each([
    ['25:00', '26:00', false, 'shift.start'],
    ['9:30', '16:30', false, 'shift.start'],
    ['09:30', '16:61', false, 'shift.end'],
    ['24:00', '02:00', true, 'shift.start'],
    ['09:30', '16:30', true, 'shift.crossesMidnight'],
    ['22:00', '24:00', true, 'shift.crossesMidnight'],
    ['10:00', '10:00', false, 'shift.end'],
  ])('refuses %s–%s (crossesMidnight %s) at %s', (start, end, crossesMidnight, path) => {
    expect(validateTimes({ start, end, crossesMidnight }, 'shift').map((i) => i.path)).toContain(path)
  })
})

describe('validateRota', () => {
  it('accepts the seed rota', () => {
    expect(validateRota(seedRota(), seedEmployees)).toEqual([])
  })

  it('refuses a pattern naming an agent outside the company', () => {
    const rota = seedRota()
    rota.patterns.push({ employeeId: 99, weekday: 7, shiftId: earlyShift })
    const issues = validateRota(rota, seedEmployees)
    expect(issues).toEqual([{ path: 'patterns.12.employeeId', message: expect.stringContaining('员工 99') }])
  })

  it('refuses overlapping shifts for one agent on one day', () => {
    const rota = seedRota()
    rota.shifts.push({ id: 3, name: '中班', start: '12:00', end: '18:00', crossesMidnight: false })
    rota.patterns.push({ employeeId: xiaoBing, weekday: 1, shiftId: 3 })
    const issues = validateRota(rota, seedEmployees)
    expect(issues.map((i) => i.path)).toEqual(['patterns.12'])
    expect(issues[0]?.message).toContain('overlapping shift assignments')
  })

  it('allows back-to-back shifts (early then late) for one agent', () => {
    const rota = seedRota()
    rota.patterns.push({ employeeId: xiaoBing, weekday: 1, shiftId: lateShift })
    expect(validateRota(rota, seedEmployees)).toEqual([])
  })

  it('sees a Sunday night shift running into Monday morning', () => {
    const rota = seedRota()
    rota.shifts.push({ id: 3, name: '夜班', start: '22:00', end: '10:00', crossesMidnight: true })
    rota.patterns.push({ employeeId: xiaoBing, weekday: 7, shiftId: 3 })
    expect(validateRota(rota, seedEmployees).map((i) => i.path)).toEqual(['patterns.12'])
  })

  it('lets overlapping patterns coexist when their validity periods do not meet', () => {
    const rota = seedRota()
    rota.shifts.push({ id: 3, name: '中班', start: '12:00', end: '18:00', crossesMidnight: false })
    rota.patterns = rota.patterns.map((p) => ({ ...p, validTo: '2026-11-30' }))
    rota.patterns.push({ employeeId: xiaoBing, weekday: 1, shiftId: 3, validFrom: '2026-12-01' })
    expect(validateRota(rota, seedEmployees)).toEqual([])
  })

  it('refuses a cover without a cover employee and a swap with one', () => {
    const rota = seedRota()
    rota.exceptions = [
      { date: '2026-11-23', employeeId: xiaoBing, kind: 'cover', shiftId: earlyShift, coverEmployeeId: null },
      { date: '2026-11-24', employeeId: xiaoBing, kind: 'swap', shiftId: earlyShift, coverEmployeeId: 2 },
      { date: '2026-11-25', employeeId: xiaoBing, kind: 'leave', shiftId: 42, coverEmployeeId: 77 },
    ]
    expect(validateRota(rota, seedEmployees).map((i) => i.path)).toEqual([
      'exceptions.0.coverEmployeeId',
      'exceptions.1.coverEmployeeId',
      'exceptions.2.coverEmployeeId',
      'exceptions.2.shiftId',
    ])
  })
})
