import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { recomputeHistoryTargetsInputSchema } from '../../contracts/history-targets.ts'
import { DomainError } from '../../core/errors.ts'
import { listHistoryTargets } from '../../services/cycles/list-history-targets.ts'
import { recomputeHistoryTargets } from '../../services/cycles/recompute-history-targets.ts'
import { openCliContext } from '../cli-context.ts'
import { formatTable } from '../print-table.ts'

type TargetsOptions = {
  cycle: string
  recompute?: boolean
  reason?: string
  company?: string
  json?: boolean
}

// `jixiao cycles targets --cycle N [--recompute --reason …]`: the targets derived from history frozen on a cycle's
// sheets (上月日均UV × 110%), and HR's audited recompute, with the same services and schema as the API.
export function registerCycleHistoryTargetsCommand(cycles: Command, config: Config): void {
  cycles
    .command('targets')
    .description('targets derived from history on a cycle’s sheets (历史目标), with their derivations')
    .requiredOption('--cycle <id>', 'cycle id')
    .option('--recompute', 'recompute them on the sheets not yet computed (needs --reason; audited)')
    .option('--reason <text>', 'why they are recomputed')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print JSON')
    .action(async (opts: TargetsOptions) => {
      const cycleId = Number(opts.cycle)
      if (!Number.isInteger(cycleId) || cycleId <= 0)
        throw new DomainError('invalid_input', `--cycle 应为周期编号：${opts.cycle}`, [
          { path: 'cycle', message: '应为正整数' },
        ])
      const input = opts.recompute
        ? recomputeHistoryTargetsInputSchema.safeParse({ reason: opts.reason ?? '' })
        : undefined
      if (input && !input.success)
        throw new DomainError('invalid_input', '重算历史目标须用 --reason 说明原因', [
          { path: 'reason', message: '请说明原因' },
        ])
      const ctx = await openCliContext(config, opts.company)
      try {
        const deps = { db: ctx.db, now: () => new Date() }
        const recomputed = input?.success
          ? await recomputeHistoryTargets(deps, ctx.actor, cycleId, input.data)
          : undefined
        const result = recomputed ?? (await listHistoryTargets(deps, ctx.actor, cycleId))
        if (opts.json) return console.log(JSON.stringify(result, null, 2))
        if (recomputed)
          console.log(
            `已重算 ${recomputed.recomputed} 张考核表的历史目标；已计算的 ${recomputed.skipped} 张保持不变`,
          )
        if (result.items.length === 0) return console.log('本周期没有按历史推算的目标')
        console.log(
          formatTable(
            ['考核表', '员工', '指标', '目标', '推算'],
            result.items.map((r) => [
              r.sheetId,
              r.employeeName,
              r.indicatorName,
              r.target.value ?? '缺失',
              r.target.explanation['zh-CN'],
            ]),
          ),
        )
      } finally {
        await ctx.close()
      }
    })
}
