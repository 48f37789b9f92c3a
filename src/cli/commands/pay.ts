import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { renderPaySlipsPdf } from '../../services/exports/render-pay-slips-pdf.ts'
import { readPaySheet } from '../../services/pay/get-pay-sheet.ts'
import { listPaySlips } from '../../services/pay/list-pay-slips.ts'
import { openCliContext } from '../cli-context.ts'
import { CliError } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'

// `jixiao pay --cycle <id>`: prints a cycle's pay sheet (工资表), one row per pay line with its rule, or JSON.
// `jixiao pay slips --cycle <id> --out FILE.pdf`: the cycle's pay slips (工资条), a page per person, as one PDF.
export function registerPayCommand(program: Command, config: Config): void {
  const pay = program
    .command('pay')
    .description(
      'print the pay sheet of a cycle: every participant’s pay lines, the rule behind each, totals',
    )
    .option('--cycle <id>', 'cycle id')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (opts: { cycle?: string; company?: string; json?: boolean }) => {
      const cycleId = cycleIdOf(opts.cycle)
      const ctx = await openCliContext(config, opts.company)
      try {
        const sheet = await readPaySheet(ctx.db, ctx.companyId, cycleId)
        if (opts.json) {
          console.log(JSON.stringify(sheet, null, 2))
          return
        }
        const status =
          sheet.status === 'approved' ? `已审批 approved ${sheet.approvedAt?.slice(0, 10)}` : '草稿 draft'
        console.log(`${sheet.cycleName}（${sheet.period.start} – ${sheet.period.end}）工资表 · ${status}`)
        const rows: (string | number)[][] = []
        for (const e of sheet.employees) {
          for (const l of e.lines)
            rows.push([e.employeeNo, e.employeeName, l.label['zh-CN'], l.amount, l.rule['zh-CN']])
          rows.push([e.employeeNo, e.employeeName, '应发合计', e.total, e.problems.join('；')])
        }
        console.log(formatTable(['工号', '姓名', '工资项', '金额', '规则'], rows))
        console.log(`合计 total: ${sheet.total}（${sheet.employees.length} 人）`)
        if (sheet.notFinal.length > 0)
          console.log(
            `未定稿 not final: ${sheet.notFinal.map((s) => `${s.employeeName}（${s.state}）`).join('、')}`,
          )
      } finally {
        await ctx.close()
      }
    })
  // The cycle and company options are the parent's (commander reads them before and after `slips`).
  pay
    .command('slips')
    .description('write the pay slips (工资条) of a cycle as one PDF, a page per person')
    .requiredOption('--out <file>', 'the PDF to write')
    .action(async (opts: { out: string }, command: Command) => {
      const all = command.optsWithGlobals<{ cycle?: string; company?: string }>()
      const cycleId = cycleIdOf(all.cycle)
      const ctx = await openCliContext(config, all.company)
      try {
        const slips = await listPaySlips({ db: ctx.db, now: () => new Date() }, ctx.actor, cycleId)
        await writeFile(opts.out, await renderPaySlipsPdf(slips))
        console.log(`${opts.out}: ${slips.length} 张工资条 pay slips`)
      } finally {
        await ctx.close()
      }
    })
}

function cycleIdOf(value: string | undefined): number {
  if (value === undefined) throw new CliError('--cycle <id> is required', 2)
  const cycleId = Number(value)
  if (!Number.isInteger(cycleId) || cycleId <= 0)
    throw new CliError(`--cycle must be a cycle id, not "${value}"`, 2)
  return cycleId
}
