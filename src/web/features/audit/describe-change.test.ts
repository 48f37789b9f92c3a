import { describe, expect, it } from 'vitest'
import { describeChange, shortValue } from './describe-change.ts'

describe('describeChange', () => {
  it('lists only the fields that differ, before → after (an appeal ruling recomputing a sheet)', () => {
    expect(
      describeChange(
        { state: 'investigating', total: 95, grade: 'excellent', finalized_at: null },
        { state: 'final', total: 99, grade: 'excellent', finalized_at: '2026-10-13T02:00:00.000Z' },
      ),
    ).toEqual([
      { path: 'finalized_at', before: '—', after: '2026-10-13T02:00:00.000Z' },
      { path: 'state', before: 'investigating', after: 'final' },
      { path: 'total', before: '95', after: '99' },
    ])
  })

  it('shows a creation or a batch as one change', () => {
    expect(describeChange(null, { name: '10月考核' })).toEqual([
      { path: '', before: '—', after: '{"name":"10月考核"}' },
    ])
    expect(describeChange([1, 2], [3, 4, 5])).toEqual([{ path: '', before: '[2]', after: '[3]' }])
    expect(describeChange(null, null)).toEqual([])
  })

  it('keeps long values to one line', () => {
    const long = shortValue({ text: 'x'.repeat(200) })
    expect(long).toHaveLength(80)
    expect(long.endsWith('…')).toBe(true)
  })
})
