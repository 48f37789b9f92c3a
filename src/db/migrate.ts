import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely'
import type { Db } from './database.ts'

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

// Imported from here rather than by Kysely's FileMigrationProvider so that tsx and vitest load the .ts files.
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const files = (await readdir(migrationFolder)).filter(
      (f) => /^\d{4}-.*\.ts$/.test(f) && !f.endsWith('.test.ts'),
    )
    const migrations: Record<string, Migration> = {}
    for (const file of files.sort()) {
      migrations[file.replace(/\.ts$/, '')] = await import(
        pathToFileURL(path.join(migrationFolder, file)).href
      )
    }
    return migrations
  },
}

// Migrations are the files in db/migrations, applied in name order; each runs in a transaction.
export function createMigrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: folderProvider,
    migrationTableName: 'jixiao_migration',
    migrationLockTableName: 'jixiao_migration_lock',
    // Features add numbered migrations independently; a data folder migrated before a lower number landed still upgrades.
    allowUnorderedMigrations: true,
  })
}

export type MigrateOutcome = { applied: string[] }

export async function migrateToLatest(db: Db): Promise<MigrateOutcome> {
  const result: MigrationResultSet = await createMigrator(db).migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const cause = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`)
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
}
