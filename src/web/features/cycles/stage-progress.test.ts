import { describe, expect, it } from 'vitest'
import { stageProgress } from './stage-progress.ts'

describe('stageProgress', () => {
  it('counts a sheet as having reached every stage up to its own', () => {
    // 4 sheets: 1 draft, 2 computed, 1 final — all reached draft, 3 reached computed, 1 reached final.
    const rows = stageProgress({ draft: 1, computed: 2, final: 1 }, 4)
    const at = (s: string) => rows.find((r) => r.state === s)!
    expect(at('draft')).toMatchObject({ count: 1, reached: 4, reachedPercent: 100 })
    expect(at('in_progress')).toMatchObject({ count: 0, reached: 3, reachedPercent: 75 })
    expect(at('computed')).toMatchObject({ count: 2, reached: 3 })
    expect(at('feedback_held')).toMatchObject({ count: 0, reached: 1, reachedPercent: 25 })
    expect(at('final')).toMatchObject({ count: 1, reached: 1, reachedPercent: 25 })
    expect(rows).toHaveLength(11)
  })

  it('shows zero rather than dividing by zero for an empty cycle', () => {
    expect(stageProgress({}, 0).every((r) => r.reachedPercent === 0)).toBe(true)
  })
})
