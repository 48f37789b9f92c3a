import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { resources } from '../../i18n/i18n.ts'
import { describeRule } from './describe-rule.ts'

const t = i18next.getFixedT('zh-CN')
const en = i18next.getFixedT('en')

beforeAll(async () => {
  await i18next.init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false }, initAsync: false })
})

describe('describeRule (考核标准 column)', () => {
  it('lists amount bands like the seed (R1, T9)', () => {
    const text = describeRule(t, {
      shape: 'bands',
      basis: 'actual',
      bands: [
        { min: 100_000, points: 15 },
        { min: 80_000, max: 100_000, points: 12 },
      ],
    })
    expect(text).toBe('按实际值分档：≥ 100,000 → 15 分；≥ 80,000 且 < 100,000 → 12 分')
  })

  it('shows completion-rate bands as percentages (R2, T10)', () => {
    expect(
      describeRule(en, { shape: 'bands', basis: 'completion_rate', bands: [{ min: 0.9, points: 4 }] }),
    ).toBe('Bands on the completion rate: ≥ 90% → 4 pts')
  })

  it('says 扣完为止 for a per-occurrence deduction with floor 0 (R8, T11)', () => {
    expect(describeRule(t, { shape: 'deduct_per_occurrence', perOccurrence: 2, floor: 0 })).toBe(
      '每次扣 2 分；扣完为止',
    )
  })

  it('states the shortfall unit and the partial-unit choice (R12, T9)', () => {
    expect(
      describeRule(
        t,
        {
          shape: 'deduct_per_shortfall',
          threshold: 10_000,
          unit: 100,
          pointsPerUnit: 2,
          partialUnit: 'counts',
        },
        '次',
      ),
    ).toBe('未达 10,000 次 时，每差 100 次 扣 2 分；不足一个单位按一个计；扣完为止')
  })

  it('names the levels with their thresholds (R3, T12)', () => {
    const text = describeRule(t, {
      shape: 'levels',
      levels: [
        { code: 'A', label: 'A', points: 30 },
        { code: 'C', label: 'C', points: 0 },
      ],
      thresholds: [
        { level: 'A', band: { min: 500, minInclusive: false } },
        { level: 'C', band: { max: 200 } },
      ],
    })
    expect(text).toBe('按实际值定级：A（> 500） = 30 分；C（< 200） = 0 分')
  })
})
