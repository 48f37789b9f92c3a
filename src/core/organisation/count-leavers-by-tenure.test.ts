import { describe, expect, it } from 'vitest'
import { countLeaversByTenure, tenureBandLabel } from './count-leavers-by-tenure.ts'

describe('countLeaversByTenure', () => {
  it('counts the period’s leavers once each in their highest tenure band (002 T9 员工流失)', () => {
    const { counts, leavers } = countLeaversByTenure(
      [
        { name: '甲', hireDate: '2026-03-01', leaveDate: '2026-09-10' }, // 6 months
        { name: '乙', hireDate: '2025-08-01', leaveDate: '2026-09-20' }, // 13 months
        { name: '丙', hireDate: '2023-01-01', leaveDate: '2026-09-30' }, // 44 months
        { name: '丁', hireDate: '2026-06-01', leaveDate: '2026-09-05' }, // 3 months: listed, not counted
        { name: '戊', hireDate: '2020-01-01', leaveDate: '2026-08-31' }, // left before the period
      ],
      '2026-09-01',
      '2026-09-30',
    )
    expect(counts).toEqual({ over_6_months: 1, over_1_year: 1, over_2_years: 1 })
    expect(leavers.map((l) => [l.name, l.band])).toEqual([
      ['甲', 'over_6_months'],
      ['乙', 'over_1_year'],
      ['丙', 'over_2_years'],
      ['丁', null],
    ])
    expect(tenureBandLabel('over_1_year', 'zh-CN')).toBe('一年以上')
  })
})
