import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { computeMetric } from '../metrics/compute-metric.ts'
import { importFile } from './import-file.ts'

// The 巨量千川, 抖店, 京东商智 and 拼多多 samples (test-fixtures/ingest/generate-marketplace-fixtures.ts), each
// detected without naming a preset and imported through importFile into the metrics worked out by hand.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const fixture = (name: string) => path.join(root, 'test-fixtures/ingest', name)

describe.each(await testEngines())('marketplace presets on %s', (engine) => {
  let handle: TestDatabase
  let db: Db
  let companyId: number

  const importSample = async (name: string, shop: string) =>
    importFile({ db, handle }, { companyId, filePath: fixture(name), fileName: name, shop })
  const metric = async (key: string, shop: string, period = '2026-11') => {
    const result = await computeMetric({ db }, { companyId, metric: key, by: 'shop', period })
    return result.values.find((v) => v.group === shop)?.value ?? null
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    db = handle.db
    companyId = (
      await db
        .insertInto('companies')
        .values({ name: '多平台店铺' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(async () => {
    await handle?.close()
  })

  it('巨量千川 计划报表: spend, impressions, clicks, sales and orders of each plan and day (合计 row dropped)', async () => {
    const result = await importSample('synthetic-巨量千川_计划数据_2026-11-01_2026-11-02.xlsx', '抖音旗舰店')
    expect(result).toMatchObject({
      status: 'imported',
      kind: 'ad_spend',
      preset: 'qianchuan-campaigns',
      rows: 3,
    })
    expect(await metric('ad_spend', '抖音旗舰店')).toBe('3000.00')
    expect(await metric('impressions', '抖音旗舰店')).toBe('200000')
    expect(await metric('click_through_rate', '抖音旗舰店')).toBe('0.0185')
    expect(await metric('roi', '抖音旗舰店')).toBe('2.9')
    expect(await metric('cost_per_order', '抖音旗舰店')).toBe('50.00')
    const channels = await sql<{ channel: string; campaign_id: string }>`
      select distinct channel, campaign_id from fact_ad_spend where company_id = ${companyId} order by campaign_id`.execute(
      db,
    )
    expect(channels.rows).toEqual([
      { channel: '巨量千川', campaign_id: '1783456789012345' },
      { channel: '巨量千川', campaign_id: '1783456789012346' },
    ])
  })

  it('抖店 orders: sub-orders become lines of their 主订单, 已关闭 is left out of sales, times read from 2026/11/01 20:15:32', async () => {
    const result = await importSample('synthetic-抖店_订单导出_20261103120000.csv', '抖店旗舰店')
    expect(result).toMatchObject({ status: 'imported', kind: 'orders', preset: 'doudian-orders', rows: 5 })
    // 289.00 + (109.80 + 29.90) + 79.90; the 已关闭 order (299.00) is a cancellation.
    expect(await metric('gmv', '抖店旗舰店')).toBe('508.60')
    expect(await metric('orders', '抖店旗舰店')).toBe('3')
    expect(await metric('aov', '抖店旗舰店')).toBe('169.53')
    expect(await metric('cancellation_rate', '抖店旗舰店')).toBe('0.25')
    const orders = await sql<{ order_no: string; lines: number; amount: string; order_status: string }>`
      select order_no, lines, amount::text as amount, order_status from fact_orders
       where company_id = ${companyId} and shop = '抖店旗舰店' order by order_no`.execute(db)
    expect(orders.rows.map((o) => [o.order_no, Number(o.lines), Number(o.amount), o.order_status])).toEqual([
      ['6930185520000001', 1, 289, 'order'],
      ['6930185520000002', 2, 139.7, 'order'],
      ['6930185520000005', 1, 299, 'cancellation'],
      ['6930185520000006', 1, 79.9, 'order'],
    ])
    const first = await sql<{ ordered_at: unknown }>`
      select to_char(ordered_at, 'YYYY-MM-DD HH24:MI:SS') as ordered_at from fact_order_lines
       where company_id = ${companyId} and order_no = '6930185520000001'`.execute(db)
    expect(first.rows[0]?.ordered_at).toBe('2026-11-01 20:15:32')
  })

  it('拼多多 orders: 已取消 and 未发货，退款成功 are left out, 已发货，待签收 is an order; amount is 用户实付金额', async () => {
    const result = await importSample('synthetic-拼多多_订单明细_2026-11-03.csv', '拼多多旗舰店')
    expect(result).toMatchObject({ status: 'imported', kind: 'orders', preset: 'pdd-orders', rows: 5 })
    // 36.90 + 74.80 + 39.90
    expect(await metric('gmv', '拼多多旗舰店')).toBe('151.60')
    expect(await metric('orders', '拼多多旗舰店')).toBe('3')
    expect(await metric('cancellation_rate', '拼多多旗舰店')).toBe('0.4')
    const statuses = await sql<{ order_no: string; order_status: string }>`
      select order_no, order_status from fact_orders
       where company_id = ${companyId} and shop = '拼多多旗舰店' order by order_no`.execute(db)
    expect(statuses.rows.map((r) => r.order_status)).toEqual([
      'order',
      'order',
      'cancellation',
      'cancellation',
      'order',
    ])
  })

  it('refuses a 拼多多 order row without 订单成交时间, naming the row and the column, and imports nothing', async () => {
    const sample = readFileSync(fixture('synthetic-拼多多_订单明细_2026-11-03.csv'), 'utf8').split('\r\n')
    // Row 3 of the file (the second order) loses its 订单成交时间 (column 12).
    const cells = (sample[2] ?? '').split(',')
    cells[11] = ''
    sample[2] = cells.join(',')
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'jixiao-pdd-')), '拼多多_订单明细_缺成交时间.csv')
    writeFileSync(file, sample.join('\r\n'))
    let error: unknown
    try {
      await importFile({ db, handle }, { companyId, filePath: file, shop: '拼多多二店' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).message).toContain('订单成交时间')
    expect((error as DomainError).issues?.[0]?.path).toBe('row 3.订单成交时间')
    expect(await metric('orders', '拼多多二店')).toBeNull()
  })

  it('京东商智 店铺经营概况: UV, PV, stay, bounce and the report’s 成交金额 and 成交转化率', async () => {
    const result = await importSample(
      'synthetic-京东商智_经营概况_2026-11-01_2026-11-02.xlsx',
      '京东自营旗舰店',
    )
    expect(result).toMatchObject({ status: 'imported', kind: 'traffic', preset: 'jd-shop', rows: 2 })
    expect(await metric('uv', '京东自营旗舰店')).toBe('2000')
    expect(await metric('pv', '京东自营旗舰店')).toBe('7800')
    expect(await metric('pv_per_uv', '京东自营旗舰店')).toBe('3.9')
    // (85 × 1,200 + 60 × 800) / 2,000 and (35% × 1,200 + 40% × 800) / 2,000
    expect(await metric('avg_time_on_page_seconds', '京东自营旗舰店')).toBe('75')
    expect(await metric('bounce_rate', '京东自营旗舰店')).toBe('0.37')
    expect(await metric('shop_report_sales', '京东自营旗舰店')).toBe('20000.00')
    expect(await metric('shop_report_conversion_rate', '京东自营旗舰店')).toBe('0.04')
  })

  it('京东商智 商品明细: product rows keep 商品编号 and their figures, and do not count as the shop’s UV', async () => {
    const result = await importSample(
      'synthetic-京东商智_商品明细_2026-11-01_2026-11-01.xlsx',
      '京东家电专营店',
    )
    expect(result).toMatchObject({ status: 'imported', kind: 'traffic', preset: 'jd-goods', rows: 2 })
    const rows = await sql<{ product_id: string; uv: unknown; pv: unknown; paid_amount: string }>`
      select product_id, uv, pv, paid_amount::text as paid_amount from fact_traffic
       where company_id = ${companyId} and shop = '京东家电专营店' order by product_id`.execute(db)
    expect(rows.rows.map((r) => [r.product_id, Number(r.uv), Number(r.pv), Number(r.paid_amount)])).toEqual([
      ['100012345678', 500, 1500, 3990],
      ['100012345679', 300, 900, 2990],
    ])
    expect(await metric('uv', '京东家电专营店')).toBeNull()
  })

  it('拼多多 店铺数据: 店铺访客数 and 店铺浏览量 are the shop’s UV and PV; 成交金额 and 成交转化率 as reported', async () => {
    const result = await importSample(
      'synthetic-拼多多_流量数据_数据总览_2026-11-01_2026-11-02.xlsx',
      '拼多多旗舰店',
    )
    expect(result).toMatchObject({ status: 'imported', kind: 'traffic', preset: 'pdd-shop', rows: 2 })
    expect(await metric('uv', '拼多多旗舰店')).toBe('3500')
    expect(await metric('pv', '拼多多旗舰店')).toBe('11500')
    expect(await metric('shop_report_sales', '拼多多旗舰店')).toBe('9540.00')
    // 150 / 3,500
    expect(await metric('shop_report_conversion_rate', '拼多多旗舰店')).toBe('0.042857')
    // The 拼多多 orders imported above and this report are one shop: buyers over UV mixes both, as for 生意参谋.
    expect(await metric('gmv', '拼多多旗舰店')).toBe('151.60')
  })
})
