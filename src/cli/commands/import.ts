import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { DomainError } from '../../core/errors.ts'
import { type FactKindName, factKindNames } from '../../core/ingest/fact-kinds.ts'
import { presets } from '../../core/ingest/presets/detect-preset.ts'
import type { Db } from '../../db/database.ts'
import type { DatabaseHandle } from '../../db/open-database.ts'
import { type ImportFileResult, type ImportProgress, importFile } from '../../services/ingest/import-file.ts'
import { listImports } from '../../services/ingest/list-imports.ts'
import { undoImport } from '../../services/ingest/undo-import.ts'
import { openCliContext } from '../cli-context.ts'
import { formatTable } from '../print-table.ts'

// `jixiao import <kind> <file>`, `jixiao imports list|undo|presets`: shop data import from the command line.

/** What the import and metrics commands work on; the lead wires it to the CLI's database and company. */
export type IngestCliDeps = {
  db: Db
  handle: DatabaseHandle
  companyId: number
  userId?: number | null
  close(): Promise<void>
}

export type OpenIngestDeps = (options: { company?: string }) => Promise<IngestCliDeps>

/** The usual wiring: the CLI's database and company (`--company`), acting as the company's first admin. */
export function openIngestDepsFrom(config: Config): OpenIngestDeps {
  return async ({ company }) => {
    const ctx = await openCliContext(config, company)
    return {
      db: ctx.db,
      handle: ctx.handle,
      companyId: ctx.companyId,
      userId: ctx.actor.userId,
      close: ctx.close,
    }
  }
}

type ImportOptions = {
  preset?: string
  mapping?: string
  shop?: string
  source?: string
  encoding?: string
  periodStart?: string
  periodEnd?: string
  maxMb?: string
  company?: string
  json?: boolean
  dryRun?: boolean
}

/** What an import did (or, in a dry run, would do), naming each earlier import and shop whose rows it replaced. */
export function describeImport(file: string, result: ImportFileResult): string {
  const where = `(${result.kind}, preset ${result.preset}, source ${result.source})`
  const span = `${result.periodStart ?? '?'} … ${result.periodEnd ?? '?'}`
  if (result.status === 'unchanged')
    return `${file}: already imported as #${result.importId} ${where}: ${result.rows} rows, ${span}, all still live; nothing changed`
  const dry = result.status === 'valid'
  const head = dry
    ? `${file}: valid, nothing written; importing it would store ${result.rows} rows ${where}, ${span}`
    : `${file}: imported as #${result.importId} ${where}: ${result.rows} rows, ${span}`
  if (result.replaced.length === 0)
    return `${head}\n  ${dry ? 'would replace' : 'replaced'} no earlier rows (an import replaces only rows of its source and shops in its period)`
  const lines = result.replaced.map(
    (r) =>
      `  import #${r.importId} ${r.fileName}${r.shop === null ? '' : `, shop ${r.shop === '' ? '(none)' : r.shop}`}: ${r.rows} rows`,
  )
  return [
    head,
    `  ${dry ? 'would replace' : 'replaced'} ${result.replacedRows} earlier rows of the same source, shop and period:`,
    ...lines,
  ].join('\n')
}

function progressLine(p: ImportProgress): string {
  const pct = p.totalBytes > 0 ? Math.min(100, Math.round((p.bytesRead / p.totalBytes) * 100)) : 0
  const rows = p.rows === undefined ? '' : `, ${p.rows} rows`
  return `\r${p.phase} ${pct}%${rows}   `
}

export function registerImportCommands(program: Command, openDeps: OpenIngestDeps): void {
  program
    .command('import <kind> <file>')
    .description(`import a shop export (CSV/XLSX) as facts; kind: auto or ${factKindNames.join(', ')}`)
    .option(
      '--preset <name>',
      'mapping preset (default: detected from the header); see `jixiao imports presets`',
    )
    .option('--mapping <name>', 'a column mapping saved for this company (instead of a preset)')
    .option('--shop <name>', 'shop for rows whose file has no shop column')
    .option('--source <name>', 'source label; re-importing a period with the same source replaces it')
    .option('--encoding <name>', 'text encoding of a CSV (utf-8, gbk); default: detected')
    .option('--period-start <date>', 'first day, for exports without a date column')
    .option('--period-end <date>', 'last day, for exports without a date column')
    .option('--max-mb <n>', 'refuse files larger than this many MB (default 200)')
    .option('--dry-run', 'check the file and say what it would import and replace; write nothing')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print the result as JSON')
    .action(async (kind: string, file: string, opts: ImportOptions) => {
      if (kind !== 'auto' && !(factKindNames as readonly string[]).includes(kind))
        throw new DomainError(
          'invalid_input',
          `unknown kind "${kind}"; use auto or ${factKindNames.join(', ')}`,
        )
      const deps = await openDeps({ company: opts.company })
      const controller = new AbortController()
      const onSigint = () => controller.abort()
      process.once('SIGINT', onSigint)
      try {
        const result = await importFile(
          { db: deps.db, handle: deps.handle },
          {
            companyId: deps.companyId,
            filePath: file,
            kind: kind === 'auto' ? undefined : (kind as FactKindName),
            preset: opts.preset,
            savedMapping: opts.mapping,
            shop: opts.shop,
            source: opts.source,
            encoding: opts.encoding,
            periodStart: opts.periodStart,
            periodEnd: opts.periodEnd,
            userId: deps.userId ?? null,
            limits: opts.maxMb ? { maxBytes: Number(opts.maxMb) * 1024 * 1024 } : undefined,
            dryRun: opts.dryRun === true,
            signal: controller.signal,
            onProgress: (p) => process.stderr.write(progressLine(p)),
          },
        )
        process.stderr.write('\n')
        if (opts.json) return console.log(JSON.stringify(result, null, 2))
        console.log(describeImport(file, result))
      } finally {
        process.removeListener('SIGINT', onSigint)
        await deps.close()
      }
    })

  const imports = program.command('imports').description('the import log: list, undo, presets')
  imports
    .command('list')
    .description('list imports, newest first')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print JSON')
    .action(async (opts: { company?: string; json?: boolean }) => {
      const deps = await openDeps({ company: opts.company })
      try {
        const items = await listImports({ db: deps.db }, { companyId: deps.companyId })
        if (opts.json) return console.log(JSON.stringify(items, null, 2))
        console.log(
          formatTable(
            ['id', 'status', 'kind', 'preset', 'source', 'file', 'rows', 'period'],
            items.map((i) => [
              i.id,
              i.status,
              i.kind,
              i.preset,
              i.source,
              i.file_name,
              i.rows,
              `${i.period_start ?? ''} … ${i.period_end ?? ''}`,
            ]),
          ),
        )
      } finally {
        await deps.close()
      }
    })
  imports
    .command('undo <importId>')
    .description('remove an import’s rows and bring back the rows it replaced')
    .option('--company <id>', 'company id or name')
    .action(async (importId: string, opts: { company?: string }) => {
      const deps = await openDeps({ company: opts.company })
      try {
        const result = await undoImport(
          { db: deps.db },
          { companyId: deps.companyId, importId: Number(importId) },
        )
        console.log(`import #${result.importId} undone: ${result.removedRows} rows removed`)
      } finally {
        await deps.close()
      }
    })
  imports
    .command('presets')
    .description('list the mapping presets')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      if (opts.json) return console.log(JSON.stringify(presets, null, 2))
      console.log(
        formatTable(
          ['preset', 'kind', 'label', 'header'],
          presets.map((p) => [
            p.name,
            p.kind,
            p.label.zh,
            [...p.signature, ...(p.requires ?? [])].join(', '),
          ]),
        ),
      )
    })
}
