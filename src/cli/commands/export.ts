import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { exportFormatSchema, exportKindSchema } from '../../contracts/results.ts'
import { buildCycleExport } from '../../services/exports/build-cycle-export.ts'
import { writeCsvExport, writeXlsxExport } from '../../services/exports/write-table-export.ts'
import { openCliContext } from '../cli-context.ts'
import { CliError } from '../open-cli-database.ts'

// `jixiao export <what> --cycle <id> --format xlsx|csv --out FILE`: a cycle's sheets, results, pay sheet,
// consequence lists or bonus pools as a file, streamed, formulas neutralised (the same tables as the API's exports).
export function registerExportCommand(program: Command, config: Config): void {
  program
    .command('export')
    .description(
      'export a cycle’s sheets, results, pay sheet, consequence lists or bonus pools as XLSX or CSV (UTF-8 with BOM)',
    )
    .argument('<what>', exportKindSchema.options.join(' | '))
    .requiredOption('--cycle <id>', 'cycle id')
    .requiredOption('--out <file>', 'file to write')
    .option('--format <format>', 'xlsx or csv', 'xlsx')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .action(async (what: string, opts: { cycle: string; out: string; format: string; company?: string }) => {
      const kind = exportKindSchema.safeParse(what)
      if (!kind.success)
        throw new CliError(`unknown export "${what}": use ${exportKindSchema.options.join(', ')}`, 2)
      const format = exportFormatSchema.safeParse(opts.format)
      if (!format.success) throw new CliError(`--format must be xlsx or csv, not "${opts.format}"`, 2)
      const cycleId = Number(opts.cycle)
      if (!Number.isInteger(cycleId) || cycleId <= 0)
        throw new CliError(`--cycle must be a cycle id, not "${opts.cycle}"`, 2)
      const ctx = await openCliContext(config, opts.company)
      try {
        const table = await buildCycleExport(ctx.db, ctx.companyId, kind.data, cycleId)
        const { rows } = await (format.data === 'xlsx' ? writeXlsxExport : writeCsvExport)(table, opts.out)
        console.log(`${opts.out}: ${rows} 行 rows (${table.title})`)
      } finally {
        await ctx.close()
      }
    })
}
