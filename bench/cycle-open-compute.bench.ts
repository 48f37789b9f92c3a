// Opening and computing a cycle for 2,000 employees as jobs vs the bare SQL each needs (issue 5 target ≤ 1.5×).
//
// Per engine (PGlite in a data folder, as `npm start` runs it, and PostgreSQL when reachable), on a generated
// company (bench/workflow-company.ts):
//  open     openCycle + its job: validation, the cycle, job and audit rows, participant batches, one
//           INSERT … SELECT per 1,000 participants with progress, the audited status change
//    bare   the one INSERT … SELECT that creates the same 2,000 sheets
//  compute  computeCycle + its job: per 1,000 sheets one transaction that locks the rows, scores them with the
//           engine (explanations included), writes the scores and one event per sheet, a feedback
//           notification per reviewer and one audit row with every sheet's before and after
//    bare (needed)  the same reads and writes by hand, without the application: in one transaction, read
//           the sheets with their peer reviews (locked) and their template versions, write the job's scores
//           with one event per sheet (every transition is recorded, issue 5 part 2), the reviewers'
//           notifications and the audit row (hash chain read and extended). The ratio to it is the cost of
//           scoring, validating, explaining and running it as a job.
//    bare (scores only)  read the sheets and their template version, and write the same scores in one UPDATE:
//           no events, notifications or audit (reported beside it; the stricter reading).
// Each figure is the median of 5 runs after one warm-up, job and bare interleaved; between runs the
// sheets are reset (not timed) so every run starts from the same table.
// Run: node bin/run-ts.js bench/cycle-open-compute.bench.ts [open|compute] (one step only; both by default)
import { sql } from 'kysely'
import type { Db } from '../src/db/database.ts'
import { type EngineName, isPostgresReachable } from '../src/db/test-database.ts'
import { computeCycle } from '../src/services/cycles/compute-cycle.ts'
import { openBenchDatabase } from './bench-database.ts'
import { type BenchCompany, generateBenchCompany, openBenchCycle } from './workflow-company.ts'

const size = { employees: 2000, supervisors: 50, managers: 5 }
const runs = 5

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

type Comparison = { jobMs: number; bareSqlMs: number; ratio: number; jobRuns: number[]; bareRuns: number[] }

/** Warm-up once each, then `runs` interleaved timings of the job and each bare, each followed by an untimed reset. */
async function compare<K extends string>(
  job: () => Promise<unknown>,
  bares: Record<K, () => Promise<unknown>>,
  reset: () => Promise<unknown>,
): Promise<Record<K, Comparison>> {
  const jobRuns: number[] = []
  const bareRuns = new Map<K, number[]>()
  for (let i = 0; i <= runs; i++) {
    const j = await timed(job)
    await reset()
    if (i > 0) jobRuns.push(Math.round(j))
    for (const [name, bare] of Object.entries(bares) as [K, () => Promise<unknown>][]) {
      const b = await timed(bare)
      await reset()
      if (i > 0) bareRuns.set(name, [...(bareRuns.get(name) ?? []), Math.round(b)])
    }
  }
  const jobMs = median(jobRuns)
  return Object.fromEntries(
    [...bareRuns].map(([name, runsOfBare]) => {
      const bareSqlMs = median(runsOfBare)
      return [
        name,
        { jobMs, bareSqlMs, ratio: Number((jobMs / bareSqlMs).toFixed(2)), jobRuns, bareRuns: runsOfBare },
      ]
    }),
  ) as Record<K, Comparison>
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
  const compared = await compare(job, { bare }, reset)
  return { sheets: created, ...compared.bare }
}

async function benchCompute(db: Db, co: BenchCompany, deps: { db: Db; now: () => Date }) {
  const cycleId = await openBenchCycle(deps, co)
  // Every sheet reviewed, with inputs that vary from sheet to sheet as a real team's do (so the memo of
  // indicator scores hits only where inputs really repeat): resolution rates, service-quality scores of both
  // raters and the two shop figures each take 10–20 values by sheet id.
  await sql`update appraisal_sheets s set state = 'supervisor_submitted',
      self_review = jsonb_build_object('indicators', jsonb_build_object(
        'problem_resolution_rate', jsonb_build_object('actual', 0.8 + s.id % 20 / 100.0),
        'service_quality', jsonb_build_object('score', 15 + s.id % 11, 'comment', '自评'))),
      supervisor_review = jsonb_build_object('indicators', jsonb_build_object(
        'problem_resolution_rate', jsonb_build_object('actual', 0.85 + s.id % 15 / 100.0),
        'service_quality', jsonb_build_object('score', 14 + s.id * 7 % 12, 'comment', '上级评价'))),
      shared_inputs = jsonb_build_object('indicators', jsonb_build_object(
        'customer_reviews', jsonb_build_object('actual', 0.9 + s.id % 10 / 100.0),
        'complaint_handling_rate', jsonb_build_object('actual', 0.9 + s.id % 11 / 100.0)))
    where s.cycle_id = ${cycleId}`.execute(db)
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
  // What the bare statements write: the job's own scores and audit entries, read back after its first run.
  let payload = ''
  let audits: { before: string; after: string; reason: string }[] = []
  const job = async () => {
    const started = await computeCycle(deps, co.actor, cycleId)
    await started.completion
    if (!payload) {
      const scored = await sql`select id, score, total::text, grade, coefficient::text from appraisal_sheets
          where cycle_id = ${cycleId} and state = 'computed'`.execute(db)
      if (scored.rows.length !== size.employees) throw new Error(`computed ${scored.rows.length} sheets`)
      payload = JSON.stringify(scored.rows)
      const written = await sql<{ before: string; after: string; reason: string }>`
        select before::text, after::text, reason from audit_log
        where company_id = ${co.companyId} and action = 'sheet.compute_batch' order by id`.execute(db)
      audits = written.rows
    }
  }
  const readSheets = (db: Db, lock: boolean) =>
    lock
      ? sql`select s.*, (select coalesce(jsonb_agg(jsonb_build_object('indicators', p.indicators, 'comment', p.comment) order by p.id), '[]'::jsonb)
            from peer_reviews p where p.sheet_id = s.id and p.submitted_at is not null) as peer_list
          from appraisal_sheets s where s.cycle_id = ${cycleId} and s.state = 'supervisor_submitted' order by s.id for update of s`.execute(
          db,
        )
      : sql`select s.* from appraisal_sheets s where s.cycle_id = ${cycleId} and s.state = 'supervisor_submitted'`.execute(
          db,
        )
  const readTemplates = (db: Db) =>
    sql`select id, definition from template_versions
        where id in (select template_version_id from appraisal_sheets where cycle_id = ${cycleId})`.execute(
      db,
    )
  const scoresOnly = async () => {
    await readSheets(db, false)
    await readTemplates(db)
    await sql`update appraisal_sheets s set score = v.score, total = v.total::numeric, grade = v.grade,
          coefficient = v.coefficient::numeric, state = 'computed', version = s.version + 1
        from jsonb_to_recordset(${payload}::jsonb) as v(id int, score jsonb, total text, grade text, coefficient text)
        where s.id = v.id`.execute(db)
  }
  const needed = () =>
    db.transaction().execute(async (trx) => {
      await readSheets(trx, true)
      await readTemplates(trx)
      await sql`
        with written as (
          update appraisal_sheets s set score = v.score, total = v.total::numeric, grade = v.grade,
            coefficient = v.coefficient::numeric, state = 'computed', version = s.version + 1, updated_at = now()
          from jsonb_to_recordset(${payload}::jsonb) as v(id int, score jsonb, total text, grade text, coefficient text)
          where s.id = v.id
          returning s.id
        )
        insert into sheet_events (company_id, sheet_id, action, from_state, to_state, actor_user_id, party, reason)
        select ${co.companyId}, w.id, 'compute', 'supervisor_submitted', 'computed', ${co.actor.userId}, 'admin', 'bench'
        from written w order by w.id`.execute(trx)
      await sql`
        insert into notifications (company_id, user_id, kind, title, body, entity, entity_id)
        select ${co.companyId}, u.id, 'sheet.feedback', 'bench', count(*) || ' 张：' || array_to_string((array_agg(e.name order by s.id))[1:5], '、'),
          'cycle', ${String(cycleId)}
        from appraisal_sheets s join employees e on e.id = s.employee_id
        join users u on u.employee_id = s.reviewer_employee_id and u.company_id = s.company_id
        where s.cycle_id = ${cycleId} group by u.id`.execute(trx)
      for (const audit of audits) {
        await sql`select id from companies where id = ${co.companyId} for update`.execute(trx)
        await sql`select hash from audit_log where company_id = ${co.companyId} order by id desc limit 1`.execute(
          trx,
        )
        await sql`insert into audit_log (company_id, actor_user_id, action, entity, entity_id, before, after, reason, prev_hash, hash)
          values (${co.companyId}, ${co.actor.userId}, 'bench.compute', 'cycle', ${String(cycleId)}, ${audit.before}::jsonb,
            ${audit.after}::jsonb, ${audit.reason}, 'bench', 'bench')`.execute(trx)
      }
    })
  const compared = await compare(job, { needed, scoresOnly }, reset)
  // The totals the job wrote (the table itself is reset after every run, so it holds none by now).
  const totals = new Map<string | null, number>()
  for (const r of JSON.parse(payload) as { total: string | null }[])
    totals.set(r.total, (totals.get(r.total) ?? 0) + 1)
  return {
    sheets: size.employees,
    ...compared.needed,
    scoresOnly: compared.scoresOnly,
    scoreBytesPerSheet: Math.round(payload.length / size.employees),
    totals: [...totals].map(([total, sheets]) => ({ total, sheets })),
  }
}

async function benchEngine(engine: EngineName) {
  const handle = await openBenchDatabase(engine)
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

function figuresOf(c: Comparison) {
  return { jobMs: c.jobMs, bareSqlMs: c.bareSqlMs, ratio: c.ratio }
}

const named = process.argv.slice(2).filter((a): a is 'open' | 'compute' => a === 'open' || a === 'compute')
const steps = named.length > 0 ? named : ['open', 'compute']
const engines: EngineName[] = ['pglite']
if (await isPostgresReachable()) engines.push('postgres')
const results = []
for (const engine of engines) results.push(await benchEngine(engine))
console.log(`cycle open/compute, 2,000 employees (median of ${runs}; ratio = job / bare SQL; target ≤ 1.5)`)
console.table(
  results.flatMap((r) => [
    ...(r.open ? [{ engine: r.engine, step: 'open', bare: 'needed', ...figuresOf(r.open) }] : []),
    ...(r.compute
      ? [
          { engine: r.engine, step: 'compute', bare: 'needed', ...figuresOf(r.compute) },
          { engine: r.engine, step: 'compute', bare: 'scores only', ...figuresOf(r.compute.scoresOnly) },
        ]
      : []),
  ]),
)
console.log(JSON.stringify({ benchmark: 'cycle-open-compute', target: 'ratio ≤ 1.5', results }))
process.exit(0)
