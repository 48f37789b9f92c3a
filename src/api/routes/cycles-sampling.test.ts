import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isoWeeksOfPeriod } from '../../core/sampling/apply-sampling-source.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { drawWeeklySamples } from '../../services/rota/draw-weekly-samples.ts'
import { scoreSample } from '../../services/rota/score-sample.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// Issue 16 part 6: the weekly samples reach the 客服 sheet. The seed (000_7e0bba9429147a53.txt) makes the month's
// 服务质量 75 % the supervisor's weekly sampling and 25 % the agent's self assessment: the samples' mean, on the
// row's 0–25 scale, is the supervisor's score and the template's 75/25 rater weights blend it with the self score.
// A month without samples leaves the supervisor's part missing (the row's 'block' rule holds the sheet), never 0.

type SheetView = {
  state: string
  total: string | null
  version: number
  score: {
    dimensions: { indicators: { key: string; points: number }[] }[]
    samplingSources?: Record<string, { samples: number; points: number | null; used: boolean }>
  } | null
}

describe.each(await testEngines())('weekly samples in the 客服 sheet on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  const clock = new Date('2026-10-09T02:00:00Z')
  const weeks = isoWeeksOfPeriod('2026-09-01', '2026-09-30')

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    const app = createApp({ db: handle.db, engine, now: () => clock })
    hr = createApiClient((p, i) => app.request(p, i))
    await hr.login('hr')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('computes 服务质量 as 75 % of the samples’ mean and 25 % self; without samples the sheet is held', async () => {
    // 小冰 (E003): two conversations drawn in each of two September weeks, scored 80, 90, 85 and 89 of 100.
    const scores = [80, 90, 85, 89]
    const pointsFor = (score: number) => {
      // The default form: 响应速度 20, 专业准确 30, 服务态度 30, 问题解决 20 (adds up to 100).
      const response = (score * 20) / 100
      const resolution = (score * 20) / 100
      return {
        response,
        accuracy: (score - response - resolution) / 2,
        attitude: (score - response - resolution) / 2,
        resolution,
      }
    }
    let next = 0
    for (const week of [weeks[1]!, weeks[2]!]) {
      const [draw] = await drawWeeklySamples({ db: handle.db }, org.companyId, {
        week,
        sampleSize: 2,
        seed: `test-${week}`,
        candidates: [{ employeeId: org.employees.E003, itemIds: ['c1', 'c2', 'c3', 'c4', 'c5'] }],
      })
      for (const itemId of draw!.drawnIds)
        await scoreSample({ db: handle.db }, org.companyId, {
          drawId: draw!.id,
          itemId,
          points: pointsFor(scores[next++]!),
        })
    }

    const template = await handle.db
      .selectFrom('templates')
      .select('id')
      .where('company_id', '=', org.companyId)
      .where('code', '=', 'seed-000-customer-service')
      .executeTakeFirstOrThrow()
    const opened = await hr.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026-09 客服',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      templateId: template.id,
      participants: { employeeIds: [org.employees.E003, org.employees.E004] },
    })
    expect(opened.status).toBe(202)
    expect((await waitForJob(hr, opened.body.jobId)).status).toBe('succeeded')
    const cycleId = opened.body.cycle.id
    // The supervisor enters the other rows and leaves 服务质量 to the samples; the agent scores it 20 of 25.
    const supervisor = JSON.stringify({ indicators: { problem_resolution_rate: { actual: 1 } } })
    const self = JSON.stringify({
      indicators: { problem_resolution_rate: { actual: 1 }, service_quality: { score: 20, comment: '自评' } },
    })
    const selfWithout = JSON.stringify({ indicators: { problem_resolution_rate: { actual: 1 } } })
    const shared = JSON.stringify({
      indicators: { customer_reviews: { actual: 0.98 }, complaint_handling_rate: { actual: 1 } },
    })
    for (const [employeeId, selfReview] of [
      [org.employees.E003, self],
      [org.employees.E004, selfWithout],
    ] as const)
      await handle.db
        .updateTable('appraisal_sheets')
        .set({
          state: 'supervisor_submitted',
          supervisor_review: supervisor,
          self_review: selfReview,
          shared_inputs: shared,
        })
        .where('cycle_id', '=', cycleId)
        .where('employee_id', '=', employeeId)
        .execute()

    const started = await hr.post<{ jobId: number }>(`/api/cycles/${cycleId}/compute`)
    expect((await waitForJob(hr, started.body.jobId)).status).toBe('succeeded')
    const sheets = await hr.get<{
      items: { id: number; employeeId: number; state: string; version: number }[]
    }>(`/api/cycles/${cycleId}/sheets`)
    const bing = sheets.body.items.find((s) => s.employeeId === org.employees.E003)!
    const jiao = sheets.body.items.find((s) => s.employeeId === org.employees.E004)!
    expect(bing.state).toBe('computed')

    const view = await hr.get<SheetView>(`/api/sheets/${bing.id}`)
    expect(view.status).toBe(200)
    const quality = view.body.score!.dimensions[0]!.indicators.find((i) => i.key === 'service_quality')!
    // Mean 86 of 100 → 21.5 of 25; 0.75 × 21.5 + 0.25 × 20 = 21.125 → 21.13 (the seed's blend).
    expect(quality.points).toBe(21.13)
    expect(view.body.score!.samplingSources?.service_quality).toMatchObject({
      samples: 4,
      points: 21.5,
      used: true,
    })

    // Computing the sheet alone reads the same samples and gives the same figure.
    const again = await hr.post<SheetView>(`/api/sheets/${bing.id}/compute`, {
      expectedVersion: view.body.version,
    })
    expect(again.status).toBe(200)
    const recomputed = await hr.get<SheetView>(`/api/sheets/${bing.id}`)
    expect(
      recomputed.body.score!.dimensions[0]!.indicators.find((i) => i.key === 'service_quality')!.points,
    ).toBe(21.13)

    // 小焦 has no samples and no score for 服务质量: missing, held by the row's rule, not scored as 0.
    expect(jiao.state).toBe('supervisor_submitted')
    const board = await hr.get<{ computation: { held: { sheetId: number; items: { key: string }[] }[] } }>(
      `/api/cycles/${cycleId}/board`,
    )
    expect(board.body.computation.held).toEqual([
      expect.objectContaining({
        sheetId: jiao.id,
        items: [expect.objectContaining({ key: 'service_quality' })],
      }),
    ])
  })
})
