// The pay sheet at company scale: 2,000 generated employees with a final monthly cycle.
//  1. Computing the pay sheet (computePaySheet: read sheets, schemes, rewards/penalties, entered inputs, the
//     metric and revised-review queries, then computePay per person in decimal) vs the bare SQL reading the
//     same inputs, on PGlite and PostgreSQL. Target ratio ≤ 1.5×.
//  2. Exporting that pay sheet (≈ 14,000 rows) to XLSX, streamed, in a child process: peak RSS over the
//     process's RSS before the export starts. Target < 200 MB.
// Run: node bin/run-ts.js bench/pay-sheet.bench.ts   (prints JSON)
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { customerServicePayScheme } from '../src/core/pay/pay-scheme.ts'
import { findCycle } from '../src/db/cycle-repository.ts'
import type { Db } from '../src/db/database.ts'
import { savePayAssignmentRow } from '../src/db/pay-repository.ts'
import { createTestDatabase, type EngineName, isPostgresReachable } from '../src/db/test-database.ts'
import { buildCycleExport } from '../src/services/exports/build-cycle-export.ts'
import { writeXlsxExport } from '../src/services/exports/write-table-export.ts'
import { computePaySheet } from '../src/services/pay/compute-pay-sheet.ts'
import { addPastCycles, generateBenchCompany } from './workflow-company.ts'

const employees = 2000
const runs = 5

async function setUp(db: Db) {
  const company = await generateBenchCompany(db, { employees, supervisors: 50, managers: 5 })
  await addPastCycles(db, company, 1)
  const cycleId = (
    await db
      .selectFrom('cycles' as never)
      .select('id' as never)
      .executeTakeFirstOrThrow()
  ).id as number
  await savePayAssignmentRow(
    db,
    company.companyId,
    {
      positionId: company.positionId,
      employeeId: null,
      scheme: customerServicePayScheme(),
      inputSources: {},
      userId: null,
    },
    undefined,
  )
  // Entered sales and review counts for everyone, and a reward or penalty for every fourth person.
  await sql`
    insert into pay_input_values (company_id, cycle_id, employee_id, values)
    select e.company_id, ${cycleId}, e.id,
           jsonb_build_object('sales', ((e.id * 7919) % 5000000) / 100.0,
                              'neutral_reviews_revised', e.id % 4, 'negative_reviews_revised', e.id % 3)
    from employees e where e.company_id = ${company.companyId}`.execute(db)
  await sql`
    insert into pay_items (company_id, cycle_id, employee_id, kind, label, amount)
    select e.company_id, ${cycleId}, e.id, 'reward_penalty', case when e.id % 8 = 0 then '迟到' else '全勤奖' end,
           case when e.id % 8 = 0 then -20 else 50 end
    from employees e where e.company_id = ${company.companyId} and e.id % 4 = 0`.execute(db)
  await sql`analyze`.execute(db)
  return { companyId: company.companyId, cycleId }
}

/** The same inputs read with plain SQL and nothing else. */
async function bareRead(db: Db, companyId: number, cycleId: number, start: string, end: string) {
  await Promise.all([
    sql`select s.id, s.employee_id, e.employee_no, e.name, d.name as dept, s.position_id, p.name as pos, s.state,
               s.total, s.grade, s.coefficient
          from appraisal_sheets s join employees e on e.id = s.employee_id
          left join departments d on d.id = s.department_id left join positions p on p.id = s.position_id
          left join employees r on r.id = s.reviewer_employee_id
         where s.company_id = ${companyId} and s.cycle_id = ${cycleId} order by e.employee_no`.execute(db),
    sql`select * from pay_assignments where company_id = ${companyId}`.execute(db),
    sql`select i.*, e.name from pay_items i join employees e on e.id = i.employee_id
         where i.company_id = ${companyId} and i.cycle_id = ${cycleId}`.execute(db),
    sql`select * from pay_input_values where company_id = ${companyId} and cycle_id = ${cycleId}`.execute(db),
    sql`select agent_nick, sum(final_paid_amount) from fact_cs_performance
         where company_id = ${companyId} and day >= ${start}::date and day < ${end}::date group by agent_nick`.execute(
      db,
    ),
    sql`select agent_nick, count(*) from fact_reviews
         where company_id = ${companyId} and day >= ${start}::date and day < ${end}::date group by agent_nick`.execute(
      db,
    ),
  ])
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function measure(engine: EngineName) {
  const handle = await createTestDatabase(engine)
  try {
    const { companyId, cycleId } = await setUp(handle.db)
    const cycle = (await findCycle(handle.db, companyId, cycleId))!
    const end = new Date(Date.UTC(2026, 1, 1)).toISOString().slice(0, 10)
    const service: number[] = []
    const bare: number[] = []
    let lines = 0
    for (let i = 0; i <= runs; i++) {
      let t = performance.now()
      await bareRead(handle.db, companyId, cycleId, cycle.periodStart, end)
      const b = performance.now() - t
      t = performance.now()
      const sheet = await computePaySheet(handle.db, companyId, cycle)
      const s = performance.now() - t
      lines = sheet.employees.reduce((n, e) => n + e.lines.length, 0)
      if (sheet.problemCount > 0) throw new Error(`pay sheet has ${sheet.problemCount} problems`)
      if (i === 0) continue // warm-up
      bare.push(b)
      service.push(s)
    }
    return {
      engine,
      employees,
      payLines: lines,
      computePaySheetMs: Math.round(median(service)),
      bareSqlMs: Math.round(median(bare)),
      ratio: Math.round((median(service) / median(bare)) * 100) / 100,
    }
  } finally {
    await handle.close()
  }
}

/** Child: build the company in memory, then export its pay sheet to XLSX while sampling RSS. */
async function exportChild(out: string) {
  const handle = await createTestDatabase('pglite')
  const { companyId, cycleId } = await setUp(handle.db)
  globalThis.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 5)
  const t = performance.now()
  const table = await buildCycleExport(handle.db, companyId, 'pay', cycleId)
  const { rows } = await writeXlsxExport(table, out)
  const ms = performance.now() - t
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  await handle.close()
  console.log(
    JSON.stringify({
      rows,
      ms: Math.round(ms),
      rssBeforeMb: Math.round(before / 2 ** 20),
      peakRssDeltaMb: Math.round((peak - before) / 2 ** 20),
    }),
  )
}

if (process.argv[2] === '--export-child') {
  await exportChild(process.argv[3]!)
} else {
  const results: unknown[] = [await measure('pglite')]
  if (await isPostgresReachable()) results.push(await measure('postgres'))
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-pay-bench-'))
  const out = join(dir, 'pay.xlsx')
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', 'bin/run-ts.js', 'bench/pay-sheet.bench.ts', '--export-child', out],
    {
      encoding: 'utf8',
    },
  )
  const exported =
    child.status === 0 ? JSON.parse(child.stdout.trim().split('\n').at(-1)!) : { error: child.stderr }
  const size = child.status === 0 ? (await stat(out)).size : 0
  await rm(dir, { recursive: true, force: true })
  console.log(
    JSON.stringify(
      {
        paySheet: results,
        xlsxExport: { ...exported, fileKb: Math.round(size / 1024), targetPeakRssDeltaMb: 200 },
        target: 'computePaySheet ≤ 1.5 × bare SQL; export peak RSS delta < 200 MB',
      },
      null,
      2,
    ),
  )
}
