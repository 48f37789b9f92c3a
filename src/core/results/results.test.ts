import { describe, expect, it } from 'vitest'
import { coefficientFor } from './coefficient-for.ts'
import {
  consecutivePeriodWarnings,
  dismissalReviewRule,
  promotionCandidateRule,
} from './consecutive-period-warnings.ts'
import { defaultCoefficients, defaultGrades, defaultScoring } from './default-scoring.ts'
import { gradeFor } from './grade-for.ts'

describe('coefficientFor', () => {
  it('000 绩效系数: <65 → 0.5, 65 (含65) → 1.0, 80 (含80) → 1.2, 95以上 → 1.5, at every edge', () => {
    const cases: [number, number][] = [
      [0, 0.5],
      [64.99, 0.5],
      [65, 1.0],
      [79.99, 1.0],
      [80, 1.2],
      [94.99, 1.2],
      [95, 1.5],
      [120, 1.5],
    ]
    for (const [total, coefficient] of cases)
      expect(coefficientFor(total, defaultCoefficients)).toBe(coefficient)
  })

  it('honours exclusive bounds and falls back to the lowest band below them all', () => {
    const bands = [
      { min: 90, minInclusive: false, coefficient: 2 },
      { min: 50, minInclusive: true, coefficient: 1 },
    ]
    expect(coefficientFor(90, bands)).toBe(1)
    expect(coefficientFor(90.01, bands)).toBe(2)
    expect(coefficientFor(-5, bands)).toBe(1)
  })
})

describe('gradeFor', () => {
  it('003 篇3 grades: 优秀 ≥90, 良好 80–89, 合格 60–79, 不合格 <60', () => {
    const grade = (t: number) => gradeFor(t, defaultGrades)?.label['zh-CN']
    expect(grade(100)).toBe('优秀')
    expect(grade(90)).toBe('优秀')
    expect(grade(89.99)).toBe('良好')
    expect(grade(80)).toBe('良好')
    expect(grade(79.99)).toBe('合格')
    expect(grade(60)).toBe('合格')
    expect(grade(59.99)).toBe('不合格')
    expect(grade(0)).toBe('不合格')
  })

  it('defaultScoring uses the 100-point scale and the default bands', () => {
    expect(defaultScoring.scale).toBe('hundred')
    expect(defaultScoring.grades).toBe(defaultGrades)
    expect(defaultScoring.coefficients).toBe(defaultCoefficients)
  })
})

describe('consecutivePeriodWarnings', () => {
  it('000 二个月低于65分: two consecutive months below 65 start a dismissal review', () => {
    const warnings = consecutivePeriodWarnings(
      [
        { period: '2026-03', total: 64.99 },
        { period: '2026-01', total: 70 },
        { period: '2026-02', total: 60 },
      ],
      dismissalReviewRule,
    )
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.action).toBe('dismissal_review')
    expect(warnings[0]?.periods).toEqual(['2026-02', '2026-03'])
    expect(warnings[0]?.explanation['zh-CN']).toBe(
      '连续 2 期得分低于 65 分（2026-02: 60, 2026-03: 64.99），达到连续 2 期的规则 → 进入辞退评审',
    )
  })

  it('65 itself is not below 65, and a gap month breaks the run', () => {
    expect(
      consecutivePeriodWarnings(
        [
          { period: '2026-01', total: 60 },
          { period: '2026-02', total: 65 },
          { period: '2026-03', total: 50 },
        ],
        dismissalReviewRule,
      ),
    ).toEqual([])
    expect(
      consecutivePeriodWarnings(
        [
          { period: '2026-01', total: 60 },
          { period: '2026-03', total: 50 },
        ],
        dismissalReviewRule,
      ),
    ).toEqual([])
  })

  it('runs across a year end', () => {
    const warnings = consecutivePeriodWarnings(
      [
        { period: '2025-12', total: 40 },
        { period: '2026-01', total: 50 },
      ],
      dismissalReviewRule,
    )
    expect(warnings[0]?.periods).toEqual(['2025-12', '2026-01'])
  })

  it('001 repeated 優秀: three quarters in a row at excellent → promotion candidate', () => {
    const history = [
      { period: '2026-Q1', total: 92 },
      { period: '2026-Q2', total: 95 },
      { period: '2026-Q3', total: 90 },
      { period: '2026-Q4', total: 85 },
    ]
    const warnings = consecutivePeriodWarnings(history, promotionCandidateRule)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3'])
    expect(consecutivePeriodWarnings(history.slice(1), promotionCandidateRule)).toEqual([])
  })
})
