import type { Config } from '../config.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { type DatabaseHandle, DataFolderBusyError, openDatabase } from '../db/open-database.ts'

/**
 * Opens the configured database (DATABASE_URL, else PGlite in the data folder) and migrates it. `thread`: PGlite
 * on a thread of its own, so no statement holds the event loop (the server asks for it).
 */
export async function openCliDatabase(
  config: Config,
  options: { thread?: boolean } = {},
): Promise<DatabaseHandle> {
  const target = config.databaseUrl
    ? { databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize }
    : { dataDir: config.dataDir, thread: options.thread }
  const where = config.databaseUrl ? 'DATABASE_URL' : `data folder ${config.dataDir}`
  let handle: DatabaseHandle
  try {
    handle = await openDatabase(target)
    // PostgreSQL connects lazily: ask once so a wrong URL fails here, with one line.
    await handle.db.selectNoFrom((eb) => eb.lit(1).as('ok')).execute()
  } catch (error) {
    // Names the process that holds the data folder; main.ts gives it its own exit code.
    if (error instanceof DataFolderBusyError) throw error
    throw new CliError(`cannot open the database (${where}): ${messageOf(error)}`)
  }
  try {
    await migrateToLatest(handle.db)
  } catch (error) {
    await handle.close().catch(() => {})
    throw new CliError(`cannot migrate the database (${where}): ${messageOf(error)}`)
  }
  return handle
}

/** An error the CLI prints as one line, without a stack trace, and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0])
  if (error instanceof Error) return error.message || error.name
  return String(error)
}
