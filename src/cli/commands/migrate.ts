import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { createMigrator } from '../../db/migrate.ts'
import { openCliDatabase } from '../open-cli-database.ts'

// `jixiao migrate`: apply pending migrations (the server also does this on start).
export function registerMigrateCommand(program: Command, config: Config): void {
  program
    .command('migrate')
    .description('apply database migrations (also done automatically on start)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const handle = await openCliDatabase(config)
      try {
        const migrations = await createMigrator(handle.db).getMigrations()
        const result = {
          engine: handle.engine,
          location: handle.location,
          migrations: migrations.map((m) => ({
            name: m.name,
            executedAt: m.executedAt?.toISOString() ?? null,
          })),
        }
        if (opts.json) console.log(JSON.stringify(result, null, 2))
        else {
          console.log(`database ${handle.engine} (${handle.location}) is up to date:`)
          for (const m of result.migrations) console.log(`  ${m.name}  ${m.executedAt ?? 'pending'}`)
        }
      } finally {
        await handle.close()
      }
    })
}
