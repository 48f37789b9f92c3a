import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listForeignKeys, listTablesWithCompanyId } from './company-archive-repository.ts'
import { selfReferences, tenantTables } from './tenant-tables.ts'
import { createTestDatabase, type TestDatabase, testEngines } from './test-database.ts'

// Company export, import and delete walk tenantTables only: a table left out would leak a deleted company's
// rows or lose them on export. These checks fail the moment a migration adds a table the list does not know.
describe.each(await testEngines())('tenant tables on %s', (engine) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase(engine)
  })
  afterAll(() => database.close())

  it('lists every table that has a company_id column, and no other', async () => {
    const withCompanyId = await listTablesWithCompanyId(database.db)
    expect([...tenantTables].sort()).toEqual(withCompanyId)
  })

  it('lists each table after the tables its foreign keys point to, so import can insert in list order', async () => {
    const position = new Map<string, number>(tenantTables.map((t, i) => [t, i]))
    const outOfOrder = (await listForeignKeys(database.db))
      .filter((fk) => fk.from !== fk.to && fk.to !== 'companies' && position.has(fk.from))
      .filter((fk) => (position.get(fk.to) ?? -1) > position.get(fk.from)!)
      .map((fk) => `${fk.from} → ${fk.to}`)
    expect(outOfOrder).toEqual([])
  })

  it('declares every column that points into its own table, so import can fill them last', async () => {
    const selfPointing = (await listForeignKeys(database.db))
      .filter((fk) => fk.from === fk.to)
      .map((fk) => `${fk.from}.${fk.columns.join(',')}`)
      .sort()
    const declared = Object.entries(selfReferences)
      .flatMap(([table, columns]) => (columns ?? []).map((c) => `${table}.${c}`))
      .sort()
    expect(declared).toEqual(selfPointing)
  })
})
