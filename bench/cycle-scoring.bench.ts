// Scoring a full cycle from stored actual values vs the bare SQL that reads them (issue target: ≤ 1.5×).
// 2,000 employees × 20 indicators, on PGlite and (when reachable) PostgreSQL.
// Run: node bin/run-ts.js bench/cycle-scoring.bench.ts
import { sql } from 'kysely'
import { defaultScoring } from '../src/core/results/default-scoring.ts'
import { type IndicatorInput, scoreIndicator } from '../src/core/scoring/score-indicator.ts'
import { scoreSheet } from '../src/core/scoring/score-sheet.ts'
import type { Indicator, Rule, Template } from '../src/core/templates/template.ts'
import { createTestDatabase, type EngineName, isPostgresReachable } from '../src/db/test-database.ts'

const employees = 2000
const perEmployee = 20

const rules: Rule[] = [
  {
    shape: 'bands',
    basis: 'actual',
    bands: [
      { min: 100, points: 5 },
      { min: 80, max: 100, maxInclusive: false, points: 3 },
      { max: 80, maxInclusive: false, points: 0 },
    ],
  },
  { shape: 'ratio_to_target', capRatio: 1.2, floorRatio: 0 },
  { shape: 'deduct_per_occurrence', perOccurrence: 1, floor: 0 },
  {
    shape: 'deduct_per_shortfall',
    threshold: 100,
    unit: 10,
    pointsPerUnit: 1,
    partialUnit: 'counts',
    floor: 0,
  },
  {
    shape: 'count_ladder',
    steps: [
      { count: 0, points: 5 },
      { count: 1, points: 4 },
      { count: 2, points: 3 },
      { count: 3, points: 2 },
      { count: 4, points: 1 },
    ],
    beyond: 0,
  },
]

const template: Template = {
  code: 'bench-20',
  name: 'bench',
  period: 'monthly',
  adjustments: [],
  scoring: { ...defaultScoring, scale: 'hundred', raterWeights: {} },
  dimensions: [0, 1, 2, 3].map((d) => ({
    key: `d${d}`,
    name: `维度${d}`,
    maxPoints: 25,
    indicators: [0, 1, 2, 3, 4].map(
      (i): Indicator => ({
        key: `i${d}_${i}`,
        name: `指标${d}-${i}`,
        direction: 'higher_better',
        type: 'kpi',
        maxPoints: 5,
        target: { kind: 'fixed', value: 100 },
        rule: rules[i]!,
        assessor: { rater: 'system' },
        dataSource: { kind: 'manual' },
      }),
    ),
  })),
}
const keys = template.dimensions.flatMap((d) => d.indicators.map((i) => i.key))
const inputFor = (shape: Rule['shape'], actual: number): IndicatorInput =>
  shape === 'deduct_per_occurrence' || shape === 'count_ladder'
    ? { occurrences: Math.round(actual) % 7 }
    : { actual }
const shapeOf = new Map(
  template.dimensions.flatMap((d) => d.indicators.map((i) => [i.key, i.rule.shape] as const)),
)

async function time(fn: () => Promise<unknown>, repeat = 5): Promise<number> {
  const samples: number[] = []
  for (let r = 0; r < repeat; r++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]!
}

async function run(engine: EngineName) {
  const handle = await createTestDatabase(engine)
  const { db } = handle
  await sql`create table bench_actuals (employee_id integer not null, indicator_key text not null, actual numeric not null, primary key (employee_id, indicator_key))`.execute(
    db,
  )
  await sql`insert into bench_actuals
    select e, 'i' || (k / 5) || '_' || (k % 5), round((50 + random() * 80)::numeric, 2)
    from generate_series(1, ${employees}) e, generate_series(0, ${perEmployee - 1}) k`.execute(db)
  await sql`analyze bench_actuals`.execute(db)
  const read = () =>
    sql<{
      employee_id: number
      indicator_key: string
      actual: string
    }>`select employee_id, indicator_key, actual from bench_actuals order by employee_id`.execute(db)

  const bare = await time(read)
  const scoreAll = async (explain: boolean) => {
    const { rows } = await read()
    let total = 0
    let at = 0
    while (at < rows.length) {
      const id = rows[at]!.employee_id
      const indicators: Record<string, IndicatorInput> = {}
      for (; at < rows.length && rows[at]!.employee_id === id; at++) {
        const row = rows[at]!
        indicators[row.indicator_key] = inputFor(shapeOf.get(row.indicator_key)!, Number(row.actual))
      }
      total += scoreSheet(template, { indicators }, { explain }).total
    }
    return total
  }
  const bulk = await time(() => scoreAll(false))
  const explained = await time(() => scoreAll(true))
  await handle.close()
  return {
    engine,
    rows: employees * perEmployee,
    bareSqlMs: Math.round(bare),
    scoreBulkMs: Math.round(bulk),
    scoreWithExplanationsMs: Math.round(explained),
    ratioBulk: Number((bulk / bare).toFixed(2)),
    ratioWithExplanations: Number((explained / bare).toFixed(2)),
  }
}

// Sanity: every key is scored by a rule that reads the input we give it.
if (keys.length !== perEmployee) throw new Error('template must have 20 indicators')
void scoreIndicator
const results = [await run('pglite')]
if (await isPostgresReachable()) results.push(await run('postgres'))
console.log(
  'cycle scoring, 2,000 employees × 20 indicators (median of 5; ratio = product path / bare SQL read)',
)
console.table(results)
console.log(JSON.stringify({ benchmark: 'cycle-scoring', target: 'ratio ≤ 1.5', results }))
