import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { readPaySheet } from '../../services/pay/get-pay-sheet.ts'
import { openCliContext } from '../cli-context.ts'
import { CliError } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'

// `jixiao pay --cycle <id>`: prints a cycle's pay sheet (工资表), one row per pay line with its rule, or JSON.
export function registerPayCommand(program: Command, config: Config): void {
  program
    .command('pay')
    .description(
      'print the pay sheet of a cycle: every participant’s pay lines, the rule behind each, totals',
    )
    .requiredOption('--cycle <id>', 'cycle id')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (opts: { cycle: string; company?: string; json?: boolean }) => {
      const cycleId = Number(opts.cycle)
      if (!Number.isInteger(cycleId) || cycleId <= 0)
        throw new CliError(`--cycle must be a cycle id, not "${opts.cycle}"`, 2)
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
}
