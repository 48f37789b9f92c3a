import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../api/testing/close-test-database.ts'
import {
  allowAuditRemovalOfDeletedCompanies,
  appendAudit,
  canonicalJson,
  hashAuditChain,
  listAudit,
  verifyAuditChain,
} from './audit-log-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from './test-database.ts'
import { tamperWithAuditLog } from './testing/tamper-with-audit-log.ts'

describe('canonicalJson', () => {
  it('sorts keys at every level so jsonb key reordering does not change the hash input', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    )
    expect(canonicalJson({ a: undefined, b: '小冰' })).toBe('{"b":"小冰"}')
  })
})

describe('hashAuditChain', () => {
  it('hashes rows to the same values as ever (stored chains keep verifying)', () => {
    const at = new Date('2026-12-07T06:00:00.123Z')
    const rows = hashAuditChain(
      'GENESIS',
      [
        {
          companyId: 3,
          actorUserId: 7,
          action: 'employee.create',
          entity: 'employee',
          entityId: 41,
          after: { employeeNo: 'P00001' },
          reason: 'roster.import #812',
        },
        {
          companyId: 3,
          actorUserId: null,
          action: 'employee.update',
          entity: 'employee',
          entityId: '42',
          before: { name: '小冰', managerNo: null },
          after: { name: '小冰冰', managerNo: 'E002' },
        },
        {
          companyId: 3,
          actorUserId: null,
          action: 'pay.approve',
          entity: 'pay_sheet',
          entityId: 5,
          after: { lines: [{ b: 1, a: 2.5 }], ok: true },
        },
      ],
      at,
    )
    // Computed before the body was written without sorting its keys per row.
    expect(rows.map((r) => r.hash)).toEqual([
      'bc707178c47db57d323bc2f3d7f6c203b31d1042b8884a2029ec42d59f8bfa91',
      '8a20cf0d5c954191e34f2422600a9a860ba99620bd88ea104d9be7c53769bbe8',
      '01f969eb68e681e2d5f5ef83863fadb5489ba566f89d48dac30e31cb32a15547',
    ])
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash)
  })
})

describe.each(await testEngines())('audit log on %s', (engine) => {
  let handle: TestDatabase
  let companyA: number
  let companyB: number
  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    const rows = await handle.db
      .insertInto('companies')
      .values([{ name: '甲公司' }, { name: '乙公司' }])
      .returning('id')
      .execute()
    companyA = rows[0]!.id
    companyB = rows[1]!.id
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('chains rows per company from GENESIS and verifies an untouched chain', async () => {
    const { db } = handle
    const first = await appendAudit(db, {
      companyId: companyA,
      actorUserId: null,
      action: 'employee.create',
      entity: 'employee',
      entityId: 1,
      after: { name: '小冰', hireDate: '2024-03-01', nested: { b: 2, a: 1 } },
    })
    expect(first.prevHash).toBe('GENESIS')
    const second = await appendAudit(db, {
      companyId: companyA,
      actorUserId: null,
      action: 'employee.update',
      entity: 'employee',
      entityId: 1,
      before: { name: '小冰' },
      after: { name: '小冰冰' },
      reason: '改名',
    })
    expect(second.prevHash).toBe(first.hash)
    const otherCompany = await appendAudit(db, {
      companyId: companyB,
      actorUserId: null,
      action: 'department.create',
      entity: 'department',
      entityId: 9,
      after: { name: '客服部' },
    })
    expect(otherCompany.prevHash).toBe('GENESIS')
    expect(await verifyAuditChain(db, companyA)).toEqual({ ok: true, rows: 2 })
    expect(await verifyAuditChain(db, companyB)).toEqual({ ok: true, rows: 1 })
    const listed = await listAudit(db, companyA, { entity: 'employee', entityId: 1 })
    expect(listed.map((r) => r.action)).toEqual(['employee.update', 'employee.create'])
  })

  it('serialises concurrent appends so the chain stays linear', async () => {
    const { db } = handle
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction().execute((trx) =>
          appendAudit(trx, {
            companyId: companyB,
            actorUserId: null,
            action: 'department.update',
            entity: 'department',
            entityId: i,
            after: { i },
          }),
        ),
      ),
    )
    const check = await verifyAuditChain(db, companyB)
    expect(check).toEqual({ ok: true, rows: 13 })
    const prevs = await db
      .selectFrom('audit_log')
      .select('prev_hash')
      .where('company_id', '=', companyB)
      .execute()
    expect(new Set(prevs.map((p) => p.prev_hash)).size).toBe(13)
  })

  it('detects a row altered directly in the database', async () => {
    const { db } = handle
    const rows = await listAudit(db, companyA)
    const target = rows.at(-1)!
    await tamperWithAuditLog(db, (trx) =>
      sql`update audit_log set after = ${JSON.stringify({ name: '篡改' })}::jsonb where id = ${target.id}`.execute(
        trx,
      ),
    )
    expect(await verifyAuditChain(db, companyA)).toEqual({
      ok: false,
      rows: 1,
      brokenRowId: target.id,
      reason: 'hash_mismatch',
    })
  })

  it('detects a deleted row by the broken link of its successor', async () => {
    const { db } = handle
    const rows = await listAudit(db, companyB, { limit: 1000 })
    const victim = rows[5]!
    await tamperWithAuditLog(db, (trx) => trx.deleteFrom('audit_log').where('id', '=', victim.id).execute())
    const check = await verifyAuditChain(db, companyB, 4)
    expect(check.ok).toBe(false)
    if (!check.ok) {
      expect(check.reason).toBe('prev_hash_mismatch')
      expect(check.brokenRowId).toBe(rows[4]!.id)
    }
  })

  // Issue 12: the application could UPDATE or DELETE audit rows; the database itself now refuses (migration 0021).
  it('refuses UPDATE, DELETE and TRUNCATE of audit rows in the database', async () => {
    const { db } = handle
    const [row] = await listAudit(db, companyA, { limit: 1 })
    await expect(
      db.updateTable('audit_log').set({ reason: '改' }).where('id', '=', row!.id).execute(),
    ).rejects.toThrow(/audit_log is append-only: UPDATE refused/)
    await expect(db.deleteFrom('audit_log').where('id', '=', row!.id).execute()).rejects.toThrow(
      /audit_log is append-only: DELETE refused/,
    )
    await expect(db.deleteFrom('audit_log').where('company_id', '=', companyA).execute()).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/TRUNCATE refused/)
    // Not even a transaction that says it removes a company may delete the rows of a company that stays.
    await expect(
      db.transaction().execute(async (trx) => {
        await allowAuditRemovalOfDeletedCompanies(trx)
        await trx.deleteFrom('audit_log').where('company_id', '=', companyA).execute()
      }),
    ).rejects.toThrow(/append-only/)
    expect((await listAudit(db, companyA, { limit: 1 }))[0]).toEqual(row)
  })

  it('lets only a transaction that removes a company as a whole take its audit rows with it', async () => {
    const { db } = handle
    const { id } = await db
      .insertInto('companies')
      .values({ name: '演示公司' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(db, { companyId: id, actorUserId: null, action: 'x', entity: 'x', entityId: 1 })
    await expect(db.deleteFrom('companies').where('id', '=', id).execute()).rejects.toThrow(/append-only/)
    await db.transaction().execute(async (trx) => {
      await allowAuditRemovalOfDeletedCompanies(trx)
      await trx.deleteFrom('companies').where('id', '=', id).execute()
    })
    expect(await listAudit(db, id)).toEqual([])
  })
})

describe('canonicalJson properties', () => {
  it('gives the same text for any key order, at any depth', () => {
    const shuffle = (v: unknown, seed: number): unknown => {
      if (Array.isArray(v)) return v.map((x, i) => shuffle(x, seed + i))
      if (v && typeof v === 'object') {
        const entries = Object.entries(v)
        const rotated = entries
          .slice(seed % (entries.length || 1))
          .concat(entries.slice(0, seed % (entries.length || 1)))
        return Object.fromEntries(rotated.reverse().map(([k, x]) => [k, shuffle(x, seed + 1)]))
      }
      return v
    }
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(50), (value, seed) => {
        expect(canonicalJson(shuffle(value, seed))).toBe(canonicalJson(value))
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))
      }),
    )
  })
})
