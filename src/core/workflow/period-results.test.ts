import arrangement from 'chinese-days/dist/chinese-days.json'
import { describe, expect, it } from 'vitest'
import { statutoryCalendar } from '../calendar/statutory-arrangement.ts'
import { createWorkingCalendar } from '../calendar/working-days.ts'
import { checkGradeQuota } from './check-grade-quota.ts'
import { combinePeriodResults } from './combine-period-results.ts'
import { owedSteps, stageDeadlines } from './stage-deadlines.ts'

describe('combinePeriodResults (季度 = 月度加权 + 本期指标)', () => {
  it('weights three months and the quarter’s own indicators', () => {
    const result = combinePeriodResults([
      { label: '2026-07', weight: 0.2, total: 80 },
      { label: '2026-08', weight: 0.2, total: 90 },
      { label: '2026-09', weight: 0.2, total: 70 },
      { label: '团队协作/项目推进', weight: 0.4, total: 85 },
    ])
    // 0.2·80 + 0.2·90 + 0.2·70 + 0.4·85 = 16 + 18 + 14 + 34 = 82
    expect(result?.total).toBe(82)
    expect(result?.renormalised).toBe(false)
  })

  it('shares a missing month’s weight over the parts present and says so', () => {
    const result = combinePeriodResults([
      { label: '2026-07', weight: 0.25, total: 80 },
      { label: '2026-08', weight: 0.25, total: undefined },
      { label: '本期', weight: 0.5, total: 92 },
    ])
    // 80 × 1/3 + 92 × 2/3 = 88
    expect(result?.total).toBe(88)
    expect(result?.renormalised).toBe(true)
    expect(result?.explanation['zh-CN']).toContain('分摊')
  })

  it('has no result when nothing is present', () => {
    expect(combinePeriodResults([{ label: 'x', weight: 1, total: undefined }])).toBeUndefined()
  })
})

describe('checkGradeQuota (强制分布)', () => {
  it('flags a department and the company above 20% 优秀, rounding the allowance down', () => {
    const sheets = [
      ...[1, 2, 3, 4, 5].map((i) => ({ sheetId: i, departmentId: 1, grade: i <= 2 ? '优秀' : '良好' })),
      ...[6, 7, 8, 9, 10].map((i) => ({ sheetId: i, departmentId: 2, grade: i === 6 ? '优秀' : '合格' })),
    ]
    const violations = checkGradeQuota(sheets, [{ grade: '优秀', maxShare: 0.2 }])
    // Company: 3 of 10 > 2; department 1: 2 of 5 > 1; department 2: 1 of 5 is allowed.
    expect(violations.map((v) => [v.scope, v.departmentId, v.count, v.allowed])).toEqual([
      ['company', null, 3, 2],
      ['department', 1, 2, 1],
    ])
    expect(violations[1]!.sheetIds).toEqual([1, 2])
    expect(violations[0]!.message).toContain('20%')
  })
})

describe('stage deadlines', () => {
  it('counts the September 2026 stages in working days across Mid-Autumn and National Day', () => {
    const calendar = createWorkingCalendar(statutoryCalendar(arrangement).days)
    const d = stageDeadlines(calendar, { start: '2026-09-01', end: '2026-09-30' })
    expect(d).toEqual({
      targets: '2026-09-04',
      selfReview: '2026-10-09',
      supervisorReview: '2026-10-10',
      feedback: '2026-10-13',
      sign: '2026-10-15',
    })
  })

  it('names who owes the next step', () => {
    expect(owedSteps('draft', { owner: true, reviewer: false }).map((s) => s.party)).toEqual(['reviewer'])
    expect(owedSteps('self_submitted', { owner: true, reviewer: true })[0]!.party).toBe('reviewer')
    expect(owedSteps('final', { owner: true, reviewer: true })).toEqual([])
  })
})
