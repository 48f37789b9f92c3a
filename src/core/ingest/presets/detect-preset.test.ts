import { describe, expect, it } from 'vitest'
import { DomainError } from '../../errors.ts'
import { detectPreset } from './detect-preset.ts'

describe('detectPreset', () => {
  it('refuses a mapped header that appears twice, naming it and both columns (issue 12)', () => {
    const rows = [
      ['日期', '店铺', '访客数', '访客数'],
      ['2011-11-01', '旗舰店', '10', '11'],
    ]
    let error: unknown
    try {
      detectPreset(rows, { kind: 'traffic' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DomainError)
    const domain = error as DomainError
    expect(domain.message).toContain('访客数')
    expect(domain.issues).toEqual([
      {
        path: 'row 1.访客数',
        message: 'the header "访客数" appears in columns 3, 4; rename or remove all but one',
      },
    ])
  })

  it('allows a duplicated header that no mapping reads', () => {
    const rows = [
      ['日期', '店铺', '访客数', '备注', '备注'],
      ['2011-11-01', '旗舰店', '10', 'a', 'b'],
    ]
    expect(detectPreset(rows, { kind: 'traffic' }).mapping).toMatchObject({ uv: 2 })
  })
})
