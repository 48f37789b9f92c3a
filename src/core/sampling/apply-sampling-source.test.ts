import { describe, expect, it } from 'vitest'
import { seed000CustomerService } from '../library/templates/seed-000-customer-service.ts'
import type { Indicator } from '../templates/template.ts'
import { validateTemplate } from '../templates/validate-template.ts'
import { applySamplingSource, isoWeeksOfPeriod, isSampledIndicator } from './apply-sampling-source.ts'

const serviceQuality = seed000CustomerService.dimensions[0]!.indicators.find(
  (i) => i.key === 'service_quality',
) as Indicator
// November 2026 by the Thursday rule: W45–W48 (W49's Thursday is 3 December).
const november = isoWeeksOfPeriod('2026-11-01', '2026-11-30')

describe('applySamplingSource (客服 服务质量 from the weekly samples, 000_7e0bba9429147a53.txt)', () => {
  it('reads the 客服 template’s 服务质量 as fed by the samples', () => {
    expect(isSampledIndicator(serviceQuality)).toBe(true)
    expect(november).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48'])
  })

  it('turns the mean sample score (100 scale) into the supervisor’s score on the 0–25 scale', () => {
    const samples = [80, 90, 85, 89].map((score, i) => ({ week: november[i]!, score }))
    const { input, source } = applySamplingSource(serviceQuality, undefined, samples, november)
    expect(input?.score).toBe(21.5)
    expect(source).toMatchObject({ samples: 4, meanScore: 86, points: 21.5, used: true })
    expect(source.explanation['zh-CN']).toContain('来自每周抽查：4 次，平均 21.5 分')
  })

  it('leaves weeks without samples out of the mean instead of counting them as 0', () => {
    const samples = [
      { week: '2026-W45', score: 80 },
      { week: '2026-W45', score: 100 },
    ]
    const { source } = applySamplingSource(serviceQuality, undefined, samples, november)
    expect(source.meanScore).toBe(90)
    expect(source.weeksSampled).toEqual(['2026-W45'])
  })

  it('leaves the input missing when the period has no samples and nothing was typed', () => {
    const { input, source } = applySamplingSource(serviceQuality, undefined, [], november)
    expect(input).toBeUndefined()
    expect(source).toMatchObject({ samples: 0, meanScore: null, used: false })
  })

  it('keeps a typed score given with a reason, and sets aside one without', () => {
    const samples = [{ week: '2026-W46', score: 60 }]
    const withReason = applySamplingSource(
      serviceQuality,
      { score: 24, comment: '处理了重大投诉' },
      samples,
      november,
    )
    expect(withReason.input?.score).toBe(24)
    expect(withReason.source).toMatchObject({ used: false, typed: { score: 24, kept: true } })
    const without = applySamplingSource(serviceQuality, { score: 24 }, samples, november)
    expect(without.input?.score).toBe(15)
    expect(without.source).toMatchObject({ used: true, typed: { score: 24, kept: false } })
  })

  it('ignores samples from weeks outside the period', () => {
    const { source } = applySamplingSource(
      serviceQuality,
      undefined,
      [{ week: '2026-W49', score: 90 }],
      november,
    )
    expect(source.samples).toBe(0)
  })
})

describe('a template row fed by the weekly samples', () => {
  it('must be a discretionary row (the samples give a score on its scale)', () => {
    const issues = validateTemplate({
      ...seed000CustomerService,
      dimensions: seed000CustomerService.dimensions.map((d) => ({
        ...d,
        indicators: d.indicators.map((i) =>
          i.key === 'problem_resolution_rate' ? { ...i, dataSource: { kind: 'sampling' as const } } : i,
        ),
      })),
    })
    expect(issues.map((i) => i.path)).toEqual(['dimensions[0].indicators[0].dataSource'])
    expect(validateTemplate(seed000CustomerService)).toEqual([])
  })
})
