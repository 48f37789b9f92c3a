import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportJob, Upload } from '../../contracts/ingest-api.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// What an import replaces, through the API on both engines (issue 12, parts 1 and 5): shop B's file leaves
// shop A's rows alone; the upload's analysis and the validation say what an import would replace, with counts;
// a superseded file imported again comes back; five imports of one file at once import it once, never a 500.

const uciHeader = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
const uciLines = (shop: string, n: number, price = '10.00') =>
  uciHeader +
  Array.from(
    { length: n },
    (_, i) => `${shop}${i + 1},S${i},item,1,2011-07-01 10:00,${price},c${i},${shop}\n`,
  ).join('')

type Failure = { error: { code: string; message: string }; job?: ImportJob }

describe.each(await testEngines())('what an import replaces, through the API on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient

  const upload = (fileName: string, body: string) =>
    hr.raw<Upload>(`/api/imports/uploads?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'x-csrf-token': hr.csrfToken ?? '', 'content-type': 'application/octet-stream' },
      body: new Uint8Array(Buffer.from(body)),
    })
  const uploadAndImport = async (fileName: string, body: string) => {
    const up = await upload(fileName, body)
    expect(up.status).toBe(201)
    return hr.post<ImportJob>(`/api/imports/uploads/${up.body.id}/import?wait=true`, {})
  }
  /** Live order lines and their money per shop. */
  const gmvByShop = async () => {
    const { rows } = await sql<{ shop: string; n: string; total: string }>`
      select shop, count(*)::text as n, sum(amount)::text as total from fact_order_lines
       where company_id = ${org.companyId} and superseded_by is null group by shop order by shop`.execute(
      handle.db,
    )
    return Object.fromEntries(rows.map((r) => [r.shop, { rows: Number(r.n), total: Number(r.total) }]))
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine })
    hr = createApiClient((p, i) => app.request(p, i))
    await hr.login('hr')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it("keeps shop A's GMV when shop B's file comes in, shows what a correction would replace, and brings a superseded file back", async () => {
    const a = await uploadAndImport('shop-a-20110701.csv', uciLines('A', 10))
    expect(a.status).toBe(201)
    expect(a.body.result).toMatchObject({ status: 'imported', rows: 10, replacedRows: 0 })

    const b = await upload('shop-b-20110701.csv', uciLines('B', 3))
    // the preview, before anything is written: shop B's file replaces nothing
    expect(b.body.analysis.replaces).toEqual({
      source: 'uci-online-retail',
      periodStart: '2011-07-01',
      periodEnd: '2011-07-01',
      shops: ['B'],
      fileRows: 3,
      rows: 0,
      imports: [],
    })
    const bImported = await hr.post<ImportJob>(`/api/imports/uploads/${b.body.id}/import?wait=true`, {})
    expect(bImported.body.result).toMatchObject({
      status: 'imported',
      rows: 3,
      replacedRows: 0,
      replaced: [],
    })
    expect(await gmvByShop()).toEqual({ A: { rows: 10, total: 100 }, B: { rows: 3, total: 30 } })

    // a correction of shop A: the analysis and the validation name the import and the rows it replaces
    const fix = await upload('shop-a-20110701-fixed.csv', uciLines('A', 8, '1.00'))
    const wouldReplace = [
      expect.objectContaining({
        importId: a.body.result?.importId,
        fileName: 'shop-a-20110701.csv',
        shop: 'A',
        rows: 10,
      }),
    ]
    expect(fix.body.analysis.replaces).toMatchObject({ shops: ['A'], rows: 10, imports: wouldReplace })
    const validated = await hr.post<ImportJob>(`/api/imports/uploads/${fix.body.id}/validate?wait=true`, {})
    expect(validated.status).toBe(200)
    expect(validated.body.result).toMatchObject({
      status: 'valid',
      rows: 8,
      replacedRows: 10,
      replaced: wouldReplace,
    })
    expect(await gmvByShop()).toEqual({ A: { rows: 10, total: 100 }, B: { rows: 3, total: 30 } })
    const fixed = await hr.post<ImportJob>(`/api/imports/uploads/${fix.body.id}/import?wait=true`, {})
    expect(fixed.body.result).toMatchObject({ status: 'imported', replacedRows: 10, replaced: wouldReplace })
    expect(await gmvByShop()).toEqual({ A: { rows: 8, total: 8 }, B: { rows: 3, total: 30 } })

    // the first file again: its rows are replaced, so it is not "unchanged"; it brings them back
    const again = await upload('shop-a-20110701.csv', uciLines('A', 10))
    expect(again.body.analysis.replaces).toMatchObject({
      rows: 8,
      imports: [expect.objectContaining({ importId: fixed.body.result?.importId, shop: 'A', rows: 8 })],
    })
    const restored = await hr.post<ImportJob>(`/api/imports/uploads/${again.body.id}/import?wait=true`, {})
    expect(restored.body.result).toMatchObject({ status: 'imported', rows: 10, replacedRows: 8 })
    expect(await gmvByShop()).toEqual({ A: { rows: 10, total: 100 }, B: { rows: 3, total: 30 } })
    const third = await uploadAndImport('shop-a-20110701.csv', uciLines('A', 10))
    expect(third.body.result).toMatchObject({ status: 'unchanged', importId: restored.body.result?.importId })
  })

  it('imports one file once when it is imported five times at the same moment: no 500, facts counted once', async () => {
    const file = uciLines('P', 3000)
    const uploads = await Promise.all(Array.from({ length: 5 }, () => upload('parallel-20110701.csv', file)))
    const answers = await Promise.all(
      uploads.map((u) =>
        hr.post<ImportJob & Failure>(`/api/imports/uploads/${u.body.id}/import?wait=true`, {}),
      ),
    )
    const outcomes = answers.map((r) =>
      r.status === 201 ? (r.body.result?.status ?? 'none') : `${r.status} ${r.body.error?.code}`,
    )
    expect(outcomes.filter((o) => o === 'imported')).toHaveLength(1)
    // the others waited for the first and found its rows, or were told to wait (409)
    expect(outcomes.every((o) => o === 'imported' || o === 'unchanged' || o === '409 import_busy')).toBe(true)
    expect((await gmvByShop()).P).toEqual({ rows: 3000, total: 30000 })
  })
})
