import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { lockDataFolder } from './data-folder-lock.ts'
import type { Database, Db } from './database.ts'

export { DataFolderBusyError } from './data-folder-lock.ts'

// One data layer over two engines: embedded PGlite (a data folder) or a PostgreSQL server (DATABASE_URL).
export type DatabaseHandle = {
  db: Db
  engine: 'pglite' | 'postgres'
  /** Where the data lives, for messages: the folder or the URL without its password. */
  location: string
  /** The engine's own client, for the few operations a query builder cannot express (COPY). */
  pglite?: PGlite
  pool?: pg.Pool
  close(): Promise<void>
}

export type DatabaseTarget =
  | { databaseUrl: string }
  | { dataDir: string }
  /** `loadDataDir`: start from a dumped data folder (tests start from a migrated one) instead of an empty cluster. */
  | { memory: true; loadDataDir?: Blob }

// Dates stay 'YYYY-MM-DD' strings and numerics stay decimal strings on both engines; counts become numbers.
const DATE_OID = 1082
const NUMERIC_OID = 1700
const INT8_OID = 20
const parsers = {
  [DATE_OID]: (v: string) => v,
  [NUMERIC_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
}
for (const [oid, parse] of Object.entries(parsers)) pg.types.setTypeParser(Number(oid), parse)

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 })
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
  let pglite: PGlite
  try {
    const loadDataDir = 'loadDataDir' in target ? target.loadDataDir : undefined
    pglite = await PGlite.create(dataDir ? `file://${dataDir}` : 'memory://', { parsers, loadDataDir })
  } catch (error) {
    unlock()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
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
