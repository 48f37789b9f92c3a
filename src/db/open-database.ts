import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { lockDataFolder } from './data-folder-lock.ts'
import type { Database, Db } from './database.ts'
import type { PGliteClient } from './pglite-client.ts'
import { pgliteParsers } from './pglite-parsers.ts'
import { PGliteThread } from './pglite-thread.ts'
import { PGliteThreadDialect } from './pglite-thread-dialect.ts'

export { DataFolderBusyError } from './data-folder-lock.ts'

// One data layer over two engines: embedded PGlite (a data folder) or a PostgreSQL server (DATABASE_URL).
export type DatabaseHandle = {
  db: Db
  engine: 'pglite' | 'postgres'
  /** Where the data lives, for messages: the folder or the URL without its password. */
  location: string
  /** The engine's own client, for the few operations a query builder cannot express (COPY, a dump). */
  pglite?: PGliteClient
  pool?: pg.Pool
  close(): Promise<void>
}

/**
 * `thread`: PGlite runs on a worker thread of its own (pglite-thread.ts), so no statement holds this thread's
 * event loop; `jixiao serve` asks for it. Without it PGlite runs on this thread (tests and CLI commands: no
 * thread to start, and nothing else waits on them).
 */
export type DatabaseTarget =
  /** `poolSize`: connections this process may hold (config dbPoolSize); default 10. */
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string; thread?: boolean }
  /** `loadDataDir`: start from a dumped data folder (tests start from a migrated one) instead of an empty cluster. */
  | { memory: true; loadDataDir?: Blob; thread?: boolean }

// Dates stay 'YYYY-MM-DD' strings and numerics stay decimal strings on both engines; counts become numbers.
for (const [oid, parse] of Object.entries(pgliteParsers)) pg.types.setTypeParser(Number(oid), parse)

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: target.poolSize ?? 10 })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return remember({
      db,
      engine: 'postgres',
      location: redactUrl(target.databaseUrl),
      pool,
      close: () => db.destroy(),
    })
  }
  const dataDir = 'dataDir' in target ? target.dataDir : undefined
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  // PGlite has no locking of its own: a second process on the folder is refused (DataFolderBusyError).
  const unlock = dataDir ? await lockDataFolder(dataDir) : () => {}
  let pglite: PGliteClient
  let db: Db
  try {
    const loadDataDir = 'loadDataDir' in target ? target.loadDataDir : undefined
    if (target.thread) {
      const thread = await PGliteThread.open({ dataDir, loadDataDir })
      pglite = thread
      db = new Kysely<Database>({ dialect: new PGliteThreadDialect(thread) })
    } else {
      const instance = await PGlite.create(dataDir ? `file://${dataDir}` : 'memory://', {
        parsers: pgliteParsers,
        loadDataDir,
      })
      pglite = instance
      db = new Kysely<Database>({ dialect: new PGliteDialect(instance) })
    }
  } catch (error) {
    unlock()
    throw error
  }
  return remember({
    db,
    engine: 'pglite',
    location: dataDir ?? 'memory',
    pglite,
    close: async () => {
      try {
        await db.destroy()
      } finally {
        unlock()
      }
    },
  })
}

export type PoolUse = { max: number; open: number; idle: number; waiting: number }

/** How the connection pool is used right now; PGlite is one connection, always open and never waited on. */
export function readPoolUse(handle: DatabaseHandle): PoolUse {
  const pool = handle.pool
  if (!pool) return { max: 1, open: 1, idle: 1, waiting: 0 }
  return {
    max: pool.options.max ?? 10,
    open: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  }
}

const handles = new WeakMap<Db, DatabaseHandle>()

function remember(handle: DatabaseHandle): DatabaseHandle {
  handles.set(handle.db, handle)
  return handle
}

/** The handle a Kysely instance was opened with, for COPY where only the instance was passed on (API imports). */
export function databaseHandleOf(db: Db): DatabaseHandle | undefined {
  return handles.get(db)
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres://…'
  }
}
