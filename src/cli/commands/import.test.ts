import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { registerImportCommands } from './import.ts'
import { registerMetricsCommands } from './metrics.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const fixture = (name: string) => path.join(root, 'test-fixtures/ingest', name)

describe('jixiao import / imports / metrics', () => {
  let handle: TestDatabase
  let companyId: number
  const run = async (...args: string[]) => {
    const program = new Command().exitOverride()
    const openDeps = async () => ({ db: handle.db, handle, companyId, close: async () => {} })
    registerImportCommands(program, openDeps)
    registerMetricsCommands(program, openDeps)
    const out: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      await program.parseAsync(['node', 'jixiao', ...args])
    } finally {
      log.mockRestore()
      err.mockRestore()
    }
    return out.join('\n')
  }

  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    companyId = (
      await handle.db
        .insertInto('companies')
        .values({ name: 'cli' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(async () => {
    await handle?.close()
  })

  it('imports a file, says so, and finds it unchanged the second time', async () => {
    const file = fixture('synthetic-uci-online-retail.csv')
    expect(await run('import', 'orders', file)).toMatch(
      /imported as #1 \(orders, preset uci-online-retail.*6 rows, 2011-11-03 … 2011-11-05/,
    )
    const again = JSON.parse(await run('import', 'auto', file, '--json'))
    expect(again).toMatchObject({ status: 'unchanged', importId: 1 })
    expect(await run('imports', 'list')).toMatch(/completed\s+orders\s+uci-online-retail/)
  })

  it("says what an import replaced, by import and shop, and previews it with --dry-run (shop B's file keeps shop A's rows)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-cli-import-'))
    const write = (name: string, content: string) => {
      const p = path.join(dir, name)
      writeFileSync(p, content)
      return p
    }
    const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
    const shopA = write(
      'shop-a.csv',
      `${header}A1,S,x,1,2011-07-01 10:00,10.00,c,A\nA2,S,x,1,2011-07-01 11:00,10.00,c,A\n`,
    )
    const shopB = write('shop-b.csv', `${header}B1,S,x,1,2011-07-01 10:00,3.00,c,B\n`)
    const fixA = write('shop-a-fixed.csv', `${header}A1,S,x,1,2011-07-01 10:00,5.00,c,A\n`)
    expect(await run('import', 'orders', shopA)).toMatch(/replaced no earlier rows/)
    expect(await run('import', 'orders', shopB)).toMatch(
      /shop-b\.csv: imported as #\d+ .*\n {2}replaced no earlier rows/,
    )
    const dry = await run('import', 'orders', fixA, '--dry-run')
    expect(dry).toMatch(/valid, nothing written; importing it would store 1 rows/)
    expect(dry).toMatch(
      /would replace 2 earlier rows of the same source, shop and period:\n {2}import #\d+ shop-a\.csv, shop A: 2 rows/,
    )
    const done = await run('import', 'orders', fixA)
    expect(done).toMatch(
      /replaced 2 earlier rows of the same source, shop and period:\n {2}import #\d+ shop-a\.csv, shop A: 2 rows/,
    )
    expect(done).not.toMatch(/shop B/)
  })

  it('computes a metric per shop as a table and as JSON', async () => {
    expect(await run('metrics', 'gmv', '--by', 'shop', '--period', '2011-11')).toMatch(
      /United Kingdom\s+50\.94/,
    )
    const json = JSON.parse(await run('metrics', 'aov', '--by', 'shop', '--period', '2011-11', '--json'))
    expect(json.values.find((v: { group: string }) => v.group === 'France').value).toBe('51.00')
    expect(await run('metrics', 'list')).toMatch(/cancellation_rate/)
  })

  it('undoes an import', async () => {
    expect(await run('imports', 'undo', '1')).toMatch(/import #1 undone: 6 rows removed/)
    expect(JSON.parse(await run('metrics', 'gmv', '--period', '2011-11', '--json')).values).toEqual([])
  })

  it('refuses an unknown kind', async () => {
    await expect(run('import', 'widgets', fixture('synthetic-uci-online-retail.csv'))).rejects.toThrow(
      /unknown kind "widgets"/,
    )
  })
})
