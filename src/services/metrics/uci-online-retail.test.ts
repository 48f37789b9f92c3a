import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Decimal from 'decimal.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { importFile } from '../ingest/import-file.ts'
import { computeMetric } from './compute-metric.ts'

// Real data: UCI Online Retail (541,909 rows, 305 daily CSVs) imported through the product's path,
// then GMV, orders, buyers, AOV and cancellation rate per shop (Country) and month compared to the
// cent with a second, independent computation that sums the raw CSV rows in decimal.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const dataDir = path.resolve(root, '../shared/data/uci-online-retail/by-day')
if (!existsSync(dataDir))
  throw new Error(`UCI Online Retail data is missing: expected ${dataDir} (see shared/data/README.md)`)
const files = readdirSync(dataDir)
  .filter((f) => f.endsWith('.csv'))
  .sort()

/** A minimal RFC 4180 line splitter, independent of the importer's csv-parse. */
function splitCsvLine(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}

type Expected = { gmv: Decimal; orders: number; buyers: number; cancelled: number }

/** Per month and country: the second path's figures. */
function independentFigures(files: string[]): Map<string, Map<string, Expected>> {
  type Invoice = { country: string; month: string; customer: string; amount: Decimal; anyPositive: boolean }
  const invoices = new Map<string, Invoice>()
  for (const file of files) {
    const lines = readFileSync(path.join(dataDir, file), 'utf8').split(/\r?\n/)
    for (const line of lines.slice(1)) {
      if (line === '') continue
      const [invoiceNo = '', , , qty = '', date = '', price = '', customer = '', country = ''] =
        splitCsvLine(line)
      const key = `${country}\u0000${invoiceNo}`
      let inv = invoices.get(key)
      if (!inv) {
        inv = {
          country,
          month: date.slice(0, 7),
          customer: customer.trim(),
          amount: new Decimal(0),
          anyPositive: false,
        }
        invoices.set(key, inv)
      }
      if (date.slice(0, 7) < inv.month) inv.month = date.slice(0, 7)
      inv.amount = inv.amount.plus(new Decimal(qty).times(price))
      if (Number(qty) > 0) inv.anyPositive = true
    }
  }
  const result = new Map<string, Map<string, Expected & { customers: Set<string> }>>()
  for (const [key, inv] of invoices) {
    const invoiceNo = key.split('\u0000')[1] ?? ''
    const byCountry = result.get(inv.month) ?? new Map()
    result.set(inv.month, byCountry)
    const e = byCountry.get(inv.country) ?? {
      gmv: new Decimal(0),
      orders: 0,
      buyers: 0,
      cancelled: 0,
      customers: new Set(),
    }
    byCountry.set(inv.country, e)
    if (invoiceNo.startsWith('C')) e.cancelled++
    else if (invoiceNo.startsWith('A') || !inv.anyPositive) continue
    else {
      e.orders++
      e.gmv = e.gmv.plus(inv.amount)
      if (inv.customer !== '') e.customers.add(inv.customer)
    }
  }
  for (const byCountry of result.values()) for (const e of byCountry.values()) e.buyers = e.customers.size
  return result
}

// PostgreSQL takes the whole year; PGlite (slower, and what CI always has) takes November 2011 (26 files, 84,711 rows).
const engines = await testEngines()
const scope = (engine: string) =>
  engine === 'postgres'
    ? { files, rows: 541_909 }
    : { files: files.filter((f) => f.startsWith('2011-11')), rows: 84_711 }

describe.each(engines)('UCI Online Retail on %s', (engine) => {
  let handle: TestDatabase
  let db: Db
  let companyId: number
  let importedRows = 0

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    db = handle.db
    companyId = (
      await db.insertInto('companies').values({ name: 'UCI' }).returning('id').executeTakeFirstOrThrow()
    ).id
    const started = performance.now()
    for (const file of scope(engine).files) {
      const result = await importFile(
        { db, handle },
        { companyId, filePath: path.join(dataDir, file), preset: 'uci-online-retail' },
      )
      importedRows += result.rows
    }
    console.log(
      `[uci] ${engine}: ${scope(engine).files.length} files, ${importedRows} rows in ${Math.round(performance.now() - started)} ms`,
    )
  }, 600_000)
  afterAll(async () => {
    await handle?.close()
  })

  it('imports every row of the files', () => {
    expect(files).toHaveLength(305)
    expect(importedRows).toBe(scope(engine).rows)
  })

  it('matches the independent computation per shop and month to the cent', async () => {
    const expected = independentFigures(scope(engine).files)
    let compared = 0
    for (const [month, byCountry] of [...expected].sort()) {
      const get = async (metric: string) =>
        new Map(
          (await computeMetric({ db }, { companyId, metric, by: 'shop', period: month })).values.map((v) => [
            v.group,
            v,
          ]),
        )
      const [gmv, orders, buyers, aov, cancellation] = await Promise.all(
        ['gmv', 'orders', 'buyers', 'aov', 'cancellation_rate'].map(get),
      )
      for (const [country, e] of byCountry) {
        const where = `${country} ${month}`
        if (e.orders > 0) {
          expect(gmv?.get(country)?.value, where).toBe(
            e.gmv.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
          )
          expect(orders?.get(country)?.value, where).toBe(String(e.orders))
          expect(buyers?.get(country)?.value ?? '0', where).toBe(String(e.buyers))
          expect(aov?.get(country)?.value, where).toBe(
            e.gmv.div(e.orders).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
          )
        } else expect(orders?.get(country)?.value, where).toBeUndefined()
        const placed = e.orders + e.cancelled
        if (placed > 0)
          expect(cancellation?.get(country)?.value, where).toBe(
            new Decimal(e.cancelled).div(placed).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toString(),
          )
        compared++
      }
    }
    expect(compared).toBeGreaterThan(engine === 'postgres' ? 200 : 15)
  }, 300_000)
})
