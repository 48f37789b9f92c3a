import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { rename, rm, stat, writeFile } from 'node:fs/promises'
import { DomainError } from '../../core/errors.ts'
import { dumpPGliteDataFolder } from '../../db/database-dump.ts'
import type { DatabaseHandle } from '../../db/open-database.ts'
import { runPostgresTool } from './run-postgres-tool.ts'

export type BackupResult = { engine: 'pglite' | 'postgres'; file: string; bytes: number }

/**
 * Backs the whole database up into `outFile`: on PGlite its data-folder dump (a gzip'd tar), on PostgreSQL
 * `pg_dump` in custom format. Written aside and renamed, so a failed backup never leaves a file that looks whole;
 * an existing file is not overwritten.
 */
export async function backUpDatabase(
  handle: DatabaseHandle,
  input: { outFile: string; databaseUrl?: string },
): Promise<BackupResult> {
  if (existsSync(input.outFile))
    throw new DomainError(
      'conflict',
      `${input.outFile} already exists; choose another name or remove it first`,
      [{ path: 'out', message: 'the file exists' }],
    )
  const partial = `${input.outFile}.${randomBytes(4).toString('hex')}.partial`
  try {
    if (handle.engine === 'pglite') {
      const dump = await dumpPGliteDataFolder(handle)
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 })
    } else {
      if (!input.databaseUrl) throw new Error('backUpDatabase needs the database URL on PostgreSQL')
      await runPostgresTool('pg_dump', input.databaseUrl, ['--format=custom', `--file=${partial}`])
    }
    await rename(partial, input.outFile)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
  const { size } = await stat(input.outFile)
  return { engine: handle.engine, file: input.outFile, bytes: size }
}
