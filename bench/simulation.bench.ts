// Simulating a draft template on a finished 2,000-person cycle vs computing the same cycle (issue 16 part 10,
// target ≤ 1.2×).
//
// Per engine (PGlite in a data folder, and PostgreSQL when reachable), on a generated company
// (bench/workflow-company.ts) whose September cycle is finished (services/simulations/testing/finished-bench-cycle.ts):
//  compute   computeCycle as a job, as HR runs it: every sheet locked, scored (on the scoring thread: 2,000 sheets),
//            written with an event each, notifications and the audit row. Before each run the sheets are put back
//            to 上级已评分 (not timed); after it they are made final again (not timed).
//  simulate  simulateCycle as a job with a draft that moves weight between two indicators: both sides scored for
//            every sheet, the pay sheet's inputs read, each side paid, the rules compared, department totals, the
//            comparison stored in the job row.
// Each figure is the median of 3 runs after one warm-up, compute and simulate interleaved. The load average is
// printed beside the figures (the machine is shared).
// Run: node bin/run-ts.js bench/simulation.bench.ts
import { loadavg } from 'node:os'
import { sql } from 'kysely'
import type { Template } from '../src/core/templates/template.ts'
import type { Db } from '../src/db/database.ts'
import { type EngineName, isPostgresReachable } from '../src/db/test-database.ts'
import { computeCycle } from '../src/services/cycles/compute-cycle.ts'
import { stopScoringThread } from '../src/services/cycles/scoring-thread.ts'
import { simulateCycle } from '../src/services/simulations/simulate-cycle.ts'
import { finishedBenchCycle } from '../src/services/simulations/testing/finished-bench-cycle.ts'
import { openBenchDatabase } from './bench-database.ts'
import { generateBenchCompany } from './workflow-company.ts'

const size = { employees: 2000, supervisors: 50, managers: 5 }
const runs = 3

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return Math.round(performance.now() - start)
}

async function benchEngine(engine: EngineName) {
  const handle = await openBenchDatabase(engine)
  try {
    const db: Db = handle.db
    const deps = { db, now: () => new Date() }
    const company = await generateBenchCompany(db, size)
    const cycleId = await finishedBenchCycle(deps, company, { scoringThread: 'when large' })
    const version = await sql<{ definition: Template }>`select definition from template_versions
        where id = (select template_version_id from appraisal_sheets where cycle_id = ${cycleId} limit 1)`.execute(
      db,
    )
    const draft = structuredClone(version.rows[0]!.definition)
    for (const indicator of draft.dimensions[0]!.indicators) {
      if (indicator.key === 'customer_reviews') indicator.maxPoints = 35
      if (indicator.key === 'complaint_handling_rate') indicator.maxPoints = 15
    }
    const reset = async () => {
      await sql`update appraisal_sheets set state = 'supervisor_submitted', score = null, total = null, grade = null,
          coefficient = null where cycle_id = ${cycleId}`.execute(db)
      await sql`update cycles set status = 'open' where id = ${cycleId}`.execute(db)
      await sql`delete from sheet_events where sheet_id in (select id from appraisal_sheets where cycle_id = ${cycleId})`.execute(
        db,
      )
      await sql`delete from notifications where company_id = ${company.companyId}`.execute(db)
      await sql`vacuum analyze appraisal_sheets`.execute(db)
    }
    const finish = async () => {
      await sql`update appraisal_sheets set state = 'final' where cycle_id = ${cycleId}`.execute(db)
      await sql`update cycles set status = 'closed' where id = ${cycleId}`.execute(db)
    }
    const compute = async () => {
      const started = await computeCycle(deps, company.actor, cycleId)
      await started.completion
    }
    let changed = 0
    const simulate = async () => {
      const started = await simulateCycle(deps, company.actor, cycleId, { template: draft })
      const simulation = await started.completion
      if (!simulation) throw new Error('the simulation failed')
      changed = simulation.all.changed
    }
    const computeRuns: number[] = []
    const simulateRuns: number[] = []
    for (let i = 0; i <= runs; i++) {
      await reset()
      const c = await timed(compute)
      await finish()
      const s = await timed(simulate)
      if (i > 0) {
        computeRuns.push(c)
        simulateRuns.push(s)
      }
    }
    const computeMs = median(computeRuns)
    const simulateMs = median(simulateRuns)
    return {
      engine,
      people: size.employees,
      changed,
      computeMs,
      simulateMs,
      ratio: Number((simulateMs / computeMs).toFixed(2)),
      computeRuns,
      simulateRuns,
      loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
    }
  } finally {
    await handle.close()
  }
}

const engines: EngineName[] = ['pglite', ...((await isPostgresReachable()) ? (['postgres'] as const) : [])]
const results = []
for (const engine of engines) results.push(await benchEngine(engine))
await stopScoringThread()
console.log(
  `simulation vs compute, ${size.employees} people (median of ${runs}; ratio = simulate / compute; target ≤ 1.2)`,
)
console.table(results.map(({ computeRuns, simulateRuns, ...r }) => r))
console.log(JSON.stringify({ benchmark: 'simulation', target: 'ratio ≤ 1.2', results }))
process.exit(0)
