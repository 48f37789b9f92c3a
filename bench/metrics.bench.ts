// Computing every catalogue metric for one month, per employee, for 2,000 employees from 5 million
// generated orders (and as many order lines), through computeMetric, versus the bare SQL aggregates the
// metrics need (the same measures, joins and filters, without the list of source imports per value and
// without the service around them). Issue target: ≤ 1.5×. PostgreSQL only (5 M rows in PGlite's memory
// would measure the WASM heap, not the queries).
// Run: node bin/run-ts.js bench/metrics.bench.ts [rows]   (prints JSON)
import { sql } from 'kysely'
import { type MeasureName, metricCatalogue } from '../src/core/metrics/catalogue.ts'
import { parsePeriod, previousPeriod } from '../src/core/metrics/parse-period.ts'
import { measureQueryText, measureSql } from '../src/db/metric-queries.ts'
import { createTestDatabase, isPostgresReachable } from '../src/db/test-database.ts'
import { computeMetric } from '../src/services/metrics/compute-metric.ts'

const rows = Number(process.argv[2] ?? 5_000_000)
const employees = 2000
const period = '2011-11'

if (!(await isPostgresReachable())) {
  console.log(JSON.stringify({ skipped: 'PostgreSQL is not reachable' }))
  process.exit(0)
}

const handle = await createTestDatabase('postgres')
try {
  const db = handle.db
  const t0 = performance.now()
  const companyId = (
    await db.insertInto('companies').values({ name: 'bench' }).returning('id').executeTakeFirstOrThrow()
  ).id
  await sql`insert into departments (company_id, name)
            select ${companyId}, '部门' || d from generate_series(1, 40) d`.execute(db)
  await sql`insert into employees (company_id, employee_no, name, department_id, hire_date, status)
            select ${companyId}, 'E' || lpad(e::text, 4, '0'), '员工' || e,
                   (select min(id) from departments where company_id = ${companyId}) + e % 40, '2010-01-01', 'active'
              from generate_series(1, ${employees}) e`.execute(db)
  await sql`insert into attributions (company_id, source_kind, source_name, employee_id, department_id, shop)
            select company_id, 'agent_nick', 'agent' || employee_no, id, department_id, '店' || (id % 5)
              from employees where company_id = ${companyId}`.execute(db)
  await sql`insert into imports (company_id, kind, preset, source, file_name, sha256, size_bytes, status, rows)
            select ${companyId}, 'orders', 'generic-orders', 's' || i, 'orders-' || i || '.csv', md5(i::text), 1, 'completed', 0
              from generate_series(1, 4) i`.execute(db)
  const importIds = (
    await db.selectFrom('imports').select('id').where('company_id', '=', companyId).execute()
  ).map((r) => r.id)
  // October and November 2011 (the previous period feeds growth and retention), 3% cancellations,
  // 1% adjustments, 200,000 customers, every order credited to one of the 2,000 agents.
  await sql`insert into fact_orders (company_id, import_id, shop, order_no, customer_id, ordered_at, day, amount,
                                     quantity, lines, is_cancellation, order_status, agent_nick)
            select ${companyId}, ${sql.lit(importIds[0])} + n % 4, '店' || (n % 5), 'O' || n, 'C' || (n::bigint * 7919 % 200000),
                   t, t::date, round((n % 9973) / 10.0, 2), 1 + n % 5, 1, n % 33 = 0,
                   case when n % 33 = 0 then 'cancellation' when n % 101 = 0 then 'adjustment' else 'order' end,
                   'agentE' || lpad((1 + n % ${sql.lit(employees)})::text, 4, '0')
              from generate_series(1, ${rows}) n,
                   lateral (select timestamp '2011-10-01' + (n::double precision / ${rows}) * interval '61 days' as t) x`.execute(
    db,
  )
  await sql`insert into fact_order_lines (company_id, import_id, row_no, day, order_no, line_no, sku, quantity,
                                          unit_price, unit_cost, amount, ordered_at, customer_id, shop, is_cancellation, agent_nick)
            select company_id, import_id, id, day, order_no, 1, 'SKU' || (id % 500), quantity, amount / quantity,
                   case when id % 4 = 0 then null else round(amount / quantity * 0.6, 2) end,
                   amount, ordered_at, customer_id, shop, is_cancellation, agent_nick
              from fact_orders where company_id = ${companyId}`.execute(db)
  await sql`analyze`.execute(db)
  const generatedMs = Math.round(performance.now() - t0)

  const month = parsePeriod(period)
  const previous = previousPeriod(month)
  const range = {
    start: month.start,
    end: month.end,
    previousStart: previous.start,
    previousEnd: previous.end,
  }
  const metrics = metricCatalogue.filter((m) => !m.unsupported)
  const needed = metrics.flatMap((m) =>
    [m.numerator, m.denominator].filter((x): x is MeasureName => !!x && !!measureSql[x as MeasureName]),
  )

  const bare = async () => {
    for (const measure of needed)
      await sql
        .raw(measureQueryText(companyId, measure, 'employee', range, { provenance: false }))
        .execute(db)
  }
  let values = 0
  const product = async () => {
    values = 0
    for (const m of metrics) {
      const result = await computeMetric({ db }, { companyId, metric: m.key, by: 'employee', period })
      values += result.values.length
    }
  }
  const time = async (fn: () => Promise<void>) => {
    const t = performance.now()
    await fn()
    return performance.now() - t
  }
  // Alternate and keep each side's best of three, so a burst of load on the shared machine hurts neither.
  await bare()
  const bareMs: number[] = []
  const productMs: number[] = []
  for (let i = 0; i < 3; i++) {
    bareMs.push(await time(bare))
    productMs.push(await time(product))
  }
  const best = (xs: number[]) => Math.round(Math.min(...xs))
  console.log(
    JSON.stringify(
      {
        engine: 'postgres',
        orders: rows,
        orderLines: rows,
        employees,
        period,
        metrics: metrics.length,
        sqlAggregates: needed.length,
        employeeValues: values,
        generateMs: generatedMs,
        bareSqlMs: best(bareMs),
        computeMetricMs: best(productMs),
        ratio: +(best(productMs) / best(bareMs)).toFixed(2),
        runs: { bareSqlMs: bareMs.map(Math.round), computeMetricMs: productMs.map(Math.round) },
      },
      null,
      2,
    ),
  )
} finally {
  await handle.close()
}
