import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MetricResult } from '../../contracts/ingest.ts'
import type { ImportJob, MetricDefinitionItem, MetricSeries, Upload } from '../../contracts/ingest-api.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// The metrics explorer's endpoints on both engines: the catalogue, one metric by employee and shop for a month
// (with no value and a reason where the denominator is zero), a series over months, and the input checks.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const qianniuAgents = 'synthetic-自制报表-报表查看-客服绩效_20111101_20111130_全部.xlsx'

describe.each(await testEngines())('metric routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    hr = createApiClient((p, i) => app.request(p, i))
    await hr.login('hr')
    const bytes = readFileSync(path.join(root, 'test-fixtures/ingest', qianniuAgents))
    const up = await hr.raw<Upload>(`/api/imports/uploads?fileName=${encodeURIComponent(qianniuAgents)}`, {
      method: 'POST',
      headers: { 'x-csrf-token': hr.csrfToken ?? '', 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    })
    expect(up.status).toBe(201)
    const done = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/import?wait=true`, {
      shop: '旗舰店',
    })
    expect(done.status).toBe(201)
    for (const [nick, employeeId] of [
      ['店铺:小美', org.employees.E003],
      ['店铺:晓晓', org.employees.E004],
    ] as const)
      await hr.raw('/api/attributions', {
        method: 'PUT',
        headers: { 'x-csrf-token': hr.csrfToken ?? '', 'content-type': 'application/json' },
        body: JSON.stringify({
          sourceKind: 'agent_nick',
          sourceName: nick,
          employeeId,
          departmentId: null,
          shop: null,
        }),
      })
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists the catalogue with names, formulas and units', async () => {
    const res = await hr.get<{ items: MetricDefinitionItem[] }>('/api/metrics')
    expect(res.status).toBe(200)
    expect(res.body.items.find((m) => m.key === 'inquiry_conversion_rate')).toMatchObject({
      label: { zh: '询单转化率' },
      unit: 'rate',
      facts: ['cs_performance'],
    })
    expect(res.body.items.find((m) => m.key === 'inventory_turnover')?.note).toBeTruthy()
  })

  it('computes by employee, and gives no value but a reason where the denominator is zero', async () => {
    const res = await hr.get<MetricResult>('/api/metrics/inquiry_conversion_rate?by=employee&period=2011-11')
    expect(res.status).toBe(200)
    const byName = new Map(res.body.values.map((v) => [v.label, v]))
    expect(byName.get('小冰')).toMatchObject({ value: '0.45', numerator: '189', denominator: '420' })
    // 晓晓 had no inquiries: 0 / 0 is not 0%, it is undefined
    expect(byName.get('小焦')).toMatchObject({
      value: null,
      reason: expect.stringMatching(/denominator is zero/),
    })
    const shop = await hr.get<MetricResult>('/api/metrics/cs_sales?by=shop&period=2011-11')
    expect(shop.body.values).toEqual([expect.objectContaining({ label: '旗舰店', value: '43290.50' })])
  })

  it('gives a series over months with gaps where there is no data', async () => {
    const res = await hr.get<MetricSeries>('/api/metrics/inquiries/series?by=employee&period=2011-12&count=3')
    expect(res.status).toBe(200)
    expect(res.body.periods).toEqual(['2011-10', '2011-11', '2011-12'])
    const xiaobing = res.body.series.find((s) => s.label === '小冰')
    expect(xiaobing?.values).toEqual([null, '420', null])
    const weeks = await hr.get<MetricSeries>(
      '/api/metrics/inquiries/series?by=company&period=2011-W01&count=2',
    )
    expect(weeks.body.periods).toEqual(['2010-W52', '2011-W01'])
  })

  it('names the field at fault', async () => {
    const badPeriod = await hr.get<{ error: { issues: { path: string }[] } }>(
      '/api/metrics/gmv?by=shop&period=2011-13',
    )
    expect(badPeriod.status).toBe(400)
    expect(badPeriod.body.error.issues[0]?.path).toBe('period')
    expect((await hr.get('/api/metrics/no_such_metric?period=2011-11')).status).toBe(400)
    expect((await hr.get('/api/metrics/gmv?by=planet&period=2011-11')).status).toBe(400)
    expect((await hr.get('/api/metrics/gmv/series?period=2011-11&count=99')).status).toBe(400)
    const badSeriesPeriod = await hr.get<{ error: { issues: { path: string; message: string }[] } }>(
      '/api/metrics/gmv/series?period=last-month',
    )
    expect(badSeriesPeriod.status).toBe(400)
    expect(badSeriesPeriod.body.error.issues[0]).toMatchObject({
      path: 'period',
      message: expect.stringContaining('2011-Q4'),
    })
  })
})
