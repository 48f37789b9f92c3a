import { Command, CommanderError } from 'commander'
import { loadConfig } from '../config.ts'
import { DomainError } from '../core/errors.ts'
import { openCliContext } from './cli-context.ts'
import { registerAuditCommands } from './commands/audit.ts'
import { registerCycleCommands } from './commands/cycles.ts'
import { registerDemoCommand } from './commands/demo.ts'
import { registerExportCommand } from './commands/export.ts'
import { openIngestDepsFrom, registerImportCommands } from './commands/import.ts'
import { registerMetricsCommands } from './commands/metrics.ts'
import { registerMigrateCommand } from './commands/migrate.ts'
import { registerOpenApiCommand } from './commands/openapi.ts'
import { registerPayCommand } from './commands/pay.ts'
import { registerRotaCommands } from './commands/rota.ts'
import { registerServeCommand } from './commands/serve.ts'
import { registerTemplateCommands } from './commands/templates.ts'
import { CliError, messageOf } from './open-cli-database.ts'

// The `jixiao` command. Every subcommand uses the same database settings as the server.
async function main(argv: string[]): Promise<void> {
  const config = loadConfig()
  const program = new Command()
    .name('jixiao')
    .description('Jixiao 绩效 — KPI appraisal and performance pay for e-commerce teams')
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      '\nDatabase: DATABASE_URL=postgres://… for PostgreSQL, else embedded PGlite in JIXIAO_DATA_DIR (default ./data).',
    )
  registerServeCommand(program, config)
  registerMigrateCommand(program, config)
  registerDemoCommand(program, config)
  registerTemplateCommands(program, config)
  registerCycleCommands(program, config)
  registerAuditCommands(program, config)
  registerPayCommand(program, config)
  registerExportCommand(program, config)
  registerImportCommands(program, openIngestDepsFrom(config))
  registerMetricsCommands(program, openIngestDepsFrom(config))
  registerRotaCommands(program, (options) => openCliContext(config, options.company))
  registerOpenApiCommand(program)
  await program.parseAsync(argv)
}

const exitCodeByDomainCode: Record<string, number> = {
  invalid_input: 2,
  not_found: 3,
  conflict: 4,
  forbidden: 5,
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode)
  if (error instanceof CliError) {
    console.error(`jixiao: ${error.message}`)
    process.exit(error.exitCode)
  }
  if (error instanceof DomainError) {
    console.error(`jixiao: ${error.message}`)
    for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`)
    process.exit(exitCodeByDomainCode[error.code] ?? 1)
  }
  console.error(`jixiao: ${messageOf(error)}`)
  if (process.env.JIXIAO_LOG === 'debug' && error instanceof Error) console.error(error.stack)
  process.exit(1)
})
