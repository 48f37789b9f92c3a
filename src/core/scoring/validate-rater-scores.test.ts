import { describe, expect, it } from 'vitest'
import { seed003T22OperationsTeam } from '../library/templates/seed-003-t22-operations-team.ts'
import { assertRaterScores, validateRaterScores } from './validate-rater-scores.ts'

describe('validateRaterScores', () => {
  it('refuses a peer score of 8 on a 0–5 item, naming the indicator (003 T22 团队协作)', () => {
    const issues = validateRaterScores(seed003T22OperationsTeam, {
      internal_collaboration: { score: 8, comment: '很好' },
    })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ path: 'indicators.internal_collaboration.score', value: 8 })
    expect(issues[0]?.message['zh-CN']).toContain('评分须在 0–5 之间')
    expect(issues[0]?.message['zh-CN']).toContain('内部协作满意度')
    expect(() =>
      assertRaterScores(seed003T22OperationsTeam, { internal_collaboration: { score: 8 } }),
    ).toThrow(/评分须在 0–5 之间/)
  })

  it('accepts a score within the scale and leaves empty entries to the sheet (a partial review is not wrong)', () => {
    expect(validateRaterScores(seed003T22OperationsTeam, { internal_collaboration: { score: 4.5 } })).toEqual(
      [],
    )
  })

  it('names an unknown indicator', () => {
    expect(validateRaterScores(seed003T22OperationsTeam, { nope: { score: 1 } })[0]?.path).toBe(
      'indicators.nope',
    )
  })
})
