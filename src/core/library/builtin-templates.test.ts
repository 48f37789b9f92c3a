import { describe, expect, it } from 'vitest'
import { scoreSheet } from '../scoring/score-sheet.ts'
import type { DataSource, Template } from '../templates/template.ts'
import { validateTemplate } from '../templates/validate-template.ts'
import { builtinPositions, builtinPositionTemplates } from './builtin-positions.ts'
import { builtinTemplates, findBuiltinTemplate } from './builtin-templates.ts'
import { libraryMetricKeys } from './metric-keys.ts'

// The five seed documents 000–004, by the title the library shows (the code starts with the seed's number).
const seeds = [
  '电商各岗位KPI绩效考核表及工作职责',
  '绩效考核管理办法（电商）',
  '网络推广绩效KPI考核表合集',
  '电商运营KPI考核方案',
  '电商运营岗位职责与绩效考核',
]

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9

function template(code: string): Template {
  const found = findBuiltinTemplate(code)
  if (!found) throw new Error(`no built-in template ${code}`)
  return found
}

function metricsOf(t: Template): string[] {
  const keys: string[] = []
  const add = (source: DataSource) => {
    if (source.kind === 'metric') keys.push(source.metric)
  }
  for (const d of t.dimensions) {
    for (const i of d.indicators) {
      add(i.dataSource)
      if (i.target.kind === 'derived') keys.push(i.target.metric)
    }
  }
  for (const a of t.adjustments) add(a.dataSource)
  return keys
}

describe('builtin template library', () => {
  it.each(builtinTemplates.map((t) => [t.code, t] as const))('%s passes validateTemplate', (_code, t) => {
    expect(validateTemplate(t)).toEqual([])
  })

  it.each(builtinTemplates.map((t) => [t.code, t] as const))(
    '%s: dimension budgets make 100 and indicators fill each budget',
    (_code, t) => {
      // Every seed table is on the 100-point scale (T5–T8 20/30/50, T9 with its bonus outside, T10 100% …).
      expect(t.scoring.scale).toBe('hundred')
      expect(
        close(
          t.dimensions.reduce((s, d) => s + d.maxPoints, 0),
          100,
        ),
      ).toBe(true)
      for (const d of t.dimensions) {
        expect(
          close(
            d.indicators.reduce((s, i) => s + i.maxPoints, 0),
            d.maxPoints,
          ),
          `${t.code}/${d.key}`,
        ).toBe(true)
      }
    },
  )

  it.each(builtinTemplates.map((t) => [t.code, t] as const))(
    '%s: keys are unique and the source names a seed',
    (_code, t) => {
      const keys = [
        ...t.dimensions.map((d) => `dimension:${d.key}`),
        ...t.dimensions.flatMap((d) => d.indicators.map((i) => `item:${i.key}`)),
        ...t.adjustments.map((a) => `item:${a.key}`),
      ]
      expect(new Set(keys).size).toBe(keys.length)
      for (const key of keys) expect(key).toMatch(/^(dimension|item):[a-z][a-z0-9_]*$/)
      expect(seeds).toContain(t.source?.seed)
      expect(t.code.startsWith(`seed-00${seeds.indexOf(t.source?.seed ?? '')}-`)).toBe(true)
    },
  )

  it('has unique codes, finds each by code and nothing for an unknown code', () => {
    const codes = builtinTemplates.map((t) => t.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const t of builtinTemplates) expect(findBuiltinTemplate(t.code)).toBe(t)
    expect(findBuiltinTemplate('seed-002-t99-nothing')).toBeUndefined()
  })

  it('covers every table the assignment lists', () => {
    const tables = builtinTemplates.map((t) => t.source?.table?.split(' ')[0])
    for (const table of [
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
      'T9',
      'T10',
      'T11',
      'T12',
      'T13',
      'T14',
      'T15',
      'T16',
      'T17a',
      'T17b',
      'T17c',
      'T19',
      'T21',
      'T22',
      'T23',
    ]) {
      expect(tables, table).toContain(table)
    }
    expect(findBuiltinTemplate('seed-000-customer-service')?.scoring.raterWeights).toEqual({
      supervisor: 0.75,
      self: 0.25,
    })
  })

  it('lists every metric a template reads in metric-keys, and no metric that none reads', () => {
    const used = new Set(builtinTemplates.flatMap(metricsOf))
    const listed = new Set(Object.keys(libraryMetricKeys))
    expect([...used].filter((k) => !listed.has(k))).toEqual([])
    expect([...listed].filter((k) => !used.has(k))).toEqual([])
    for (const key of listed) expect(key).toMatch(/^[a-z][a-z0-9_]*$/)
  })

  it('reads each metric in its own direction and unit (rates in %, amounts in 元)', () => {
    const unitFor: Record<string, string[]> = {
      rate: ['%'],
      yuan: ['元', '元/单'],
      seconds: ['秒'],
      hours: ['小时'],
    }
    const problems: string[] = []
    for (const t of builtinTemplates) {
      for (const d of t.dimensions) {
        for (const i of d.indicators) {
          if (i.dataSource.kind !== 'metric') continue
          const info = libraryMetricKeys[i.dataSource.metric as keyof typeof libraryMetricKeys]
          const where = `${t.code}/${i.key}`
          if (i.direction !== info.direction) problems.push(`${where}: direction ${i.direction}`)
          const units = unitFor[info.unit]
          if (units && !units.includes(i.unit ?? '')) problems.push(`${where}: unit ${i.unit}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('collects the self column of T5–T8 with weight 0', () => {
    // T5–T8 leave the self/supervisor blend open: the supervisor's score counts, the self review is shown.
    for (const code of [
      'seed-002-t5-website-editor',
      'seed-002-t6-customer-service-specialist',
      'seed-002-t7-event-specialist',
      'seed-002-t8-promotion-bd-specialist',
    ]) {
      expect(template(code).scoring.raterWeights).toEqual({ supervisor: 1, self: 0 })
    }
  })

  it('maps every seed role to an existing template, alternatives included', () => {
    for (const p of builtinPositions) {
      expect(findBuiltinTemplate(p.templateCode), p.name).toBeDefined()
      for (const alt of p.alternatives ?? [])
        expect(findBuiltinTemplate(alt), `${p.name} → ${alt}`).toBeDefined()
    }
    for (const role of [
      '运营经理',
      '店长',
      '客服专员',
      '美工',
      '推广专员',
      '发货',
      '物流售后',
      '新媒体运营',
      '短视频运营',
      '主播',
      '直播推销员',
      '抖店运营',
      '网站编辑',
      '活动专员',
      '网络推广',
      '网管',
      '网络管理员',
      '电商部负责人',
    ]) {
      expect(builtinPositionTemplates[role], role).toBeDefined()
    }
    expect(new Set(builtinPositions.map((p) => p.name)).size).toBe(builtinPositions.length)
    // A default the seed does not name for that role must say why it was chosen.
    for (const p of builtinPositions) {
      if (!findBuiltinTemplate(p.templateCode)?.positions?.includes(p.name))
        expect(p.note, p.name).toBeDefined()
    }
    // Every role a template names can be linked by name.
    for (const t of builtinTemplates) {
      for (const name of t.positions ?? [])
        expect(builtinPositionTemplates[name], `${t.code}: ${name}`).toBeDefined()
    }
  })
})

describe('seed examples scored end to end', () => {
  it('T11 网管: two network outages over 2 hours cost 2 × 2 points (超过一次扣2分，扣完为止)', () => {
    const t = template('seed-002-t11-network-admin')
    const result = scoreSheet(t, {
      indicators: {
        network_debugging: { occurrences: 2 },
        hardware_maintenance: { occurrences: 0 },
        mail_security: { occurrences: 1 },
        product_data_updates: { occurrences: 1 },
        work_attitude: { score: 8, comment: '服务态度端正' },
      },
    })
    const items = Object.fromEntries(result.dimensions[0]!.indicators.map((i) => [i.key, i.points]))
    expect(items).toEqual({
      network_debugging: 26,
      hardware_maintenance: 30,
      mail_security: 18,
      product_data_updates: 8,
      work_attitude: 8,
    })
    expect(result.total).toBe(90)
    expect(result.grade?.label['zh-CN']).toBe('优秀')
    expect(result.coefficient).toBe(1.2)
  })

  it('T11 网管: deductions stop at zero points for the item (扣完为止)', () => {
    const t = template('seed-002-t11-network-admin')
    const result = scoreSheet(t, { indicators: { network_debugging: { occurrences: 20 } } })
    expect(result.dimensions[0]!.indicators[0]!.points).toBe(0)
  })

  it.each([
    [600, 30],
    [501, 30],
    [500, 15],
    [200, 15],
    [199, 0],
  ])('T12 网络推广: daily UV %d → %d points (A 高于500 / B 200-500 / C 低于200)', (uv, points) => {
    const t = template('seed-002-t12-online-promotion')
    const result = scoreSheet(t, { indicators: { unique_visitors: { actual: uv } } })
    expect(result.dimensions[0]!.indicators.find((i) => i.key === 'unique_visitors')?.points).toBe(points)
  })

  it('T12 网络推广: a full month adds the six items to 100 at best', () => {
    const t = template('seed-002-t12-online-promotion')
    const result = scoreSheet(t, {
      indicators: {
        unique_visitors: { actual: 650 },
        search_engine_coverage: { actual: 3 },
        daily_work_completion: { actual: 0.75 },
        work_attitude: { level: 'A' },
        learning_ability: { level: 'B' },
        team_spirit: { level: 'C' },
      },
    })
    // 30 (A) + 10 (B: 3 per day) + 10 (B: 75%) + 10 (A) + 5 (B) + 0 (C)
    expect(result.total).toBe(65)
  })

  it('000 客服: supervisor weekly samples count 75%, the month-end self-assessment 25%', () => {
    const t = template('seed-000-customer-service')
    const shared = {
      problem_resolution_rate: { actual: 0.95 },
      customer_reviews: { actual: 0.98 },
      complaint_handling_rate: { actual: 0.9 },
    }
    const result = scoreSheet(t, {
      indicators: shared,
      raters: [
        {
          rater: 'supervisor',
          raterId: 'week-1',
          indicators: { service_quality: { score: 20, comment: '抽查3位客户' } },
        },
        {
          rater: 'supervisor',
          raterId: 'week-2',
          indicators: { service_quality: { score: 24, comment: '抽查3位客户' } },
        },
        { rater: 'self', indicators: { service_quality: { score: 25, comment: '自我鉴定' } } },
      ],
    })
    // Service quality: mean of the weekly samples (22) × 0.75 + self 25 × 0.25 = 22.75;
    // the imported metrics are the same for every rater: 25 + 25 + 25 × 0.9 = 72.5.
    const quality = result.dimensions[0]!.indicators.find((i) => i.key === 'service_quality')
    expect(quality?.points).toBe(22.75)
    expect(result.total).toBe(95.25)
    expect(result.coefficient).toBe(1.5)
  })

  it('T9 电商部负责人: sales bands, page-view shortfall, tenure-weighted turnover and the 5–10 bonus', () => {
    const t = template('seed-002-t9-ecommerce-head')
    const result = scoreSheet(t, {
      indicators: {
        sales_task: { actual: 85000 },
        agency_agreements: { occurrences: 1 },
        platform_inspection: { level: 'A' },
        counterfeit_shops: { occurrences: 2 },
        missing_rows: { score: 15, comment: '公司补充项全部完成' },
        platform_page_views: { actual: 9850 },
        new_products: { level: 'A' },
        staff_stability: { counts: { over_1_year: 1, over_2_years: 1 } },
        cooperation_discipline: { occurrences: 0 },
      },
      adjustments: { major_contribution: { score: 8, comment: '新品上线' } },
    })
    const items = Object.fromEntries(result.dimensions[0]!.indicators.map((i) => [i.key, i.points]))
    // 8万元以上12分; 延误一次扣5分; 扣2分/家; 每低100次扣2分 (150 short: one full hundred); −2 −3 for leavers.
    expect(items.sales_task).toBe(12)
    expect(items.agency_agreements).toBe(5)
    expect(items.counterfeit_shops).toBe(6)
    expect(items.platform_page_views).toBe(8)
    expect(items.staff_stability).toBe(5)
    expect(result.base).toBe(81)
    expect(result.bonus).toBe(8)
    expect(result.total).toBe(89)
  })

  it('T9 电商部负责人: below 3万 scores nothing (3万元以下不得分)', () => {
    const t = template('seed-002-t9-ecommerce-head')
    const result = scoreSheet(t, { indicators: { sales_task: { actual: 29999 } } })
    expect(result.dimensions[0]!.indicators[0]!.points).toBe(0)
  })

  it('T10 网络管理员: each item is scored 0–5 and weighted (92% → 4 分 → 16/20; one error → 4 分 → 8/10)', () => {
    const t = template('seed-002-t10-network-admin-monthly')
    const result = scoreSheet(t, {
      indicators: {
        sales_plan_completion: { actual: 92000, target: 100000 },
        inventory_reconciliation: { occurrences: 1 },
        stocktake_verification: { occurrences: 0 },
        it_maintenance: { occurrences: 5 },
        work_plan_completion: { occurrences: 2 },
        store_data_entry: { occurrences: 0 },
        employee_satisfaction: { occurrences: 4 },
      },
    })
    // 16 + (8 + 10 + 0 + 12 + 20) + 2
    expect(result.total).toBe(68)
  })

  it('T15 新媒体运营部: 平台浏览量 scores 所占分值 × 实际/目标 up to 120%, nothing below 60% of the target', () => {
    const t = template('seed-002-t15-new-media-department')
    const score = (actual: number) =>
      scoreSheet(t, { indicators: { platform_page_views: { actual, target: 110000 } } }).dimensions[0]!
        .indicators[0]!.points
    expect(score(110000)).toBe(11)
    expect(score(143000)).toBe(13.2)
    expect(score(88000)).toBe(8.8)
    expect(score(60000)).toBe(0)
  })

  it('T15 新媒体运营部: 品牌计划执行 loses 2% of its weight per omission and nothing is left at 13 (N≥13 → 0)', () => {
    const t = template('seed-002-t15-new-media-department')
    const points = (n: number) =>
      scoreSheet(t, {
        indicators: { brand_plan_execution: { occurrences: n } },
      }).dimensions[1]!.indicators.find((i) => i.key === 'brand_plan_execution')!.points
    expect(points(0)).toBe(25)
    expect(points(3)).toBe(23.5)
    expect(points(12)).toBe(19)
    expect(points(13)).toBe(0)
  })

  it('T14 新媒体运营: violations deduct 1 or 1.5 per time and the bonus items sit outside the 100', () => {
    const t = template('seed-002-t14-new-media-zhongyi')
    const result = scoreSheet(t, {
      indicators: {
        missing_rows: { score: 45, comment: '岗位业绩' },
        brand_culture: { occurrences: 0 },
        teamwork_communication: { occurrences: 2 },
        work_planning: { occurrences: 1 },
        image_attitude_service: { occurrences: 0 },
        overall_assessment: { score: 7, comment: '良好' },
        attendance: { occurrences: 1 },
      },
      adjustments: { praise: { occurrences: 1 }, customer_development: { occurrences: 5 } },
    })
    // 45 + 8 + 5 + 7 + 8 + 7 + 8 = 88; bonus 5 + min(15, 10) = 15
    expect(result.base).toBe(88)
    expect(result.bonus).toBe(15)
    expect(result.total).toBe(103)
  })

  it.each([
    [35, 20],
    [30, 20],
    [25, 16],
    [20, 16],
    [19, 0],
  ])(
    'T16 短视频: %d videos → %d of 20 points (≥x条100分, ≥y条80分, <y条0分; x=30, y=20 defaults)',
    (videos, points) => {
      const t = template('seed-002-t16-short-video')
      const result = scoreSheet(t, { indicators: { videos_produced: { actual: videos } } })
      expect(result.dimensions[0]!.indicators[0]!.points).toBe(points)
    },
  )

  it('T5 网站编辑: items marked 根据月计划比例 score in proportion to the monthly plan, capped at full points', () => {
    const t = template('seed-002-t5-website-editor')
    const results = scoreSheet(t, {
      indicators: {
        topic_plans: { actual: 3, target: 4 },
        advertorials: { actual: 12, target: 10 },
        online_promotion_volume: { actual: 0, target: 5 },
      },
    }).dimensions[2]!.indicators
    const points = Object.fromEntries(results.map((i) => [i.key, i.points]))
    expect(points.topic_plans).toBe(7.5)
    expect(points.advertorials).toBe(10)
    expect(points.online_promotion_volume).toBe(0)
  })
})
