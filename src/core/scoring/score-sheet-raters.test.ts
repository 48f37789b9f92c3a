import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultScoring } from '../results/default-scoring.ts'
import type { Indicator, RaterWeights, Template } from '../templates/template.ts'
import { roundScore } from './round-score.ts'
import type { IndicatorInput } from './score-indicator.ts'
import { type RaterRole, type RaterSheet, scoreSheet } from './score-sheet.ts'

function discretionary(key: string, maxPoints: number, rater: Indicator['assessor']['rater']): Indicator {
  return {
    key,
    name: `指标${key}`,
    direction: 'higher_better',
    type: 'kci',
    maxPoints,
    target: { kind: 'none' },
    rule: { shape: 'discretionary', min: 0, max: maxPoints },
    assessor: { rater },
    dataSource: { kind: 'manual' },
  }
}

function template(indicators: Indicator[], raterWeights: RaterWeights): Template {
  return {
    code: 'raters',
    name: 'raters',
    period: 'monthly',
    dimensions: [
      { key: 'd', name: 'D', maxPoints: indicators.reduce((s, i) => s + i.maxPoints, 0), indicators },
    ],
    adjustments: [],
    scoring: { ...defaultScoring, raterWeights },
  }
}

const full = (score: number) => ({ score, comment: '好' })

describe('rater weights apply per indicator', () => {
  it('a perfect sheet with peers at 20 % who rated only the collaboration row scores 100, not 81 (issue 16)', () => {
    // 工作业绩 95 scored by the supervisor, 团队协作 5 by supervisor and peers: peers did not rate 工作业绩.
    const t = template([discretionary('work', 95, 'supervisor'), discretionary('collab', 5, 'peer')], {
      supervisor: 0.8,
      peer: 0.2,
    })
    const score = scoreSheet(t, {
      raters: [
        { rater: 'supervisor', indicators: { work: full(95), collab: full(5) } },
        { rater: 'peer', indicators: { collab: full(5) } },
        { rater: 'peer', indicators: { collab: full(5) } },
      ],
    })
    expect(score.dimensions[0]?.indicators.map((i) => i.points)).toEqual([95, 5])
    expect(score.total).toBe(100)
    expect(score.dimensions[0]?.indicators[0]?.explanation['zh-CN']).toBe(
      '多人评分加权：主管 95 × 100% = 95 分（仅计为本项评分的评分人，权重按其重新折算）',
    )
    expect(score.explanation['zh-CN']).toContain(
      '评分人权重按指标计：指标work 只计为其评分的评分人，权重在他们之间重新折算，未评分的评分人不按 0 分计。',
    )
    expect(score.explanation.en).toContain(
      'Rater weights apply per indicator: 指标work count only the raters',
    )
    // Each role's own subtotal still reads as scoring its sheet alone would.
    expect(score.raters.map((r) => [r.rater, r.effectiveWeight])).toEqual([
      ['supervisor', 0.8],
      ['peer', 0.2],
    ])
  })

  it('averages a role over the sheets that rated the row, not over every sheet of the role', () => {
    const t = template([discretionary('collab', 100, 'peer')], { supervisor: 0.5, peer: 0.5 })
    const score = scoreSheet(t, {
      raters: [
        { rater: 'supervisor', indicators: { collab: full(90) } },
        { rater: 'peer', indicators: { collab: full(70) } },
        { rater: 'peer', indicators: {} },
      ],
    })
    // 0.5 × 90 + 0.5 × 70 = 80 (the peer who left it empty is not a 0).
    expect(score.total).toBe(80)
  })

  it('the blended total equals the weighted sum of per-indicator blends for any set of raters', () => {
    const roles: RaterRole[] = ['supervisor', 'self', 'peer', 'sampling']
    const arbitrary = fc
      .record({
        maxPoints: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        weights: fc.tuple(...roles.map(() => fc.integer({ min: 0, max: 10 }))),
        sheets: fc.array(
          fc.record({
            role: fc.constantFrom(...roles),
            scores: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
              minLength: 5,
              maxLength: 5,
            }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
      })
      .filter((c) => c.weights.some((w) => w > 0))
    fc.assert(
      fc.property(arbitrary, ({ maxPoints, weights, sheets }) => {
        const sum = weights.reduce((s, w) => s + w, 0)
        const raterWeights: RaterWeights = {}
        roles.forEach((role, i) => {
          raterWeights[role] = weights[i]! / sum
        })
        const indicators = maxPoints.map((m, i) => discretionary(`i${i}`, m, 'supervisor'))
        // Scale to 100 so the total is the plain sum of indicator points.
        const budget = maxPoints.reduce((s, m) => s + m, 0)
        const t = {
          ...template(indicators, raterWeights),
          scoring: { ...defaultScoring, raterWeights, scale: 'raw_points' as const },
        }
        const raters: RaterSheet[] = sheets.map((s) => {
          const given: Record<string, IndicatorInput> = {}
          indicators.forEach((ind, i) => {
            const fraction = s.scores[i]
            if (fraction !== undefined) given[ind.key] = full(roundScore(fraction * ind.maxPoints))
          })
          return { rater: s.role, indicators: given }
        })
        const score = scoreSheet(t, { raters })
        let expected = 0
        for (const ind of indicators) {
          const byRole = new Map<RaterRole, number[]>()
          for (const r of raters) {
            const input = r.indicators[ind.key]
            if (input?.score === undefined) continue
            byRole.set(r.rater, [...(byRole.get(r.rater) ?? []), input.score])
          }
          if (byRole.size === 0) continue // nobody rated it: missing, 0
          let present = 0
          for (const role of byRole.keys()) present += raterWeights[role] ?? 0
          let blend = 0
          for (const [role, list] of byRole) {
            const w = present > 0 ? (raterWeights[role] ?? 0) / present : 1 / byRole.size
            blend += w * roundScore(list.reduce((a, b) => a + b, 0) / list.length)
          }
          expected += roundScore(blend)
        }
        expect(budget).toBeGreaterThan(0)
        expect(score.total).toBe(roundScore(expected))
      }),
      { numRuns: 300 },
    )
  })
})
