import type { Command } from 'commander'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { type CoverageCheck, checkCoverage } from '../../services/rota/check-coverage.ts'
import { computeMonthlyAttendance } from '../../services/rota/compute-monthly-attendance.ts'
import { publishMonthlyAttendance } from '../../services/rota/publish-monthly-attendance.ts'
import { verifySampleDraw } from '../../services/rota/verify-sample-draw.ts'
import { writeRotaMonthExport } from '../../services/rota/write-rota-month-export.ts'
import { CliError } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'

// `jixiao rota check|attendance|publish-attendance|export|verify-draw`: the coverage check (排班覆盖检查) and monthly attendance (月度考勤) without a server.

/** Opens the database for the company named by --company (or the only one). */
export type OpenRotaDeps = (options: { company?: string }) => Promise<{
  db: Db
  companyId: number
  close(): Promise<void>
}>

type Print = (text: string) => void

export function registerRotaCommands(
  program: Command,
  openDeps: OpenRotaDeps,
  print: Print = console.log,
): void {
  const rota = program.command('rota').description('customer-service rota and attendance (客服排班与考勤)')

  rota
    .command('check')
    .description('report service hours with too few agents and agents over the rota limits')
    .requiredOption('--from <date>', 'first date, YYYY-MM-DD (company time zone)')
    .requiredOption('--to <date>', 'last date, YYYY-MM-DD (included)')
    .option('--max-weekly-hours <hours>', 'weekly-hours limit (default: the stored attendance rules)')
    .option('--max-consecutive-days <days>', 'consecutive-days limit (default: the stored attendance rules)')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        from: string
        to: string
        maxWeeklyHours?: string
        maxConsecutiveDays?: string
        company?: string
        json?: boolean
      }) => {
        const limits =
          opts.maxWeeklyHours === undefined && opts.maxConsecutiveDays === undefined
            ? undefined
            : {
                maxWeeklyHours: numberOption(opts.maxWeeklyHours, '--max-weekly-hours'),
                maxConsecutiveDays: numberOption(opts.maxConsecutiveDays, '--max-consecutive-days'),
              }
        const deps = await openDeps({ company: opts.company })
        try {
          const report = await checkCoverage(
            deps,
            deps.companyId,
            opts.from,
            opts.to,
            limits ? { limits } : {},
          )
          print(opts.json ? JSON.stringify(report, null, 2) : formatCoverage(report))
        } finally {
          await deps.close()
        }
      },
    )

  registerVerifyDraw(rota, openDeps, print)
  registerExport(rota, openDeps, print)

  rota
    .command('attendance')
    .description('monthly attendance per agent: 出勤率, late, early leave, absence, leave days')
    .requiredOption('--month <month>', 'month, YYYY-MM')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print JSON (per-shift verdicts, summaries and metrics)')
    .action(async (opts: { month: string; company?: string; json?: boolean }) => {
      const deps = await openDeps({ company: opts.company })
      try {
        const result = await computeMonthlyAttendance(deps, deps.companyId, opts.month)
        if (opts.json) return print(JSON.stringify(result, null, 2))
        print(
          `${result.month} (${result.timeZone}), grace ${result.rules.lateGraceMinutes}/${result.rules.earlyLeaveGraceMinutes} min`,
        )
        print(
          formatTable(
            [
              'employee',
              'scheduled',
              'attended',
              '出勤率',
              'late 迟到',
              'early 早退',
              'absent 旷工',
              'leave days 请假',
            ],
            result.summaries.map((s) => [
              result.employeeNames[s.employeeId] ?? `#${s.employeeId}`,
              s.scheduledShifts,
              s.attendedShifts,
              s.attendanceRate === null ? '—' : `${(s.attendanceRate * 100).toFixed(2)}%`,
              s.lateCount,
              s.earlyLeaveCount,
              s.absenceCount,
              s.leaveDays,
            ]),
          ),
        )
      } finally {
        await deps.close()
      }
    })
}

/** `jixiao rota export` and `publish-attendance`: the month's rota workbook, and attendance as metric facts. */
function registerExport(rota: Command, openDeps: OpenRotaDeps, print: Print): void {
  rota
    .command('export')
    .description('write the month’s rota as XLSX: agents × days grid, coverage gaps, limit breaches')
    .requiredOption('--month <month>', 'month, YYYY-MM')
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .action(async (opts: { month: string; out: string; company?: string }) => {
      const deps = await openDeps({ company: opts.company })
      try {
        const { sheets } = await writeRotaMonthExport(deps, deps.companyId, opts.month, opts.out)
        print(`wrote ${opts.out}: ${sheets.join(', ')}`)
      } finally {
        await deps.close()
      }
    })

  rota
    .command('publish-attendance')
    .description(
      'store the month’s rota-matched attendance as attendance facts (出勤率, 迟到, 早退, 旷工, 请假 metrics)',
    )
    .requiredOption('--month <month>', 'month, YYYY-MM')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .action(async (opts: { month: string; company?: string }) => {
      const deps = await openDeps({ company: opts.company })
      try {
        const result = await publishMonthlyAttendance(deps, deps.companyId, opts.month)
        print(
          `import #${result.importId}: ${result.rows} agent-days of ${result.month} stored, ${result.replacedRows} earlier rows replaced`,
        )
      } finally {
        await deps.close()
      }
    })
}

/** `jixiao rota verify-draw <id>`: redraws a recorded weekly sample to show it was not picked by hand. */
function registerVerifyDraw(rota: Command, openDeps: OpenRotaDeps, print: Print): void {
  rota
    .command('verify-draw <id>')
    .description('redo a recorded weekly sample draw from its seed and say whether it matches')
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { company?: string; json?: boolean }) => {
      const drawId = Number(id)
      if (!Number.isInteger(drawId) || drawId <= 0)
        throw new DomainError(
          'invalid_input',
          `抽样编号应为正整数 / the draw id must be a positive whole number`,
          [{ path: 'id', message: `not an id: ${id}` }],
        )
      const deps = await openDeps({ company: opts.company })
      let reproduces = true
      try {
        const { draw, reproducible } = await verifySampleDraw(deps, deps.companyId, drawId)
        reproduces = reproducible
        if (opts.json) print(JSON.stringify({ ...draw, reproducible }, null, 2))
        else
          print(
            [
              `draw ${draw.id}: employee ${draw.employeeId}, week ${draw.week}, ${draw.algorithm}`,
              `seed ${draw.seed}; ${draw.drawnIds.length} of ${draw.candidateIds.length} candidates`,
              `drawn: ${draw.drawnIds.join(', ')}`,
              reproducible
                ? 'reproducible: the seed gives exactly these items 可复现'
                : 'NOT reproducible: the record does not match its seed 记录与种子不符',
            ].join('\n'),
          )
      } finally {
        await deps.close()
      }
      // Thrown after closing: the embedded engine resets process.exitCode when it shuts down.
      if (!reproduces) throw new CliError(`draw ${drawId} does not reproduce from its seed 记录与种子不符`, 1)
    })
}

function numberOption(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new DomainError('invalid_input', `${flag} 应为正数 / ${flag} must be a positive number`, [
      { path: flag, message: `not a positive number: ${value}` },
    ])
  return n
}

/** The readable form of a coverage report: uncovered intervals, then limit violations. */
export function formatCoverage(report: CoverageCheck): string {
  const name = (id: number) => report.employeeNames[id] ?? `#${id}`
  const lines = [`coverage ${report.from} – ${report.to} (${report.timeZone})`, '']
  if (report.gaps.length === 0) lines.push('every interval of the service hours is covered 服务时间全部有人')
  else {
    lines.push(`uncovered intervals 未覆盖时段: ${report.gaps.length}`)
    lines.push(
      formatTable(
        ['date', 'weekday', 'from–to', 'on duty', 'required', 'agents'],
        report.gaps.map((g) => [
          g.date,
          g.weekdayName,
          `${g.from}–${g.to}`,
          g.onDuty,
          g.required,
          g.employeeIds.map(name).join('、') || '—',
        ]),
      ),
    )
  }
  if (report.weeklyHoursViolations.length > 0) {
    lines.push('', `over the weekly-hours limit 超出每周工时: ${report.weeklyHoursViolations.length}`)
    lines.push(
      formatTable(
        ['agent', 'week', 'hours', 'limit'],
        report.weeklyHoursViolations.map((v) => [
          name(v.employeeId),
          `${v.weekStart}–${v.weekEnd}`,
          v.hours,
          v.limit,
        ]),
      ),
    )
  }
  if (report.consecutiveDaysViolations.length > 0) {
    lines.push(
      '',
      `over the consecutive-days limit 超出连续工作天数: ${report.consecutiveDaysViolations.length}`,
    )
    lines.push(
      formatTable(
        ['agent', 'from–to', 'days', 'limit'],
        report.consecutiveDaysViolations.map((v) => [
          name(v.employeeId),
          `${v.from}–${v.to}`,
          v.days,
          v.limit,
        ]),
      ),
    )
  }
  return lines.join('\n')
}
