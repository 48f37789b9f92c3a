import { readFile, writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { simulationRequestSchema } from '../../contracts/simulations.ts'
import { DomainError } from '../../core/errors.ts'
import { getSimulation } from '../../services/simulations/get-simulation.ts'
import { simulateCycle } from '../../services/simulations/simulate-cycle.ts'
import { describeChanges, writeSimulationXlsx } from '../../services/simulations/write-simulation-xlsx.ts'
import { openCliContext } from '../cli-context.ts'
import { CliError } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'

// `jixiao simulate --cycle N --template FILE|--template-version ID|--pay-scheme FILE [--json] [--xlsx FILE]`:
// what-if of a draft template or pay scheme on a finished cycle (issue 16 part 10), run in this process.
// Nothing stored changes.

async function readJson(path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new CliError(`cannot read ${what} file ${path}: ${(error as Error).message}`, 2)
  }
}

export function registerSimulateCommand(program: Command, config: Config): void {
  program
    .command('simulate')
    .description(
      'simulate a draft template or pay scheme on a finished cycle: every person today → draft, the rules that moved them, department totals',
    )
    .requiredOption('--cycle <id>', 'cycle id')
    .option('--template <file>', 'a draft template as JSON (a Template, or {"definition": Template})')
    .option('--template-version <id>', 'a saved template version id to try instead of the cycle’s')
    .option('--pay-scheme <file>', 'a pay scheme as JSON, tried in place of the scheme of the same code')
    .option('--xlsx <file>', 'also write the comparison as XLSX')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        cycle: string
        template?: string
        templateVersion?: string
        payScheme?: string
        xlsx?: string
        company?: string
        json?: boolean
      }) => {
        const cycleId = Number(opts.cycle)
        if (!Number.isInteger(cycleId) || cycleId <= 0)
          throw new CliError(`--cycle must be a cycle id, not "${opts.cycle}"`, 2)
        let template = opts.template ? await readJson(opts.template, 'template') : undefined
        if (template && typeof template === 'object' && 'definition' in template)
          template = (template as { definition: unknown }).definition
        const parsed = simulationRequestSchema.safeParse({
          template,
          templateVersionId: opts.templateVersion === undefined ? undefined : Number(opts.templateVersion),
          payScheme: opts.payScheme ? await readJson(opts.payScheme, 'pay scheme') : undefined,
        })
        if (!parsed.success)
          throw new DomainError(
            'invalid_input',
            '模拟的输入无效 / invalid simulation input',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          )
        const ctx = await openCliContext(config, opts.company)
        try {
          const deps = { db: ctx.db, now: () => new Date() }
          const started = await simulateCycle(deps, ctx.actor, cycleId, parsed.data)
          const simulation = await started.completion
          if (!simulation) {
            const failed = await getSimulation(deps, ctx.actor, cycleId, started.simulationId)
            throw new CliError(`模拟失败 / the simulation failed: ${failed.error ?? ''}`)
          }
          if (opts.xlsx) await writeFile(opts.xlsx, await writeSimulationXlsx(simulation, 'zh-CN'))
          if (opts.json) {
            console.log(JSON.stringify(simulation, null, 2))
            return
          }
          const moved = simulation.rows.filter((r) => r.changed)
          console.log(
            `${simulation.cycleName} 模拟 simulation ${simulation.id}: ${moved.length} / ${simulation.rows.length} 人结果变动 changed`,
          )
          const arrow = (a: string | null, b: string | null) => `${a ?? '—'} → ${b ?? '—'}`
          console.log(
            formatTable(
              ['工号', '姓名', '部门', '得分', '等级', '系数', '薪酬', 'Δ薪酬', '变动原因'],
              moved.map((r) => [
                r.employeeNo,
                r.employeeName,
                r.departmentName ?? '—',
                arrow(r.today.total, r.draft.total),
                arrow(r.today.grade, r.draft.grade),
                arrow(r.today.coefficient, r.draft.coefficient),
                arrow(r.today.pay, r.draft.pay),
                r.delta.pay ?? '—',
                describeChanges(r, 'zh-CN'),
              ]),
            ),
          )
          console.log(
            formatTable(
              ['部门', '人数', '变动', '平均分', '薪酬合计', 'Δ薪酬'],
              [...simulation.departments, simulation.all].map((d, i) => [
                i === simulation.departments.length ? '全部 all' : (d.departmentName ?? '无部门'),
                d.people,
                d.changed,
                arrow(d.today.averageScore, d.draft.averageScore),
                arrow(d.today.pay, d.draft.pay),
                d.delta.pay,
              ]),
            ),
          )
        } finally {
          await ctx.close()
        }
      },
    )
}
