import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { cycleInputSchema } from '../../contracts/workflow.ts'
import { DomainError } from '../../core/errors.ts'
import { computeCycle, type HeldSheetSummary } from '../../services/cycles/compute-cycle.ts'
import { getJob } from '../../services/cycles/get-job.ts'
import { listCycles } from '../../services/cycles/list-cycles.ts'
import { openCycle } from '../../services/cycles/open-cycle.ts'
import { sweepDueSheets } from '../../services/cycles/sweep-due-sheets.ts'
import { failOrphanedJobs } from '../../services/jobs/fail-orphaned-jobs.ts'
import { openCliContext } from '../cli-context.ts'
import { CliError } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'
import { registerCycleHistoryTargetsCommand } from './cycle-history-targets.ts'
import { registerCycleSheetsCommand } from './cycle-sheets.ts'

// `jixiao cycles list|open|compute|sweep`: appraisal cycles without a server (the jobs run in this process).
export function registerCycleCommands(program: Command, config: Config): void {
  const cycles = program.command('cycles').description('appraisal cycles (考核周期)')
  const deps = (db: Parameters<typeof listCycles>[0]['db']) => ({ db, now: () => new Date() })
  // Jobs a killed process left running are marked failed first (jobs of a live server are left alone).
  const openContext = async (company?: string) => {
    const ctx = await openCliContext(config, company)
    try {
      for (const job of await failOrphanedJobs(deps(ctx.db)))
        console.error(`任务 ${job.id}（${job.kind}）在 ${job.done}/${job.total} 时被中断，已标记为失败`)
    } catch (error) {
      await ctx.close()
      throw error
    }
    return ctx
  }

  cycles
    .command('list')
    .description('list the company’s cycles')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print JSON')
    .action(async (opts: { company?: string; json?: boolean }) => {
      const ctx = await openContext(opts.company)
      try {
        const items = await listCycles(deps(ctx.db), ctx.actor)
        if (opts.json) return console.log(JSON.stringify(items, null, 2))
        console.log(
          formatTable(
            ['id', 'name', 'kind', 'period', 'status', 'sheets'],
            items.map((c) => [c.id, c.name, c.kind, `${c.periodStart}–${c.periodEnd}`, c.status, c.sheets]),
          ),
        )
      } finally {
        await ctx.close()
      }
    })

  cycles
    .command('open <name>')
    .description('open a cycle and create every participant’s sheet (all active employees unless narrowed)')
    .requiredOption('--kind <kind>', 'monthly, quarterly or annual')
    .requiredOption('--from <date>', 'period start, YYYY-MM-DD')
    .requiredOption('--to <date>', 'period end, YYYY-MM-DD')
    .option('--department <ids>', 'comma-separated department ids')
    .option('--position <ids>', 'comma-separated position ids')
    .option('--employee <ids>', 'comma-separated employee ids')
    .option('--appeal-days <n>', 'appeal window in working days (default 3)')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print JSON')
    .action(
      async (
        name: string,
        opts: {
          kind: string
          from: string
          to: string
          department?: string
          position?: string
          employee?: string
          appealDays?: string
          company?: string
          json?: boolean
        },
      ) => {
        const ids = (s?: string) => (s ? s.split(',').map((x) => Number(x.trim())) : undefined)
        const parsed = cycleInputSchema.safeParse({
          name,
          kind: opts.kind,
          periodStart: opts.from,
          periodEnd: opts.to,
          participants: {
            departmentIds: ids(opts.department),
            positionIds: ids(opts.position),
            employeeIds: ids(opts.employee),
          },
          settings: opts.appealDays === undefined ? {} : { appealWindowDays: Number(opts.appealDays) },
        })
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
          throw new DomainError('invalid_input', '周期参数无效', issues)
        }
        const ctx = await openContext(opts.company)
        let failed: string | undefined
        try {
          const opened = await openCycle(deps(ctx.db), ctx.actor, parsed.data)
          await opened.completion
          const job = await getJob(deps(ctx.db), ctx.actor, opened.jobId)
          if (opts.json)
            console.log(JSON.stringify({ cycle: opened.cycle, job, warnings: opened.warnings }, null, 2))
          else {
            console.log(
              `周期 ${opened.cycle.id}“${name}”：任务 ${job.status}，${job.done}/${job.total}，${JSON.stringify(job.result)}`,
            )
            for (const w of opened.warnings) console.error(`注意：${w.message}`)
          }
          if (job.status !== 'succeeded') failed = `开启周期失败：${job.error}`
        } finally {
          await ctx.close()
        }
        if (failed) throw new CliError(failed, 1)
      },
    )

  cycles
    .command('compute <cycleId>')
    .description('compute every sheet of the cycle whose supervisor review is in')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print JSON')
    .action(async (cycleId: string, opts: { company?: string; json?: boolean }) => {
      const ctx = await openContext(opts.company)
      let failed: string | undefined
      try {
        const started = await computeCycle(deps(ctx.db), ctx.actor, Number(cycleId))
        await started.completion
        const job = await getJob(deps(ctx.db), ctx.actor, started.jobId)
        if (opts.json) console.log(JSON.stringify(job, null, 2))
        else {
          console.log(
            `计算任务 ${job.id}：${job.status}，${job.done}/${job.total}，${JSON.stringify(job.result ?? job.error)}`,
          )
          const held = (job.result as { held?: HeldSheetSummary[] } | null)?.held ?? []
          if (held.length > 0) {
            console.log(`以下 ${held.length} 张考核表缺少数据，按模板规定须录入后才能计算，暂未计算：`)
            for (const h of held)
              console.log(
                `  ${h.employeeName}${h.departmentName ? `（${h.departmentName}）` : ''}：${h.items.map((i) => i.name).join('、')}`,
              )
          }
        }
        if (job.status !== 'succeeded') failed = `计算失败：${job.error}`
      } finally {
        await ctx.close()
      }
      if (failed) throw new CliError(failed, 1)
    })

  cycles
    .command('sweep')
    .description('finalise sheets whose appeal window passed with no appeal')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print JSON')
    .action(async (opts: { company?: string; json?: boolean }) => {
      const ctx = await openContext(opts.company)
      try {
        const result = await sweepDueSheets(deps(ctx.db), ctx.companyId)
        if (opts.json) console.log(JSON.stringify(result))
        else
          console.log(
            `已归档 ${result.finalized.length} 张考核表${result.finalized.length ? `：${result.finalized.join(', ')}` : ''}`,
          )
      } finally {
        await ctx.close()
      }
    })

  registerCycleSheetsCommand(cycles, config)
  registerCycleHistoryTargetsCommand(cycles, config)
}
