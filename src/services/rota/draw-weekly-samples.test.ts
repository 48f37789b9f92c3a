import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import { drawSample } from '../../core/sampling/draw-sample.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { computeSamplingComponent } from './compute-sampling-component.ts'
import { drawWeeklySamples } from './draw-weekly-samples.ts'
import { listWeeklySamples } from './list-weekly-samples.ts'
import { scoreSample } from './score-sample.ts'
import { createRotaTestCompany, type RotaTestCompany } from './testing/create-rota-test-company.ts'
import { verifySampleDraw } from './verify-sample-draw.ts'

const chats = (prefix: string) =>
  Array.from({ length: 30 }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`)

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(DomainError)
  return e as DomainError
}

describe.each(await testEngines())('weekly sampling on %s', (engine) => {
  let handle: TestDatabase
  let co: RotaTestCompany
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    co = await createRotaTestCompany(handle.db, { seedRota: false })
  })
  afterAll(() => handle.close())

  it('draws each agent a reproducible sample and records it', async () => {
    const draws = await drawWeeklySamples({ db: handle.db, actorUserId: null }, co.companyId, {
      week: '2026-W48',
      sampleSize: 4,
      seed: 'supervisor-2026-W48',
      candidates: [
        { employeeId: co.xiaoBing, itemIds: chats('bing') },
        { employeeId: co.xiaoJiao, itemIds: chats('jiao') },
      ],
    })
    expect(draws.map((d) => d.employeeId)).toEqual([co.xiaoBing, co.xiaoJiao])
    for (const d of draws) {
      const again = drawSample({
        seed: d.seed,
        week: d.week,
        employeeId: d.employeeId,
        candidateIds: d.candidateIds,
        sampleSize: 4,
      })
      expect(d.drawnIds).toEqual(again.drawnIds)
      expect(d.drawnIds).toHaveLength(4)
      expect((await verifySampleDraw({ db: handle.db }, co.companyId, d.id)).reproducible).toBe(true)
    }
  })

  it('generates and records a seed when none is given', async () => {
    const [draw] = await drawWeeklySamples({ db: handle.db }, co.companyId, {
      week: '2026-W49',
      sampleSize: 2,
      candidates: [{ employeeId: co.xiaoBing, itemIds: chats('bing-dec') }],
    })
    expect(draw?.seed).toMatch(/^[0-9a-f]{32}$/)
    expect((await verifySampleDraw({ db: handle.db }, co.companyId, draw!.id)).reproducible).toBe(true)
  })

  it('refuses to draw the same agent and week twice', async () => {
    const e = await refusal(
      drawWeeklySamples({ db: handle.db }, co.companyId, {
        week: '2026-W48',
        sampleSize: 4,
        candidates: [{ employeeId: co.xiaoBing, itemIds: chats('bing') }],
      }),
    )
    expect(e.code).toBe('conflict')
  })

  it('lets only one of two simultaneous draws for the same week through', async () => {
    const input = {
      week: '2026-W47',
      sampleSize: 1,
      candidates: [{ employeeId: co.xiaoJiao, itemIds: chats('jiao-w47') }],
    }
    const results = await Promise.allSettled([
      drawWeeklySamples({ db: handle.db }, co.companyId, input),
      drawWeeklySamples({ db: handle.db }, co.companyId, input),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect((failure.reason as DomainError).code).toBe('conflict')
  })

  it('refuses an agent from another company and a week that does not exist, naming the field', async () => {
    const outsider = await refusal(
      drawWeeklySamples({ db: handle.db }, co.companyId, {
        week: '2026-W47',
        sampleSize: 1,
        candidates: [{ employeeId: co.outsider, itemIds: ['x'] }],
      }),
    )
    expect(outsider.issues.map((i) => i.path)).toEqual(['candidates.0.employeeId'])
    const badWeek = await refusal(
      drawWeeklySamples({ db: handle.db }, co.companyId, {
        week: '2025-W53',
        sampleSize: 1,
        candidates: [{ employeeId: co.xiaoBing, itemIds: ['x'] }],
      }),
    )
    expect(badWeek.issues.map((i) => i.path)).toEqual(['week'])
  })

  it('detects a record altered after the draw', async () => {
    const [stored] = await createRotaRepository(handle.db).findSampleDrawsOfWeek(co.companyId, '2026-W49')
    const swapped = stored!.candidateIds.filter((id) => !stored!.drawnIds.includes(id)).slice(0, 2)
    await sql`update sample_draws set drawn_ids = ${JSON.stringify(swapped)}::jsonb where id = ${stored!.id}`.execute(
      handle.db,
    )
    expect((await verifySampleDraw({ db: handle.db }, co.companyId, stored!.id)).reproducible).toBe(false)
  })

  it('scores drawn conversations only, on the form, naming bad fields', async () => {
    const record = (
      await createRotaRepository(handle.db).findSampleDrawsOfWeek(co.companyId, '2026-W48')
    ).find((d) => d.employeeId === co.xiaoBing)!
    const notDrawn = chats('bing').find((c) => !record.drawnIds.includes(c))!
    const e1 = await refusal(
      scoreSample({ db: handle.db }, co.companyId, {
        drawId: record.id,
        itemId: notDrawn,
        points: { response: 20, accuracy: 30, attitude: 30, resolution: 20 },
      }),
    )
    expect(e1.issues.map((i) => i.path)).toEqual(['itemId'])
    const e2 = await refusal(
      scoreSample({ db: handle.db }, co.companyId, {
        drawId: record.id,
        itemId: record.drawnIds[0]!,
        points: { response: 25, accuracy: 30, attitude: 30 },
      }),
    )
    expect(e2.issues.map((i) => i.path)).toEqual(['points.response', 'points.resolution'])

    const points = [
      { response: 20, accuracy: 30, attitude: 30, resolution: 20 }, // 100
      { response: 16, accuracy: 24, attitude: 27, resolution: 13 }, // 80
      { response: 18, accuracy: 27, attitude: 27, resolution: 18 }, // 90
    ]
    for (const [i, p] of points.entries())
      await scoreSample({ db: handle.db }, co.companyId, {
        drawId: record.id,
        itemId: record.drawnIds[i]!,
        points: p,
      })
    // Scoring again replaces the earlier score: the second sample becomes 70.
    const rescored = await scoreSample({ db: handle.db }, co.companyId, {
      drawId: record.id,
      itemId: record.drawnIds[1]!,
      points: { response: 14, accuracy: 21, attitude: 21, resolution: 14 },
      comment: '回复慢 / slow replies',
    })
    expect(rescored.score).toBe(70)
  })

  it('blends the month: mean of the samples × 75% + self × 25%, and lists what is still unscored', async () => {
    const component = await computeSamplingComponent({ db: handle.db }, co.companyId, {
      employeeId: co.xiaoBing,
      month: '2026-11',
      selfScore: 90,
    })
    // Samples 100, 70 and 90 (W48 is November's; the W49 draw belongs to December): mean 86.67.
    // 86.67 × 0.75 + 90 × 0.25 = 65.0025 + 22.5 = 87.5025 → 87.50
    expect([component.sampleCount, component.supervisorScore, component.total]).toEqual([3, 86.67, 87.5])
    expect(component.weeks).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48'])
    expect(component.unscoredItems).toHaveLength(1)
    const even = await computeSamplingComponent({ db: handle.db }, co.companyId, {
      employeeId: co.xiaoBing,
      month: '2026-11',
      selfScore: 90,
      weights: { supervisor: 0.5, self: 0.5 },
    })
    expect(even.total).toBe(88.34)
    const badWeights = await refusal(
      computeSamplingComponent({ db: handle.db }, co.companyId, {
        employeeId: co.xiaoBing,
        month: '2026-11',
        selfScore: 90,
        weights: { supervisor: 0.8, self: 0.25 },
      }),
    )
    expect(badWeights.issues.map((i) => i.path)).toEqual(['weights.self'])
  })

  it('lists a week’s draws with the scores given so far', async () => {
    const week = await listWeeklySamples({ db: handle.db }, co.companyId, '2026-W48')
    expect(week.map((w) => [w.employeeName, w.items.length, w.items.filter((i) => i.score).length])).toEqual([
      ['小冰', 4, 3],
      ['小焦', 4, 0],
    ])
    expect(week[0]?.items.map((i) => i.score?.score ?? null)).toEqual([100, 70, 90, null])
  })
})
