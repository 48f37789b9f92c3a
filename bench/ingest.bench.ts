// Benchmark: importing UCI Online Retail (541,909 rows) through the product's import path versus the
// engine's own COPY of the same rows into an equivalent table, on PostgreSQL and on PGlite.
// Run: node bin/run-ts.js bench/ingest.bench.ts [--pglite-only|--postgres-only]   (prints JSON)
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { from as copyFrom } from 'pg-copy-streams'
import type { DatabaseHandle } from '../src/db/open-database.ts'
import { createTestDatabase, isPostgresReachable } from '../src/db/test-database.ts'
import { importFile } from '../src/services/ingest/import-file.ts'
import { openBenchDatabase } from './bench-database.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dataDir = path.resolve(root, '../shared/data/uci-online-retail/by-day')
if (!existsSync(dataDir)) throw new Error(`UCI Online Retail data is missing: expected ${dataDir}`)

// One file with all 305 days (header once), the way a shop would export a year.
const file = path.join(tmpdir(), `jixiao-bench-uci-${process.pid}.csv`)
const days = readdirSync(dataDir)
  .filter((f) => f.endsWith('.csv'))
  .sort()
const parts: string[] = []
for (const [i, day] of days.entries()) {
  const text = readFileSync(path.join(dataDir, day), 'utf8')
  parts.push(i === 0 ? text : text.slice(text.indexOf('\n') + 1))
}
writeFileSync(file, parts.join(''))
parts.length = 0
const bytes = readFileSync(file).length

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 20)

const plainTable = `create table bench_plain (invoice_no text, stock_code text, description text, quantity bigint,
  invoice_date timestamp, unit_price numeric, customer_id text, country text)`
// The same columns, keys and indexes as fact_order_lines, so COPY pays for the same index upkeep.
const indexedTable = [
  `create table bench_indexed (id bigint primary key generated always as identity, invoice_no text not null,
     stock_code text, description text, quantity bigint not null, invoice_date timestamp not null, unit_price numeric,
     customer_id text, country text not null default '', line_no bigint not null default 0, day date)`,
  'create index bench_indexed_nk on bench_indexed (country, invoice_no, line_no)',
  'create index bench_indexed_day on bench_indexed (day)',
]
const copyColumns =
  '(invoice_no, stock_code, description, quantity, invoice_date, unit_price, customer_id, country)'

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T; rssMb: number }> {
  global.gc?.()
  peakRss = process.memoryUsage().rss
  const t = performance.now()
  const result = await fn()
  return { ms: Math.round(performance.now() - t), result, rssMb: Math.round(peakRss / 1048576) }
}

async function company(handle: DatabaseHandle): Promise<number> {
  const db = handle.db
  return (
    await db.insertInto('companies').values({ name: 'bench' }).returning('id').executeTakeFirstOrThrow()
  ).id
}

async function benchPostgres() {
  const handle = await createTestDatabase('postgres')
  try {
    const pool = handle.pool
    if (!pool) throw new Error('no pool')
    const copy = async (table: string) => {
      const client = await pool.connect()
      try {
        const stream = client.query(
          copyFrom(`copy ${table} ${copyColumns} from stdin with (format csv, header true)`),
        )
        await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), stream)
        return stream.rowCount
      } finally {
        client.release()
      }
    }
    await pool.query(plainTable)
    for (const s of indexedTable) await pool.query(s)
    const plain = await timed(() => copy('bench_plain'))
    const indexed = await timed(() => copy('bench_indexed'))
    const companyId = await company(handle)
    const product = await timed(() => importFile({ db: handle.db, handle }, { companyId, filePath: file }))
    return {
      engine: 'postgres',
      rows: product.result.rows,
      copyPlainMs: plain.ms,
      copyIndexedMs: indexed.ms,
      importMs: product.ms,
      ratioVsPlainCopy: +(product.ms / plain.ms).toFixed(2),
      ratioVsIndexedCopy: +(product.ms / indexed.ms).toFixed(2),
      copyIndexedPeakRssMb: indexed.rssMb,
      importPeakRssMb: product.rssMb,
    }
  } finally {
    await handle.close()
  }
}

async function benchPglite() {
  const copyHandle = await openBenchDatabase('pglite')
  let plain: { ms: number }
  let indexed: { ms: number; rssMb: number }
  try {
    const pg = copyHandle.pglite
    if (!pg) throw new Error('no pglite')
    await pg.exec(plainTable)
    for (const s of indexedTable) await pg.exec(s)
    const copy = (table: string) =>
      pg.query(`copy ${table} ${copyColumns} from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([readFileSync(file)]),
      })
    plain = await timed(() => copy('bench_plain'))
    indexed = await timed(() => copy('bench_indexed'))
  } finally {
    await copyHandle.close()
  }
  const handle = await openBenchDatabase('pglite')
  try {
    const companyId = await company(handle)
    const product = await timed(() => importFile({ db: handle.db, handle }, { companyId, filePath: file }))
    const [check] = (
      await sql<{ n: number }>`select count(*)::int as n from fact_order_lines`.execute(handle.db)
    ).rows
    return {
      engine: 'pglite (data folder)',
      rows: check?.n,
      copyPlainMs: plain.ms,
      copyIndexedMs: indexed.ms,
      importMs: product.ms,
      ratioVsPlainCopy: +(product.ms / plain.ms).toFixed(2),
      ratioVsIndexedCopy: +(product.ms / indexed.ms).toFixed(2),
      copyIndexedPeakRssMb: indexed.rssMb,
      importPeakRssMb: product.rssMb,
    }
  } finally {
    await handle.close()
  }
}

const results: unknown[] = []
const only = process.argv[2]
try {
  if (only !== '--pglite-only' && (await isPostgresReachable())) results.push(await benchPostgres())
  if (only !== '--postgres-only') results.push(await benchPglite())
} finally {
  clearInterval(sampler)
  rmSync(file, { force: true })
}
console.log(JSON.stringify({ file: 'UCI Online Retail, 305 days in one CSV', bytes, results }, null, 2))
