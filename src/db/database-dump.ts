import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import { lockDataFolder } from './data-folder-lock.ts'
import type { Db } from './database.ts'
import type { DatabaseHandle } from './open-database.ts'
import { pgliteParsers } from './pglite-parsers.ts'

// The engine-level side of `jixiao backup` and `jixiao restore` that needs PGlite or SQL itself; the PostgreSQL
// tools (pg_dump, pg_restore) are run by services/backups.

/** The whole PGlite cluster as a gzip'd tar of its data folder (PGlite's own dump). */
export async function dumpPGliteDataFolder(handle: DatabaseHandle): Promise<Blob> {
  if (!handle.pglite) throw new Error('dumpPGliteDataFolder needs a PGlite database')
  return handle.pglite.dumpDataDir('gzip')
}

/** Whether a folder already holds a PGlite (PostgreSQL) cluster. */
export function holdsPGliteCluster(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'))
}

/**
 * Writes a dumped cluster into an empty data folder: PGlite unpacks the dump on start and keeps it on close.
 * The folder is locked meanwhile, as any PGlite open of it is.
 */
export async function loadPGliteDataFolder(dataDir: string, dump: Blob): Promise<void> {
  mkdirSync(dataDir, { recursive: true })
  const unlock = await lockDataFolder(dataDir)
  try {
    const pglite = await PGlite.create(`file://${dataDir}`, { parsers: pgliteParsers, loadDataDir: dump })
    await pglite.query('select 1')
    await pglite.close()
  } finally {
    unlock()
  }
}

/** How many tables the current schema holds: a restore goes only into a database with none. */
export async function countTablesInSchema(db: Db): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::integer as n from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}
