// Opening and computing a cycle for 2,000 employees as jobs vs the bare SQL each needs (issue 5 target ≤ 1.5×).
//
// Per engine (PGlite, and PostgreSQL when reachable), on a generated company (bench/workflow-company.ts):
//  open     openCycle + its job: validation, the cycle, job and audit rows, participant batches, one
//           INSERT … SELECT per 1,000 participants with progress, the audited status change
//    bare   the one INSERT … SELECT that creates the same 2,000 sheets
//  compute  computeCycle + its job: per 1,000 sheets one transaction that locks the rows, scores them with the
//           engine (explanations included), writes the scores and one event per sheet, a feedback
//           notification per reviewer and one audit row with every sheet's before and after
//    bare   read the sheets and their template version, and write the same scores in one UPDATE
// Each figure is the median of 3 runs after one warm-up, job and bare interleaved; between runs the
// sheets are reset (not timed) so every run starts from the same table.
// Run: node bin/run-ts.js bench/cycle-open-compute.bench.ts [open|compute] (one step only; both by default)
import { sql } from 'kysely'
import type { Db } from '../src/db/database.ts'
import { createTestDatabase, type EngineName, isPostgresReachable } from '../src/db/test-database.ts'
import { computeCycle } from '../src/services/cycles/compute-cycle.ts'
import { type BenchCompany, generateBenchCompany, openBenchCycle } from './workflow-company.ts'

const size = { employees: 2000, supervisors: 50, managers: 5 }
const runs = 3

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Warm-up once each, then `runs` interleaved timings of job and bare, each followed by an untimed reset. */
async function compare(
  job: () => Promise<unknown>,
  bare: () => Promise<unknown>,
  reset: () => Promise<unknown>,
): Promise<{ jobMs: number; bareSqlMs: number; ratio: number; jobRuns: number[]; bareRuns: number[] }> {
  const jobRuns: number[] = []
  const bareRuns: number[] = []
  for (let i = 0; i <= runs; i++) {
    const j = await timed(job)
    await reset()
    const b = await timed(bare)
    await reset()
    if (i === 0) continue
    jobRuns.push(Math.round(j))
    bareRuns.push(Math.round(b))
  }
  const jobMs = median(jobRuns)
  const bareSqlMs = median(bareRuns)
  return { jobMs, bareSqlMs, ratio: Number((jobMs / bareSqlMs).toFixed(2)), jobRuns, bareRuns }
}

async function benchOpen(db: Db, co: BenchCompany, deps: { db: Db; now: () => Date }) {
  let n = 0
  let lastCycle = 0
  const bareCycle = await sql<{ id: number }>`
    insert into cycles (company_id, name, kind, period_start, period_end, status)
    values (${co.companyId}, 'bare', 'monthly', '2026-09-01', '2026-09-30', 'open') returning id`.execute(db)
  const bareId = bareCycle.rows[0]!.id
  const job = async () => {
    n++
    lastCycle = await openBenchCycle(deps, co, `open-${n}`)
  }
  const bare = () =>
    sql`insert into appraisal_sheets (company_id, cycle_id, employee_id, reviewer_employee_id, department_id, position_id, template_version_id)
        select e.company_id, ${bareId}, e.id, e.manager_id, e.department_id, e.position_id, tv.id
        from employees e
        join position_templates pt on pt.position_id = e.position_id
        join templates t on t.id = pt.template_id
        join template_versions tv on tv.template_id = t.id and tv.version = t.latest_version
        where e.company_id = ${co.companyId} and e.status <> 'left'`.execute(db)
  let created = 0
  const reset = async () => {
    const counted = await sql<{ n: number }>`
      select count(*)::int as n from appraisal_sheets where cycle_id in (${bareId}, ${lastCycle})`.execute(db)
    created = Math.max(created, Number(counted.rows[0]!.n))
    await sql`delete from appraisal_sheets where cycle_id in (${bareId}, ${lastCycle})`.execute(db)
    await sql`delete from cycles where id = ${lastCycle}`.execute(db)
    await sql`vacuum analyze appraisal_sheets`.execute(db)
  }
  // `created` is read after the runs (spread first, it would report the 0 it held before them).
  const compared = await compare(job, bare, reset)
  return { sheets: created, ...compared }
}

async function benchCompute(db: Db, co: BenchCompany, deps: { db: Db; now: () => Date }) {
  const cycleId = await openBenchCycle(deps, co)
  // Every sheet reviewed: self 24 / supervisor 20 on service quality, the shop data entered.
  const review = (score: number) =>
    JSON.stringify({
      indicators: { problem_resolution_rate: { actual: 0.95 }, service_quality: { score, comment: 'ok' } },
    })
  await sql`update appraisal_sheets set state = 'supervisor_submitted',
      self_review = ${review(24)}::jsonb, supervisor_review = ${review(20)}::jsonb,
      shared_inputs = '{"indicators":{"customer_reviews":{"actual":0.98},"complaint_handling_rate":{"actual":1}}}'::jsonb
    where cycle_id = ${cycleId}`.execute(db)
  const reset = async () => {
    await sql`update appraisal_sheets set state = 'supervisor_submitted', score = null, total = null, grade = null,
        coefficient = null where cycle_id = ${cycleId}`.execute(db)
    await sql`delete from sheet_events where sheet_id in (select id from appraisal_sheets where cycle_id = ${cycleId})`.execute(
      db,
    )
    await sql`delete from notifications where company_id = ${co.companyId}`.execute(db)
    await sql`vacuum analyze appraisal_sheets`.execute(db)
    await sql`vacuum analyze sheet_events`.execute(db)
  }
  // The scores the bare UPDATE writes: the job's own, read back once.
  let payload = ''
  const job = async () => {
    const started = await computeCycle(deps, co.actor, cycleId)
    await started.completion
    if (!payload) {
      const scored = await sql`select id, score, total::text, grade, coefficient::text from appraisal_sheets
          where cycle_id = ${cycleId} and state = 'computed'`.execute(db)
      if (scored.rows.length !== size.employees) throw new Error(`computed ${scored.rows.length} sheets`)
      payload = JSON.stringify(scored.rows)
    }
  }
  const bare = async () => {
    await sql`select s.* from appraisal_sheets s where s.cycle_id = ${cycleId} and s.state = 'supervisor_submitted'`.execute(
      db,
    )
    await sql`select id, definition from template_versions
        where id in (select template_version_id from appraisal_sheets where cycle_id = ${cycleId})`.execute(
      db,
    )
    await sql`update appraisal_sheets s set score = v.score, total = v.total::numeric, grade = v.grade,
          coefficient = v.coefficient::numeric, state = 'computed', version = s.version + 1
        from jsonb_to_recordset(${payload}::jsonb) as v(id int, score jsonb, total text, grade text, coefficient text)
        where s.id = v.id`.execute(db)
  }
  const result = await compare(job, bare, reset)
  // The totals the job wrote (the table itself is reset after every run, so it holds none by now).
  const totals = new Map<string | null, number>()
  for (const r of JSON.parse(payload) as { total: string | null }[])
    totals.set(r.total, (totals.get(r.total) ?? 0) + 1)
  return {
    sheets: size.employees,
    ...result,
    scoreBytesPerSheet: Math.round(payload.length / size.employees),
    totals: [...totals].map(([total, sheets]) => ({ total, sheets })),
  }
}

async function benchEngine(engine: EngineName) {
  const handle = await createTestDatabase(engine)
  try {
    const db = handle.db
    const co = await generateBenchCompany(db, size)
    const deps = { db, now: () => new Date('2026-10-09T02:00:00Z') }
    return {
      engine,
      open: steps.includes('open') ? await benchOpen(db, co, deps) : undefined,
      compute: steps.includes('compute') ? await benchCompute(db, co, deps) : undefined,
    }
  } finally {
    await handle.close()
  }
}

const named = process.argv.slice(2).filter((a): a is 'open' | 'compute' => a === 'open' || a === 'compute')
const steps = named.length > 0 ? named : ['open', 'compute']
const engines: EngineName[] = ['pglite']
if (await isPostgresReachable()) engines.push('postgres')
const results = []
for (const engine of engines) results.push(await benchEngine(engine))
console.log('cycle open/compute, 2,000 employees (median of 3; ratio = job / bare SQL; target ≤ 1.5)')
console.table(
  results.flatMap((r) =>
    (['open', 'compute'] as const).flatMap((step) => {
      const figures = r[step]
      return figures
        ? [
            {
              engine: r.engine,
              step,
              jobMs: figures.jobMs,
              bareSqlMs: figures.bareSqlMs,
              ratio: figures.ratio,
            },
          ]
        : []
    }),
  ),
)
console.log(JSON.stringify({ benchmark: 'cycle-open-compute', target: 'ratio ≤ 1.5', results }))
process.exit(0)
