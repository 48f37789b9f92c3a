import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit, verifyAuditChain } from './audit-log-repository.ts'
import { migrateToLatest } from './migrate.ts'
import { type DatabaseHandle, openDatabase } from './open-database.ts'
import { createTestDatabase, isPostgresReachable, type TestDatabase } from './test-database.ts'
import { appRoleGrantsSql, twoRoleSetupSql } from './two-role-setup-sql.ts'

describe('the two-role setup SQL', () => {
  it('names both roles and revokes the audit log from the application', () => {
    const text = twoRoleSetupSql({ owner: 'jixiao_owner', app: 'jixiao_app' })
    expect(text).toContain('create role jixiao_app login')
    expect(text).toContain('revoke update, delete, truncate on audit_log from jixiao_app;')
    expect(() => twoRoleSetupSql({ owner: 'x; drop table users', app: 'a' })).toThrow(/role name/)
    expect(() => twoRoleSetupSql({ owner: 'same', app: 'same' })).toThrow(/must differ/)
  })
})

// Issue 12: on PostgreSQL the server runs as a role that may not UPDATE or DELETE audit rows at all, even with the
// trigger of migration 0021 dropped by the owner.
describe.skipIf(!(await isPostgresReachable()))('the application role on PostgreSQL', () => {
  const app = `jixiao_app_${randomBytes(4).toString('hex')}`
  let owner: TestDatabase
  let asApp: DatabaseHandle
  let companyId: number

  beforeAll(async () => {
    owner = await createTestDatabase('postgres')
    await sql.raw(`create role ${app} login`).execute(owner.db)
    const ownerRole = await sql<{ name: string }>`select current_user as name`.execute(owner.db)
    await sql.raw(appRoleGrantsSql({ owner: ownerRole.rows[0]!.name, app })).execute(owner.db)
    const url = new URL(owner.url!)
    url.username = app
    url.password = ''
    asApp = await openDatabase({ databaseUrl: url.toString() })
    const company = await owner.db
      .insertInto('companies')
      .values({ name: '两角色公司' })
      .returning('id')
      .executeTakeFirstOrThrow()
    companyId = company.id
  })
  afterAll(async () => {
    await asApp?.close()
    await sql.raw(`drop owned by ${app}`).execute(owner.db)
    await owner.close()
    const admin = new pg.Client({
      connectionString: process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    })
    await admin.connect()
    await admin.query(`drop role if exists ${app}`)
    await admin.end()
  })

  it('starts (nothing to migrate) and appends audit rows as the application role', async () => {
    expect(await migrateToLatest(asApp.db)).toEqual({ applied: [] })
    await appendAudit(asApp.db, { companyId, actorUserId: null, action: 'x', entity: 'x', entityId: 1 })
    expect(await verifyAuditChain(asApp.db, companyId)).toEqual({ ok: true, rows: 1 })
  })

  it('is refused UPDATE, DELETE and TRUNCATE of audit_log by permission, trigger or not', async () => {
    // The owner switches the trigger's fence off; the application role's missing privilege still holds.
    await sql`alter table audit_log disable trigger user`.execute(owner.db)
    const refused = /permission denied for table audit_log/
    try {
      await expect(asApp.db.deleteFrom('audit_log').execute()).rejects.toThrow(refused)
      await expect(asApp.db.updateTable('audit_log').set({ reason: '改' }).execute()).rejects.toThrow(refused)
      await expect(sql`truncate audit_log`.execute(asApp.db)).rejects.toThrow(refused)
    } finally {
      await sql`alter table audit_log enable trigger user`.execute(owner.db)
    }
    expect(await verifyAuditChain(owner.db, companyId)).toEqual({ ok: true, rows: 1 })
  })
})
