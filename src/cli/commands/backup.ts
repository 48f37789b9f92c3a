import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { backUpDatabase } from '../../services/backups/back-up-database.ts'
import { restoreDatabase } from '../../services/backups/restore-database.ts'
import { openCliDatabase } from '../open-cli-database.ts'

// `jixiao backup --out FILE` and `jixiao restore FILE`: the whole database, every company, on either engine.
export function registerBackupCommands(program: Command, config: Config): void {
  program
    .command('backup')
    .description(
      'back the whole database up into one file (PGlite: its data-folder dump; PostgreSQL: pg_dump)',
    )
    .requiredOption('--out <file>', 'the backup file to write (must not exist yet)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { out: string; json?: boolean }) => {
      const handle = await openCliDatabase(config)
      try {
        const result = await backUpDatabase(handle, { outFile: opts.out, databaseUrl: config.databaseUrl })
        if (opts.json) console.log(JSON.stringify(result, null, 2))
        else
          console.log(
            `backup of ${handle.engine} (${handle.location}) written to ${result.file}: ${result.bytes} bytes`,
          )
      } finally {
        await handle.close()
      }
    })

  program
    .command('restore')
    .description(
      'restore a `jixiao backup` file into an empty database (an empty data folder, or a database without tables)',
    )
    .argument('<file>', 'the backup file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const target = config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }
      const { engine, migrationsApplied: applied } = await restoreDatabase(target, file)
      const where = config.databaseUrl ? 'the database of DATABASE_URL' : `data folder ${config.dataDir}`
      if (opts.json)
        console.log(JSON.stringify({ engine, file, location: where, migrationsApplied: applied }, null, 2))
      else {
        console.log(`restored ${file} into ${where}`)
        if (applied.length > 0)
          console.log(`then applied ${applied.length} newer migration(s): ${applied.join(', ')}`)
      }
    })
}
