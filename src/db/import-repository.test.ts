import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from './test-database.ts'

// jixiao_is_timestamp validates staged text without raising, so one bad cell cannot hide the others.
describe.each(await testEngines())('jixiao_is_timestamp on %s', (engine) => {
  let handle: TestDatabase
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
  })
  afterAll(async () => {
    await handle?.close()
  })

  it.each([
    ['2010-12-01 08:26:00', true],
    ['2010-12-01 08:26', true],
    ['2010-12-01', true],
    ['2010-12-01T08:26:00', true],
    ['2012-02-29', true],
    ['2011-1-5 8:05', true],
    ['2011-02-29', false],
    ['2011-02-30 10:00', false],
    ['2011-04-31', false],
    ['2011-13-01', false],
    ['2011-00-10', false],
    ['2011-12-01 24:00', false],
    ['2011-12-01 23:60', false],
    ['0000-01-01', false],
    ['2011/12/01', false],
    ['12/1/2010 8:26', false],
    ['2011-12-0a', false],
    ['', false],
  ])('%s → %s', async (text, valid) => {
    const { rows } = await sql<{ ok: boolean }>`select jixiao_is_timestamp(${text}) as ok`.execute(handle.db)
    expect(rows[0]?.ok).toBe(valid)
  })
})

// Facts carry company_id without a foreign key (bulk imports skip per-row checks); a trigger removes them.
describe.each(await testEngines())('deleting a company on %s', (engine) => {
  let handle: TestDatabase
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
  })
  afterAll(async () => {
    await handle?.close()
  })

  it("removes the company's facts and keeps the others'", async () => {
    const db = handle.db
    const company = async (name: string) =>
      (await sql<{ id: number }>`insert into companies (name) values (${name}) returning id`.execute(db))
        .rows[0]?.id as number
    const gone = await company('gone')
    const kept = await company('kept')
    for (const id of [gone, kept]) {
      await sql`insert into fact_orders (company_id, import_id, shop, order_no, ordered_at, day, amount, quantity, lines,
                                         is_cancellation, order_status)
                values (${id}, 1, 'A', 'O1', '2011-11-01 10:00', '2011-11-01', 5, 1, 1, false, 'order')`.execute(
        db,
      )
      await sql`insert into fact_traffic (company_id, import_id, row_no, day, date, shop, product_id, uv)
                values (${id}, 1, 2, '2011-11-01', '2011-11-01', 'A', '', 10)`.execute(db)
    }
    await sql`delete from companies where id = ${gone}`.execute(db)
    const left = await sql<{ company_id: number; n: number }>`
      select company_id, count(*)::int as n from (select company_id from fact_orders union all select company_id from fact_traffic) f
       group by company_id`.execute(db)
    expect(left.rows).toEqual([{ company_id: kept, n: 2 }])
  })
})
