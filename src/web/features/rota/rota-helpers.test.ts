import { describe, expect, it } from 'vitest'
import type { RotaCalendar } from '../../../contracts/rota.ts'
import { calendarAgents } from './components/rota-calendar.tsx'
import { parseItemIds } from './components/sampling-queue.tsx'

describe('rota page helpers', () => {
  it('reads pasted conversation ids one per line or separated by commas, dropping blanks and repeats', () => {
    expect(parseItemIds('TB-1\nTB-2, TB-3，TB-2\n\n  TB-4 、TB-5')).toEqual([
      'TB-1',
      'TB-2',
      'TB-3',
      'TB-4',
      'TB-5',
    ])
    expect(parseItemIds('  \n ')).toEqual([])
  })

  it('lists each agent once, by id, whether rostered, on leave or only in a pattern', () => {
    const calendar: RotaCalendar = {
      timeZone: 'Asia/Shanghai',
      shifts: [],
      serviceHours: [],
      patterns: [{ employeeId: 9, weekday: 1, shiftId: 1 }],
      exceptions: [],
      days: [
        {
          date: '2026-11-23',
          employeeId: 5,
          employeeName: '小焦',
          shiftId: 1,
          shiftName: '早班',
          start: '09:30',
          end: '16:30',
          endsNextDay: false,
          source: 'cover',
          coveringFor: 4,
        },
      ],
      leaves: [{ date: '2026-11-23', employeeId: 4, employeeName: '小冰', shiftName: '早班', coveredBy: 5 }],
    }
    expect(calendarAgents(calendar)).toEqual([
      { employeeId: 4, name: '小冰' },
      { employeeId: 5, name: '小焦' },
      { employeeId: 9, name: '#9' },
    ])
  })
})
