import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { migrateToLatest } from './migrate.ts'
import { type DatabaseHandle, openDatabase } from './open-database.ts'

// Test support: a fresh, migrated database per test file on either engine. Starting an empty PGlite cluster and
// running every migration costs seconds per test file; so the test run migrates one template per engine first
// (`prepareTestTemplates`, vitest's global setup) and each file starts from a copy of it.
export type EngineName = 'pglite' | 'postgres'

const adminUrl = process.env.JIXIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

let postgresReachable: Promise<boolean> | undefined

/** Whether the local PostgreSQL server answers. In CI it must: a missing server fails the run rather than skipping. */
export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 })
    try {
      await client.connect()
      await client.end()
      return true
    } catch {
      if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${adminUrl}; CI requires it`)
      console.warn(`[jixiao tests] PostgreSQL not reachable at ${adminUrl}: PostgreSQL variants are skipped`)
      return false
    }
  })()
  return postgresReachable
}

export type TestDatabase = DatabaseHandle & { url?: string }

/**
 * A migrated throwaway database; PostgreSQL ones are created and dropped per call. `thread`: PGlite on a thread of
 * its own, as `jixiao serve` runs it (default: JIXIAO_TEST_PGLITE_THREAD=1, to run a suite that way once).
 */
export async function createTestDatabase(
  engine: EngineName,
  options: { thread?: boolean } = {},
): Promise<TestDatabase> {
  const key = templateKey()
  if (engine === 'pglite') {
    const dump = pgliteTemplateFile(key)
    const loadDataDir = existsSync(dump) ? new Blob([readFileSync(dump)]) : undefined
    const thread = options.thread ?? process.env.JIXIAO_TEST_PGLITE_THREAD === '1'
    const handle = await openDatabase({ memory: true, loadDataDir, thread })
    if (!loadDataDir) await migrateToLatest(handle.db)
    return handle
  }
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  let fromTemplate = true
  try {
    await admin.query(`create database ${name} template ${postgresTemplateName(key)}`)
  } catch {
    fromTemplate = false
    await admin.query(`create database ${name}`)
  }
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ databaseUrl: url.toString() })
  if (!fromTemplate) await migrateToLatest(handle.db)
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await closePoolFully(handle)
      await dropThrowawayDatabase(name)
    },
  }
}

/** The engines to run a data-layer test against: always PGlite, PostgreSQL where reachable. */
export async function testEngines(): Promise<EngineName[]> {
  return (await isPostgresReachable()) ? ['pglite', 'postgres'] : ['pglite']
}

// A stuck backend elsewhere on the server (e.g. a killed client left mid-COPY) can hold a forced drop for ever;
// a throwaway database left behind is harmless, a test run that never ends is not. So the drop gets 30 s.
async function dropThrowawayDatabase(name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: adminUrl, statement_timeout: 30_000 })
  await dropper.connect()
  try {
    await dropper.query(`drop database if exists ${name} with (force)`)
  } catch (error) {
    console.warn(`test database ${name} was left behind: ${(error as Error).message}`)
  } finally {
    await dropper.end().catch(() => {})
  }
}

// pg-pool's end() resolves before its clients have closed their sockets; dropping the database "with (force)"
// would then kill those sockets and surface as an uncaught error. Wait for every client to go first.
async function closePoolFully(handle: DatabaseHandle): Promise<void> {
  const pool = handle.pool
  const open = pool?.totalCount ?? 0
  if (!pool || open === 0) return handle.close()
  const closed = new Promise<void>((resolve) => {
    let removed = 0
    pool.on('remove', () => {
      if (++removed >= open) resolve()
    })
    setTimeout(resolve, 2000).unref()
  })
  await handle.close()
  await closed
}

// ---- migrated templates --------------------------------------------------------------------------------------

const here = path.dirname(fileURLToPath(import.meta.url))
const cacheFolder = path.join(here, '..', '..', 'node_modules', '.cache', 'jixiao-tests')

let key: string | undefined

/** Names the templates after the migrations and the PGlite version: a changed migration makes new templates. */
function templateKey(): string {
  if (key) return key
  const hash = createHash('sha256')
  const folder = path.join(here, 'migrations')
  for (const file of readdirSync(folder).sort())
    hash.update(file).update(readFileSync(path.join(folder, file)))
  hash.update(
    readFileSync(path.join(here, '..', '..', 'node_modules', '@electric-sql', 'pglite', 'package.json')),
  )
  key = hash.digest('hex').slice(0, 16)
  return key
}

const pgliteTemplateFile = (k: string) => path.join(cacheFolder, `pglite-${k}.tar`)
const postgresTemplateName = (k: string) => `jixiao_template_${k}`

/** Migrates one template database per engine, once per set of migrations (vitest's global setup calls it). */
export async function prepareTestTemplates(): Promise<void> {
  const k = templateKey()
  const dump = pgliteTemplateFile(k)
  if (!existsSync(dump)) {
    const handle = await openDatabase({ memory: true })
    await migrateToLatest(handle.db)
    const blob = await handle.pglite!.dumpDataDir('none')
    await handle.close()
    mkdirSync(cacheFolder, { recursive: true })
    // Written aside and renamed, so a run starting meanwhile never reads half a file.
    const partial = `${dump}.${randomBytes(4).toString('hex')}`
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()))
    renameSync(partial, dump)
  }
  if (!(await isPostgresReachable())) return
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    // Runs started at once (several engineers, or CI beside a developer) build the template once.
    await admin.query('select pg_advisory_lock(hashtext($1))', [postgresTemplateName(k)])
    const exists = await admin.query('select 1 from pg_database where datname = $1', [
      postgresTemplateName(k),
    ])
    if (exists.rowCount) return
    const building = `jixiao_building_${randomBytes(6).toString('hex')}`
    await admin.query(`create database ${building}`)
    const url = new URL(adminUrl)
    url.pathname = `/${building}`
    const handle = await openDatabase({ databaseUrl: url.toString() })
    await migrateToLatest(handle.db)
    await closePoolFully(handle)
    await admin.query(`alter database ${building} rename to ${postgresTemplateName(k)}`)
  } finally {
    await admin.end()
  }
}
