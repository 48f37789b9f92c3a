// Indicator evaluations per second for every built-in rule shape on one core, bulk (explain: false) and with
// explanations, plus whole sheets per second. Run: node bin/run-ts.js bench/core-scoring.bench.ts [--ms=800]
// Prints a table and then one JSON line. Target: ≥ 1,000,000 bulk evaluations per second per shape.
import { defaultScoring } from '../src/core/results/default-scoring.ts'
import { type IndicatorInput, scoreIndicator } from '../src/core/scoring/score-indicator.ts'
import { scoreSheet } from '../src/core/scoring/score-sheet.ts'
import type { Indicator, Rule, RuleShape, Template } from '../src/core/templates/template.ts'

const msArg = process.argv.find((a) => a.startsWith('--ms='))
const budgetMs = msArg ? Number(msArg.slice(5)) : 800

function indicator(rule: Rule, maxPoints: number, extra: Partial<Indicator> = {}): Indicator {
  return {
    key: rule.shape,
    name: rule.shape,
    direction: 'higher_better',
    type: 'kpi',
    maxPoints,
    target: { kind: 'fixed', value: 100_000 },
    rule,
    assessor: { rater: 'supervisor' },
    dataSource: { kind: 'manual' },
    ...extra,
  }
}

// A deterministic pseudo-random stream, so every run scores the same inputs.
let seed = 42
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}
const POOL = 4096

type Case = { shape: RuleShape; indicator: Indicator; inputs: IndicatorInput[] }

const cases: Case[] = [
  {
    shape: 'bands',
    indicator: indicator(
      {
        shape: 'bands',
        basis: 'actual',
        bands: [
          { min: 100_000, points: 15 },
          { min: 80_000, points: 12 },
          { min: 60_000, points: 10 },
          { min: 40_000, points: 8 },
          { min: 30_000, points: 5 },
        ],
      },
      15,
    ),
    inputs: Array.from({ length: POOL }, () => ({ actual: Math.round(rand() * 150_000) })),
  },
  {
    shape: 'ratio_to_target',
    indicator: indicator({ shape: 'ratio_to_target', capRatio: 1.2, zeroBelowRatio: 0.6 }, 11),
    inputs: Array.from({ length: POOL }, () => ({ actual: Math.round(rand() * 150_000) })),
  },
  {
    shape: 'deduct_per_occurrence',
    indicator: indicator({ shape: 'deduct_per_occurrence', perOccurrence: 2, floor: 0 }, 30),
    inputs: Array.from({ length: POOL }, () => ({ occurrences: Math.floor(rand() * 20) })),
  },
  {
    shape: 'deduct_per_shortfall',
    indicator: indicator(
      {
        shape: 'deduct_per_shortfall',
        threshold: 10_000,
        unit: 100,
        pointsPerUnit: 2,
        partialUnit: 'counts',
        floor: 0,
      },
      10,
    ),
    inputs: Array.from({ length: POOL }, () => ({ actual: Math.round(8_000 + rand() * 3_000) })),
  },
  {
    shape: 'weighted_deductions',
    indicator: indicator(
      {
        shape: 'weighted_deductions',
        categories: [
          { key: 'm6', label: '6个月以上', pointsEach: 1 },
          { key: 'y1', label: '一年以上', pointsEach: 2 },
          { key: 'y2', label: '两年以上', pointsEach: 3 },
        ],
        floor: 0,
      },
      10,
    ),
    inputs: Array.from({ length: POOL }, () => ({
      counts: { m6: Math.floor(rand() * 3), y1: Math.floor(rand() * 2), y2: Math.floor(rand() * 2) },
    })),
  },
  {
    shape: 'bonus_per_occurrence',
    indicator: indicator({ shape: 'bonus_per_occurrence', perOccurrence: 3, cap: 10 }, 10),
    inputs: Array.from({ length: POOL }, () => ({ occurrences: Math.floor(rand() * 6) })),
  },
  {
    shape: 'bonus_range',
    indicator: indicator({ shape: 'bonus_range', min: 5, max: 10 }, 10),
    inputs: Array.from({ length: POOL }, () => ({ score: Math.floor(rand() * 12) })),
  },
  {
    shape: 'levels',
    indicator: indicator(
      {
        shape: 'levels',
        levels: [
          { code: 'A', label: 'A', points: 30 },
          { code: 'B', label: 'B', points: 15 },
          { code: 'C', label: 'C', points: 0 },
        ],
        thresholds: [
          { level: 'A', band: { min: 500, minInclusive: false } },
          { level: 'B', band: { min: 200, max: 500, maxInclusive: true } },
          { level: 'C', band: { max: 200 } },
        ],
      },
      30,
    ),
    inputs: Array.from({ length: POOL }, () => ({ actual: Math.round(rand() * 800) })),
  },
  {
    shape: 'count_ladder',
    indicator: indicator(
      {
        shape: 'count_ladder',
        steps: [0, 1, 2, 3, 4].map((count) => ({ count, points: 5 - count })),
        beyond: 0,
        scale: 'fraction_of_max',
      },
      20,
    ),
    inputs: Array.from({ length: POOL }, () => ({ occurrences: Math.floor(rand() * 7) })),
  },
  {
    shape: 'pass_fail',
    indicator: indicator({ shape: 'pass_fail', condition: { op: '>=', value: 1 } }, 10),
    inputs: Array.from({ length: POOL }, () => ({ actual: Math.floor(rand() * 3) })),
  },
  {
    shape: 'veto',
    indicator: indicator({ shape: 'veto', scope: 'dimension' }, 5),
    inputs: Array.from({ length: POOL }, () => ({ violated: rand() < 0.05 })),
  },
  {
    shape: 'discretionary',
    indicator: indicator({ shape: 'discretionary', min: 0, max: 10 }, 10),
    inputs: Array.from({ length: POOL }, () => ({ score: Math.round(rand() * 100) / 10, comment: '酌情' })),
  },
  {
    shape: 'formula',
    indicator: indicator(
      {
        shape: 'formula',
        expression:
          'IF(actual >= target, MIN(120, 100 * actual / target), IF(actual <= 66000, 0, 60 + 39 * (actual - 66000) / (target - 66000)))',
        capPoints: 120,
      },
      100,
    ),
    inputs: Array.from({ length: POOL }, () => ({ actual: Math.round(rand() * 150_000) })),
  },
]

let sink = 0

function measure(run: (i: number) => number): { perSecond: number; iterations: number; ms: number } {
  // Warm up, then run in batches until the time budget is spent.
  for (let i = 0; i < 200_000; i++) sink += run(i)
  const start = process.hrtime.bigint()
  const deadline = start + BigInt(budgetMs) * 1_000_000n
  let iterations = 0
  let now = start
  while (now < deadline) {
    for (let i = 0; i < 50_000; i++) sink += run(iterations + i)
    iterations += 50_000
    now = process.hrtime.bigint()
  }
  const ms = Number(now - start) / 1e6
  return { perSecond: Math.round((iterations / ms) * 1000), iterations, ms: Math.round(ms) }
}

type Row = { shape: string; bulkPerSecond: number; explainedPerSecond: number; meetsTarget: boolean }
const rows: Row[] = []
for (const c of cases) {
  const mask = POOL - 1
  const bulk = measure((i) => scoreIndicator(c.indicator, c.inputs[i & mask]!, { explain: false }).points)
  const explained = measure(
    (i) => scoreIndicator(c.indicator, c.inputs[i & mask]!).explanation['zh-CN'].length,
  )
  rows.push({
    shape: c.shape,
    bulkPerSecond: bulk.perSecond,
    explainedPerSecond: explained.perSecond,
    meetsTarget: bulk.perSecond >= 1_000_000,
  })
}

// A whole sheet: one indicator of each shape (13 indicators) in three dimensions, plus one bonus item.
const sheetTemplate: Template = {
  code: 'bench-sheet',
  name: 'bench',
  period: 'monthly',
  dimensions: [
    { key: 'a', name: 'A', maxPoints: 0, indicators: cases.slice(0, 5).map((c) => c.indicator) },
    { key: 'b', name: 'B', maxPoints: 0, indicators: cases.slice(5, 9).map((c) => c.indicator) },
    { key: 'c', name: 'C', maxPoints: 0, indicators: cases.slice(9).map((c) => c.indicator) },
  ],
  adjustments: [
    {
      key: 'bonus',
      name: '加分',
      kind: 'bonus',
      rule: { shape: 'bonus_per_occurrence', perOccurrence: 3 },
      cap: 10,
      assessor: { rater: 'supervisor' },
      dataSource: { kind: 'manual' },
    },
  ],
  scoring: { ...defaultScoring, scale: 'raw_points' },
}
const sheetInputs = Array.from({ length: 256 }, (_, n) => ({
  indicators: Object.fromEntries(cases.map((c) => [c.indicator.key, c.inputs[n]!])),
  adjustments: { bonus: { occurrences: n % 5 } },
}))
const sheetsBulk = measure((i) => scoreSheet(sheetTemplate, sheetInputs[i & 255]!, { explain: false }).total)
const sheetsExplained = measure((i) => scoreSheet(sheetTemplate, sheetInputs[i & 255]!).explanation.en.length)

const pad = (s: string, n: number) => s.padEnd(n)
const num = (n: number) => n.toLocaleString('en-US').padStart(12)
console.log(`core scoring benchmark (node ${process.version}, ${budgetMs} ms per measurement, one core)`)
console.log(`${pad('shape', 24)}${'bulk/s'.padStart(12)}${'explained/s'.padStart(14)}  ≥1M/s`)
for (const r of rows) {
  console.log(
    `${pad(r.shape, 24)}${num(r.bulkPerSecond)}  ${num(r.explainedPerSecond)}  ${r.meetsTarget ? 'yes' : 'NO'}`,
  )
}
console.log(
  `${pad('sheet (13 indicators)', 24)}${num(sheetsBulk.perSecond)}  ${num(sheetsExplained.perSecond)}  sheets/s`,
)
console.log(
  JSON.stringify({
    benchmark: 'core-scoring',
    node: process.version,
    msPerMeasurement: budgetMs,
    shapes: rows,
    sheets: {
      indicatorsPerSheet: 13,
      bulkPerSecond: sheetsBulk.perSecond,
      explainedPerSecond: sheetsExplained.perSecond,
    },
    allShapesMeetTarget: rows.every((r) => r.meetsTarget),
    sink: sink > 0,
  }),
)
