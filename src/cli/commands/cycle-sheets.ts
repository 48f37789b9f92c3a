import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { cycleSheetQuerySchema, cycleSheetSorts } from '../../contracts/cycle-sheets.ts'
import { DomainError } from '../../core/errors.ts'
import { listCycleSheetsPaged } from '../../services/cycles/list-cycle-sheet-page.ts'
import { openCliContext } from '../cli-context.ts'
import { formatTable } from '../print-table.ts'

type SheetsOptions = {
  cycle: string
  department?: string
  state?: string
  grade?: string
  overdue?: boolean
  hasAppeal?: boolean
  held?: boolean
  sort?: string
  desc?: boolean
  limit?: string
  offset?: string
  company?: string
  json?: boolean
}

// `jixiao cycles sheets --cycle N`: 全部考核表 in a terminal, with the web page's filters (the same query schema).
export function registerCycleSheetsCommand(cycles: Command, config: Config): void {
  cycles
    .command('sheets')
    .description('every sheet of a cycle (全部考核表), filtered, sorted and paged')
    .requiredOption('--cycle <id>', 'cycle id')
    .option('--department <id|name>', 'department id or name')
    .option('--state <states>', 'sheet states, comma-separated (draft,self_submitted,…)')
    .option('--grade <grade>', 'grade (A, B, …)')
    .option('--overdue', 'only sheets whose next step is overdue')
    .option('--has-appeal', 'only sheets with an appeal')
    .option('--held', 'only sheets held by the last compute for missing data')
    .option('--sort <key>', cycleSheetSorts.join(', '), 'name')
    .option('--desc', 'sort descending')
    .option('--limit <n>', 'rows per page (at most 200)', '50')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--company <id>', 'company id or name')
    .option('--json', 'print JSON')
    .action(async (opts: SheetsOptions) => {
      const ctx = await openCliContext(config, opts.company)
      try {
        const deps = { db: ctx.db, now: () => new Date() }
        const cycleId = Number(opts.cycle)
        if (!Number.isInteger(cycleId) || cycleId <= 0)
          throw new DomainError('invalid_input', `--cycle 应为周期编号：${opts.cycle}`, [
            { path: 'cycle', message: '应为正整数' },
          ])
        const departmentId = await resolveDepartment(opts.department, async () => {
          const all = await listCycleSheetsPaged(deps, ctx.actor, cycleId, parse({ limit: '1' }))
          return all.departments
        })
        const query = parse({
          departmentId: departmentId === undefined ? undefined : String(departmentId),
          state: opts.state,
          grade: opts.grade,
          overdue: opts.overdue ? 'true' : undefined,
          hasAppeal: opts.hasAppeal ? 'true' : undefined,
          held: opts.held ? 'true' : undefined,
          sort: opts.sort,
          direction: opts.desc ? 'desc' : 'asc',
          limit: opts.limit,
          offset: opts.offset,
        })
        const page = await listCycleSheetsPaged(deps, ctx.actor, cycleId, query)
        if (opts.json) return console.log(JSON.stringify(page, null, 2))
        console.log(
          formatTable(
            ['id', '工号', '姓名', '部门', '状态', '总分', '等级', '截止日', ''],
            page.items.map((s) => [
              s.id,
              s.employeeNo,
              s.employeeName,
              s.departmentName ?? '',
              s.state,
              s.total ?? '',
              s.grade ?? '',
              s.dueDate ?? '',
              [s.isOverdue ? '逾期' : '', s.hasAppeal ? '有申诉' : '', s.isHeld ? '待补数据' : '']
                .filter(Boolean)
                .join(' '),
            ]),
          ),
        )
        const last = page.offset + page.items.length
        console.log(
          `${page.cycle.name}：第 ${page.items.length ? page.offset + 1 : 0}–${last} 张，共 ${page.total} 张`,
        )
      } finally {
        await ctx.close()
      }
    })
}

function parse(raw: Record<string, string | undefined>) {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined))
  const parsed = cycleSheetQuerySchema.safeParse(defined)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new DomainError(
      'invalid_input',
      `参数无效：${issues.map((i) => `--${i.path} ${i.message}`).join('；')}`,
      issues,
    )
  }
  return parsed.data
}

/** A department given by id, or by the name of one of the cycle's departments. */
async function resolveDepartment(
  given: string | undefined,
  departments: () => Promise<{ id: number; name: string }[]>,
): Promise<number | undefined> {
  if (given === undefined) return undefined
  if (/^\d+$/.test(given)) return Number(given)
  const found = (await departments()).find((d) => d.name === given.trim())
  if (!found)
    throw new DomainError('invalid_input', `本周期没有部门“${given}”的考核表`, [
      { path: 'department', message: '部门不存在' },
    ])
  return found.id
}
