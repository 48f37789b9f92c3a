import { describe, expect, it } from 'vitest'
import { blendSamplingComponent } from './blend-sampling-component.ts'
import { defaultSamplingForm, scoreSampleForm } from './sampling-form.ts'

describe('scoreSampleForm', () => {
  it('scores a sample on a 100 scale', () => {
    const { issues, scored } = scoreSampleForm(defaultSamplingForm, {
      response: 18,
      accuracy: 27,
      attitude: 30,
      resolution: 15,
    })
    expect(issues).toEqual([])
    expect([scored?.points, scored?.maxPoints, scored?.score]).toEqual([90, 100, 90])
  })

  it('scales a form that does not add up to 100', () => {
    const form = { criteria: [{ key: 'a', label: 'A', maxPoints: 3 }] }
    expect(scoreSampleForm(form, { a: 2 }).scored?.score).toBe(66.67)
  })

  it('names every missing, unknown or out-of-range criterion', () => {
    const { issues, scored } = scoreSampleForm(defaultSamplingForm, {
      response: 21,
      accuracy: -1,
      attitude: 30,
      tone: 3,
    })
    expect(scored).toBeUndefined()
    expect(issues.map((i) => i.path)).toEqual([
      'points.tone',
      'points.response',
      'points.accuracy',
      'points.resolution',
    ])
  })
})

describe('blendSamplingComponent (75/25, 000_7e0bba9429147a53.txt)', () => {
  it('blends the mean of the weekly samples with the self assessment', () => {
    const c = blendSamplingComponent({ sampleScores: [90, 80, 85, 90], selfScore: 95 })
    // mean 86.25 × 0.75 + 95 × 0.25 = 64.6875 + 23.75 = 88.4375 → 88.44
    expect([c.supervisorScore, c.total, c.missing]).toEqual([86.25, 88.44, []])
    expect(c.explanation).toContain('75%')
  })

  it('takes configurable weights', () => {
    const c = blendSamplingComponent({
      sampleScores: [80],
      selfScore: 100,
      weights: { supervisor: 0.5, self: 0.5 },
    })
    expect(c.total).toBe(90)
  })

  it('leaves the total open while a part is missing', () => {
    expect(blendSamplingComponent({ sampleScores: [], selfScore: 90 })).toMatchObject({
      total: null,
      supervisorScore: null,
      missing: ['supervisor'],
    })
    expect(blendSamplingComponent({ sampleScores: [70], selfScore: null })).toMatchObject({
      total: null,
      supervisorScore: 70,
      missing: ['self'],
    })
  })
})
