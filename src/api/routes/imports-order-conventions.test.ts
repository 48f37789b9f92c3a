import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MetricResult } from '../../contracts/ingest.ts'
import type { ImportJob, Upload } from '../../contracts/ingest-api.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation } from '../testing/seed-test-organisation.ts'

// Issue 16 part 2: a platform's order-number conventions belong to its preset. UCI's invoice prefixes (C… is a
// cancellation, A… an adjustment) apply to the UCI preset only; other order files read the status column or
// take every row as an order; and an import whose rows a rule excludes says so in its preview.

const uciHeader = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'

describe.each(await testEngines())('order conventions on %s', (engine) => {
  let handle: TestDatabase
  let hr: ApiClient

  const upload = (fileName: string, body: string) =>
    hr.raw<Upload>(`/api/imports/uploads?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'x-csrf-token': hr.csrfToken ?? '', 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Buffer.from(body)),
    })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    hr = createApiClient((p, i) => app.request(p, i))
    await hr.login('hr')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('imports a generic orders file whose order numbers start with C as orders, and the sales metrics have values', async () => {
    const csv = [
      '订单编号,数量,单价,下单时间,店铺',
      'CN2024001,2,50,2024-03-04 10:00:00,旗舰店',
      'CN2024002,1,120,2024-03-05 11:00:00,旗舰店',
      'CN2024003,3,10,2024-03-06 12:00:00,旗舰店',
    ].join('\n')
    const up = await upload('orders-generic.csv', csv)
    expect(up.status).toBe(201)
    expect(up.body.analysis.preset).toMatchObject({ name: 'generic-orders', kind: 'orders' })
    const validated = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/validate?wait=true`, {})
    expect(validated.body).toMatchObject({ status: 'succeeded', result: { status: 'valid', rows: 3 } })
    expect(validated.body.result?.warnings ?? []).toEqual([])
    const done = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/import?wait=true`, {})
    expect(done.status).toBe(201)
    const gmv = await hr.get<MetricResult>('/api/metrics/gmv?by=shop&period=2024-03')
    expect(gmv.status).toBe(200)
    expect(gmv.body.values.map((v) => Number(v.value))).toEqual([250])
    const orders = await hr.get<MetricResult>('/api/metrics/orders?by=shop&period=2024-03')
    expect(orders.body.values.map((v) => Number(v.value))).toEqual([3])
  })

  it('reads a generic file’s status column: cancelled rows are cancellations, the rest orders', async () => {
    const csv = [
      '订单编号,数量,单价,下单时间,店铺,订单状态',
      'X1,1,100,2024-04-04 10:00:00,二店,已取消',
      'X2,1,60,2024-04-05 10:00:00,二店,交易成功',
    ].join('\n')
    const up = await upload('orders-status.csv', csv)
    expect(up.status).toBe(201)
    const done = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/import?wait=true`, {})
    expect(done.status).toBe(201)
    const gmv = await hr.get<MetricResult>('/api/metrics/gmv?by=shop&period=2024-04')
    expect(gmv.body.values.map((v) => Number(v.value))).toEqual([60])
    const cancelled = await hr.get<MetricResult>('/api/metrics/cancellation_rate?by=shop&period=2024-04')
    expect(cancelled.body.values.map((v) => Number(v.value))).toEqual([0.5])
  })

  it('keeps the C…/A… convention in the UCI preset, and a preview whose rows are all cancellations says so', async () => {
    const csv = `${uciHeader}C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527,United Kingdom\nC536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,2010-12-01 09:49:00,4.65,15311,United Kingdom\n`
    const up = await upload('uci-cancellations.csv', csv)
    expect(up.status).toBe(201)
    expect(up.body.analysis.preset?.name).toBe('uci-online-retail')
    const validated = await hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/validate?wait=true`, {})
    expect(validated.body).toMatchObject({ status: 'succeeded', result: { status: 'valid', rows: 2 } })
    const warnings = validated.body.result?.warnings ?? []
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ rule: 'cancellation_prefix', rows: 2, of: 2 })
    expect(warnings[0]?.message['zh-CN']).toContain('2 行全部')
    expect(warnings[0]?.message['zh-CN']).toContain('C')
    expect(warnings[0]?.message.en).toContain('all 2 rows')
  })
})
