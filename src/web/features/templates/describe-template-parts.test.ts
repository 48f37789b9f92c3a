import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { resources } from '../../i18n/i18n.ts'
import { describeAssessor, describeDataSource, describeTarget, pickText } from './describe-template-parts.ts'

const t = i18next.getFixedT('zh-CN')

beforeAll(async () => {
  await i18next.init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false }, initAsync: false })
})

describe('the 考核人 / 数据来源 / 目标值 columns', () => {
  it('names a department assessor as the seed does (T9: 财务部), else the rater type', () => {
    expect(describeAssessor(t, { rater: 'department', department: '财务部' })).toBe('财务部')
    expect(describeAssessor(t, { rater: 'supervisor' })).toBe('直属上级')
  })

  it('says whose figure a metric is', () => {
    expect(describeDataSource(t, { kind: 'metric', metric: 'gmv', attribution: 'team' })).toBe('gmv（团队）')
    expect(describeDataSource(t, { kind: 'manual' })).toBe('手工录入')
  })

  it('shows a metric by its name, not its key, when the page knows it', () => {
    const gmv = { kind: 'metric', metric: 'gmv', attribution: 'team' } as const
    expect(describeDataSource(t, gmv, '销售额')).toBe('销售额（团队）')
  })

  it('shows a target derived from history (R7: last month’s daily UV × 110%)', () => {
    expect(
      describeTarget(t, {
        kind: 'derived',
        metric: 'uv',
        from: 'previous_period_daily_average',
        factor: 1.1,
      }),
    ).toBe('uv 上期日均 × 1.1')
    expect(describeTarget(t, { kind: 'fixed', value: 10_000 }, '次')).toBe('10,000 次')
    expect(describeTarget(t, { kind: 'per_employee', default: 5 })).toBe('按人设定（默认 5）')
  })

  // Issue 16: the template showed 「默认 0.95 %」 for 95 %; a % target is a ratio shown once, as a percentage.
  it('shows a % target as 95%, never 0.95 %', () => {
    expect(describeTarget(t, { kind: 'per_employee', default: 0.95 }, '%')).toBe('按人设定（默认 95%）')
    expect(describeTarget(t, { kind: 'fixed', value: 0.035 }, '%')).toBe('3.5%')
    expect(describeTarget(t, { kind: 'fixed', value: 1234.5 }, '元')).toBe('¥1,234.50')
  })

  it('falls back to zh-CN for a missing translation', () => {
    expect(pickText({ 'zh-CN': '优秀', en: 'Excellent' }, 'zh-TW')).toBe('优秀')
    expect(pickText({ 'zh-CN': '优秀', en: 'Excellent' }, 'en')).toBe('Excellent')
  })
})
