import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Command } from 'commander'
import type { RosterPreview } from '../../contracts/roster.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../services/auth/actor.ts'
import { applyRosterImport } from '../../services/roster/apply-roster-import.ts'
import { streamRosterExport } from '../../services/roster/export-roster.ts'
import { prepareRosterImport } from '../../services/roster/preview-roster-import.ts'
import { CliError } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'

// `jixiao org import FILE [--dry-run] [--create-missing] [--json]` and `jixiao org export --out FILE`: the
// roster (花名册) without a server, through the same services as the API.

/** Opens the database for the company named by --company (or the only one), acting as its first admin. */
export type OpenOrgDeps = (options: { company?: string }) => Promise<{
  db: Db
  companyId: number
  actor: Actor
  close(): Promise<void>
}>

type Print = (text: string) => void

const actionLabels = { create: '新增', change: '变更', unchanged: '不变', error: '错误' } as const

export function registerOrgRosterCommands(
  program: Command,
  openDeps: OpenOrgDeps,
  print: Print = console.log,
  now: () => Date = () => new Date(),
): void {
  const org =
    program.commands.find((c) => c.name() === 'org') ??
    program.command('org').description('the organisation: roster import and export (花名册)')

  org
    .command('import')
    .description('import a roster (XLSX, or CSV in UTF-8 or GBK), all or nothing; keyed by 工号')
    .argument('<file>', 'the roster file')
    .option('--dry-run', 'show what would be created, changed and refused; write nothing')
    .option('--create-missing', 'create departments and positions the file names but the company lacks')
    .option('--json', 'print JSON')
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .action(
      async (
        file: string,
        opts: { dryRun?: boolean; createMissing?: boolean; json?: boolean; company?: string },
      ) => {
        const deps = await openDeps({ company: opts.company })
        try {
          const fileName = path.basename(file)
          const createMissing = opts.createMissing === true
          const { preview, prepared } = await prepareRosterImport(
            { db: deps.db, now },
            { companyId: deps.companyId, filePath: file, fileName, createMissing },
          )
          if (opts.dryRun || preview.errorsTotal > 0) {
            print(opts.json ? JSON.stringify(preview, null, 2) : formatPreview(preview))
            if (preview.errorsTotal > 0)
              throw new CliError(
                `${fileName}: ${preview.counts.error} rows have errors; nothing was imported`,
                2,
              )
            return
          }
          const result = await applyRosterImport(
            { db: deps.db, now, actor: deps.actor },
            { filePath: file, fileName, createMissing, prepared },
          )
          print(
            opts.json ? JSON.stringify(result, null, 2) : `imported 已导入: ${formatCounts(result.counts)}`,
          )
        } finally {
          await deps.close()
        }
      },
    )

  org
    .command('export')
    .description('write every employee to an XLSX roster that imports back unchanged')
    .requiredOption('--out <file>', 'the XLSX file to write')
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .action(async (opts: { out: string; company?: string }) => {
      const deps = await openDeps({ company: opts.company })
      try {
        const stream = await streamRosterExport(deps.db, deps.companyId)
        await pipeline(stream, createWriteStream(opts.out))
        print(`wrote 已导出 ${opts.out}`)
      } finally {
        await deps.close()
      }
    })
}

function formatCounts(c: RosterPreview['counts']): string {
  return [
    `${c.create} 新增 created`,
    `${c.change} 变更 changed`,
    `${c.unchanged} 不变 unchanged`,
    `${c.departmentsToCreate} 新部门 departments`,
    `${c.positionsToCreate} 新岗位 positions`,
  ].join(', ')
}

function formatPreview(preview: Omit<RosterPreview, 'uploadId'>): string {
  const lines = [`${preview.fileName}: ${formatCounts(preview.counts)}, ${preview.counts.error} 错误 errors`]
  const changed = preview.rows.filter((r) => r.action !== 'unchanged')
  if (changed.length > 0)
    lines.push(
      '',
      formatTable(
        ['行 row', '工号', '姓名', '', '变更 changes'],
        changed.map((r) => [
          r.row ?? '',
          r.employeeNo,
          r.name,
          actionLabels[r.action],
          r.changes.map((c) => `${c.field}: ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join('; '),
        ]),
      ),
    )
  if (preview.errors.length > 0)
    lines.push(
      '',
      formatTable(
        ['行 row', '列 column', '错误 error'],
        preview.errors.map((e) => [e.row, e.column ?? '', e.message]),
      ),
    )
  if (preview.errorsTotal > preview.errors.length || preview.rowsTotal > preview.rows.length)
    lines.push(`(first ${preview.rowsLimit} listed)`)
  return lines.join('\n')
}
