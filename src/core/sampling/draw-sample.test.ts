import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createUniformStream, drawSample, samplingAlgorithm, verifySampleDraw } from './draw-sample.ts'

const ids = Array.from({ length: 20 }, (_, i) => `chat-${String(i + 1).padStart(3, '0')}`)
const base = { seed: 'jixiao-demo', week: '2026-W48', employeeId: 1, candidateIds: ids, sampleSize: 5 }

/** Pearson's chi-square statistic of observed counts against one common expected count. */
const chiSquare = (counts: number[], expected: number) =>
  counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0)
// Upper 0.1% point of the chi-square distribution with 9 degrees of freedom (10 categories): α = 0.001.
const critical9df = 27.877

describe('drawSample', () => {
  it('gives the recorded ids for a known seed (the algorithm must not drift)', () => {
    expect(drawSample(base).drawnIds).toEqual(['chat-017', 'chat-016', 'chat-018', 'chat-006', 'chat-007'])
    expect(drawSample({ ...base, employeeId: 2 }).drawnIds).toEqual([
      'chat-002',
      'chat-005',
      'chat-006',
      'chat-012',
      'chat-011',
    ])
  })

  it('derives its first index from sha256 as documented, so it can be redone outside Jixiao', () => {
    const digest = createHash('sha256').update(`${samplingAlgorithm}\njixiao-demo\n2026-W48\n1\n0`).digest()
    // 2^48 is not a multiple of 20, but this first value lies below the rejection limit.
    expect(createUniformStream('jixiao-demo', '2026-W48', 1)(20)).toBe(digest.readUIntBE(0, 6) % 20)
  })

  it('is reproducible and does not depend on the order or duplicates of the candidates', () => {
    const again = drawSample({ ...base, candidateIds: [...ids].reverse().concat(ids.slice(0, 3)) })
    expect(again.drawnIds).toEqual(drawSample(base).drawnIds)
    expect(verifySampleDraw(drawSample(base))).toBe(true)
  })

  it('changes with the seed, the week and the agent', () => {
    const first = drawSample(base).drawnIds
    expect(drawSample({ ...base, seed: 'other' }).drawnIds).not.toEqual(first)
    expect(drawSample({ ...base, week: '2026-W49' }).drawnIds).not.toEqual(first)
    expect(drawSample({ ...base, employeeId: 3 }).drawnIds).not.toEqual(first)
  })

  it('rejects a tampered record', () => {
    const draw = drawSample(base)
    expect(verifySampleDraw({ ...draw, drawnIds: [...draw.drawnIds.slice(1), draw.drawnIds[0]!] })).toBe(
      false,
    )
    expect(verifySampleDraw({ ...draw, seed: 'x' })).toBe(false)
    expect(verifySampleDraw({ ...draw, algorithm: 'other' })).toBe(false)
  })

  it('draws without replacement and never more than there are candidates', () => {
    for (let e = 1; e <= 200; e++) {
      const d = drawSample({ ...base, employeeId: e })
      expect(new Set(d.drawnIds).size).toBe(5)
      for (const id of d.drawnIds) expect(ids).toContain(id)
    }
    expect(drawSample({ ...base, candidateIds: ['a', 'b'], sampleSize: 5 }).drawnIds.sort()).toEqual([
      'a',
      'b',
    ])
    expect(drawSample({ ...base, candidateIds: [], sampleSize: 5 }).drawnIds).toEqual([])
  })

  it('is uniform: chi-square over 20,000 draws stays below the α = 0.001 critical value', () => {
    const candidates = Array.from({ length: 10 }, (_, i) => `c${i}`)
    const draws = 20_000
    const inSample = new Array(10).fill(0)
    const first = new Array(10).fill(0)
    for (let e = 1; e <= draws; e++) {
      const d = drawSample({
        seed: 'chi-square',
        week: '2026-W01',
        employeeId: e,
        candidateIds: candidates,
        sampleSize: 3,
      })
      for (const id of d.drawnIds) inSample[Number(id.slice(1))]++
      first[Number(d.drawnIds[0]!.slice(1))]++
    }
    // Each item is in a 3-of-10 sample with probability 0.3, and first with probability 0.1.
    expect(chiSquare(inSample, draws * 0.3)).toBeLessThan(critical9df)
    expect(chiSquare(first, draws * 0.1)).toBeLessThan(critical9df)
    // The same statistic does catch a skew as small as one item picked 5% more often than its share.
    const skewed = [...inSample]
    skewed[0] = draws * 0.3 * 1.05
    skewed[1] = draws * 0.3 * 0.95
    expect(chiSquare(skewed, draws * 0.3)).toBeGreaterThan(critical9df)
  })
})
