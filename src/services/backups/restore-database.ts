import { open, readFile } from 'node:fs/promises'
import { constants, gunzipSync } from 'node:zlib'
import { companyArchiveFormat } from '../../contracts/company-archive.ts'
import { DomainError } from '../../core/errors.ts'
import { countTablesInSchema, holdsPGliteCluster, loadPGliteDataFolder } from '../../db/database-dump.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import { runPostgresTool } from './run-postgres-tool.ts'

export type BackupKind = 'pglite' | 'postgres' | 'company_archive' | 'unknown'

/** What a file holds, from its first bytes: pg_dump's custom format, a PGlite dump (tar, maybe gzip'd), a company archive. */
export async function detectBackupKind(file: string): Promise<BackupKind> {
  let head: Buffer
  try {
    const handle = await open(file, 'r')
    try {
      head = Buffer.alloc(64 * 1024)
      const { bytesRead } = await handle.read(head, 0, head.length, 0)
      head = head.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new DomainError('not_found', `no file ${file}`)
    throw error
  }
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres'
  let body = head
  if (head[0] === 0x1f && head[1] === 0x8b) {
    try {
      // Only the start is read: a partial gzip stream inflates as far as it goes.
      body = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH })
    } catch {
      return 'unknown'
    }
  }
  if (body.subarray(0, 200).toString('utf8').includes(`"format":"${companyArchiveFormat}"`))
    return 'company_archive'
  if (body.length > 262 && body.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite'
  return 'unknown'
}

/**
 * Restores a `jixiao backup` file into an empty database of the same engine: on PGlite an empty data folder,
 * on PostgreSQL a database without tables (`pg_restore`, one transaction, objects owned by the URL's role).
 * Then migrates, so a backup from an older Jixiao comes forward; answers the migrations that applied.
 */
export async function restoreDatabase(
  target: { dataDir: string } | { databaseUrl: string },
  file: string,
): Promise<{ engine: 'pglite' | 'postgres'; migrationsApplied: string[] }> {
  const engine = await restoreBackupFile(target, file)
  const handle = await openDatabase(target)
  try {
    return { engine, migrationsApplied: (await migrateToLatest(handle.db)).applied }
  } finally {
    await handle.close()
  }
}

async function restoreBackupFile(
  target: { dataDir: string } | { databaseUrl: string },
  file: string,
): Promise<'pglite' | 'postgres'> {
  const kind = await detectBackupKind(file)
  if (kind === 'company_archive')
    throw new DomainError(
      'invalid_input',
      `${file} is a company archive: restore it with \`jixiao company import ${file}\``,
    )
  if (kind === 'unknown')
    throw new DomainError(
      'invalid_input',
      `${file} is not a Jixiao backup (neither a PGlite dump nor pg_dump's custom format)`,
    )
  if ('dataDir' in target) {
    if (kind !== 'pglite')
      throw new DomainError(
        'invalid_input',
        `${file} is a PostgreSQL backup: restore it with DATABASE_URL set to an empty PostgreSQL database (or move one company across with \`jixiao company export\` and \`import\`)`,
      )
    if (holdsPGliteCluster(target.dataDir))
      throw new DomainError(
        'conflict',
        `the data folder ${target.dataDir} already holds a database; restore into an empty folder (set JIXIAO_DATA_DIR to a new one)`,
      )
    await loadPGliteDataFolder(target.dataDir, new Blob([await readFile(file)]))
    return 'pglite'
  }
  if (kind !== 'postgres')
    throw new DomainError(
      'invalid_input',
      `${file} is a PGlite data-folder backup: restore it without DATABASE_URL, into an empty JIXIAO_DATA_DIR (or move one company across with \`jixiao company export\` and \`import\`)`,
    )
  const handle = await openDatabase({ databaseUrl: target.databaseUrl })
  try {
    const tables = await countTablesInSchema(handle.db)
    if (tables > 0)
      throw new DomainError(
        'conflict',
        `the database of DATABASE_URL already holds ${tables} tables; restore into a new, empty database (createdb …)`,
      )
  } finally {
    await handle.close()
  }
  await runPostgresTool('pg_restore', target.databaseUrl, [
    '--no-owner',
    '--exit-on-error',
    '--single-transaction',
    file,
  ])
  return 'postgres'
}
