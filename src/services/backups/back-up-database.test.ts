import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../api/create-app.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { type DatabaseHandle, openDatabase } from '../../db/open-database.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { differingAnswers, readApiAnswers } from '../../test-support/read-api-answers.ts'
import { demoExtensions } from '../demo/demo-extensions.ts'
import { loadDemoCompany } from '../demo/load-demo-company.ts'
import { backUpDatabase } from './back-up-database.ts'
import { detectBackupKind, restoreDatabase } from './restore-database.ts'

const adminUrl = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const now = new Date('2026-12-07T09:00:00Z')
const demoAdmin = { username: 'admin', password: 'jixiao123', companyCode: 'demo' }

// A backup is only worth what a restore gives back: the demo company is read through the API before the backup
// and again from a fresh database restored from it, and every answer must be the same.
describe.each(await testEngines())('backup and restore on %s', { timeout: 300_000 }, (engine) => {
  let source: TestDatabase
  let folder: string
  let backupFile: string
  let restored: DatabaseHandle | undefined
  let restoredDatabase: string | undefined

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'jixiao-backup-test-'))
    source = await createTestDatabase(engine)
    await loadDemoCompany(source.db, demoExtensions)
    backupFile = path.join(folder, engine === 'pglite' ? 'jixiao.tar.gz' : 'jixiao.dump')
  })
  afterAll(async () => {
    await restored?.close()
    await source.close()
    if (restoredDatabase) await dropDatabase(restoredDatabase)
    await rm(folder, { recursive: true, force: true })
  })

  it('restores into a fresh database that answers every read exactly as before', async () => {
    const backup = await backUpDatabase(source, { outFile: backupFile, databaseUrl: source.url })
    expect(backup.bytes).toBeGreaterThan(0)
    expect(await detectBackupKind(backupFile)).toBe(engine)
    const before = await readApiAnswers(createApp({ db: source.db, engine, now: () => now }), demoAdmin)

    if (engine === 'pglite') {
      const dataDir = path.join(folder, 'restored')
      await restoreDatabase({ dataDir }, backupFile)
      restored = await openDatabase({ dataDir })
    } else {
      restoredDatabase = `jixiao_test_restore_${randomBytes(5).toString('hex')}`
      const url = await createEmptyDatabase(restoredDatabase)
      await restoreDatabase({ databaseUrl: url }, backupFile)
      restored = await openDatabase({ databaseUrl: url })
    }
    expect((await migrateToLatest(restored.db)).applied).toEqual([])
    const after = await readApiAnswers(createApp({ db: restored.db, engine, now: () => now }), demoAdmin)
    expect(Object.values(before).filter((answer) => answer.startsWith('200 ')).length).toBeGreaterThan(20)
    expect(differingAnswers(after, before)).toEqual([])
  })

  it('refuses to overwrite a file, or to restore into a database that is not empty', async () => {
    await expect(
      backUpDatabase(source, { outFile: backupFile, databaseUrl: source.url }),
    ).rejects.toMatchObject({
      code: 'conflict',
    })
    const target =
      engine === 'pglite' ? { dataDir: path.join(folder, 'restored') } : { databaseUrl: source.url! }
    await expect(restoreDatabase(target, backupFile)).rejects.toMatchObject({ code: 'conflict' })
  })

  it.runIf(engine === 'postgres')('says pg_dump is missing when it is not on PATH', async () => {
    const path = process.env.PATH
    process.env.PATH = folder
    try {
      await expect(
        backUpDatabase(source, { outFile: path ? `${backupFile}.2` : backupFile, databaseUrl: source.url }),
      ).rejects.toMatchObject({
        code: 'invalid_state',
        message: expect.stringMatching(/pg_dump is not on PATH/),
      })
    } finally {
      process.env.PATH = path
    }
  })

  it('names the right command for a backup of the other engine or a file that is no backup', async () => {
    const other = engine === 'pglite' ? { databaseUrl: adminUrl } : { dataDir: path.join(folder, 'other') }
    await expect(restoreDatabase(other, backupFile)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(engine === 'pglite' ? /without DATABASE_URL/ : /DATABASE_URL set/),
    })
    const notBackup = path.join(folder, 'notes.txt')
    await writeFile(notBackup, 'not a backup')
    await expect(restoreDatabase(other, notBackup)).rejects.toMatchObject({ code: 'invalid_input' })
  })
})

async function createEmptyDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`drop database if exists ${name} with (force)`)
  } finally {
    await admin.end()
  }
}
