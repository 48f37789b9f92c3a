import { Command, CommanderError } from 'commander'
import { loadConfig } from '../config.ts'
import { DomainError, type DomainErrorCode } from '../core/errors.ts'
import { DataFolderBusyError } from '../db/open-database.ts'
import { readProviderEndpoints } from '../services/identity/provider-endpoints.ts'
import { openCliContext } from './cli-context.ts'
import { registerAccountCommands } from './commands/accounts.ts'
import { registerAuditCommands } from './commands/audit.ts'
import { registerBackupCommands } from './commands/backup.ts'
import { registerCompanyCommands } from './commands/company.ts'
import { registerCycleCommands } from './commands/cycles.ts'
import { registerDemoCommand } from './commands/demo.ts'
import { registerDirectoryCommands } from './commands/directory.ts'
import { registerExportCommand } from './commands/export.ts'
import { openIngestDepsFrom, registerImportCommands } from './commands/import.ts'
import { registerMetricsCommands } from './commands/metrics.ts'
import { registerMigrateCommand } from './commands/migrate.ts'
import { registerOpenApiCommand } from './commands/openapi.ts'
import { registerOrgRosterCommands } from './commands/org-roster.ts'
import { registerPayCommand } from './commands/pay.ts'
import { registerRotaCommands } from './commands/rota.ts'
import { registerServeCommand } from './commands/serve.ts'
import { registerSimulateCommand } from './commands/simulate.ts'
import { registerSsoCommands } from './commands/sso.ts'
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
  registerCompanyCommands(program, config)
  registerBackupCommands(program, config)
  registerTemplateCommands(program, config)
  registerCycleCommands(program, config)
  registerAuditCommands(program, config)
  registerPayCommand(program, config)
  registerSimulateCommand(program, config)
  registerExportCommand(program, config)
  registerImportCommands(program, openIngestDepsFrom(config))
  registerMetricsCommands(program, openIngestDepsFrom(config))
  registerRotaCommands(program, (options) => openCliContext(config, options.company))
  registerAccountCommands(program, (options) => openCliContext(config, options.company))
  registerOrgRosterCommands(program, (options) => openCliContext(config, options.company))
  registerSsoCommands(program, (company) => openCliContext(config, company))
  registerDirectoryCommands(
    program,
    async (options) => {
      const ctx = await openCliContext(config, options.company)
      return { db: ctx.db, companyId: ctx.companyId, actorUserId: ctx.actor.userId, close: ctx.close }
    },
    () => readProviderEndpoints(),
  )
  registerOpenApiCommand(program)
  await program.parseAsync(argv)
}

/**
 * Exit codes scripts can rely on (README, "Command line"): 0 done, 1 a check failed (audit verify, a draw that
 * does not reproduce) or an unexpected error, 2 the command line was not understood or its input is invalid,
 * 3 not found, 4 refused by the state of the data, 5 not allowed, 6 the data folder is in use by another process.
 */
export const exitCodes = {
  ok: 0,
  failed: 1,
  usage: 2,
  notFound: 3,
  conflict: 4,
  forbidden: 5,
  busy: 6,
} as const

const exitCodeByDomainCode = {
  invalid_input: exitCodes.usage,
  template_invalid: exitCodes.usage,
  too_large: exitCodes.usage,
  not_found: exitCodes.notFound,
  gone: exitCodes.notFound,
  conflict: exitCodes.conflict,
  invalid_state: exitCodes.conflict,
  missing_data: exitCodes.conflict,
  locked: exitCodes.conflict,
  import_busy: exitCodes.conflict,
  provider_failed: exitCodes.failed,
  password_change_required: exitCodes.forbidden,
  account_disabled: exitCodes.forbidden,
  quota_held: exitCodes.conflict,
  rate_limited: exitCodes.conflict,
  idempotency_key_reused: exitCodes.conflict,
  idempotency_in_flight: exitCodes.conflict,
  forbidden: exitCodes.forbidden,
  unauthenticated: exitCodes.forbidden,
} satisfies Record<DomainErrorCode, number>

main(process.argv).catch((error: unknown) => {
  // Commander has already printed what it did not understand, and the help; --help and --version are not errors.
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? exitCodes.ok : exitCodes.usage)
  if (error instanceof DataFolderBusyError) {
    console.error(`jixiao: ${error.message}`)
    process.exit(exitCodes.busy)
  }
  if (error instanceof CliError) {
    console.error(`jixiao: ${error.message}`)
    process.exit(error.exitCode)
  }
  if (error instanceof DomainError) {
    console.error(`jixiao: ${error.message}`)
    for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`)
    process.exit(exitCodeByDomainCode[error.code] ?? exitCodes.failed)
  }
  console.error(`jixiao: ${messageOf(error)}`)
  if (process.env.JIXIAO_LOG === 'debug' && error instanceof Error) console.error(error.stack)
  process.exit(exitCodes.failed)
})
