import type { PayScheme } from '../../core/pay/pay-scheme.ts'
import type { IndicatorInput } from '../../core/scoring/score-indicator.ts'
import type { Indicator, Template } from '../../core/templates/template.ts'
import { defaultStageOffsets, stageDeadlines } from '../../core/workflow/stage-deadlines.ts'
import {
  findCycle,
  insertCycle,
  insertSheetsFor,
  selectParticipantBatches,
  setCycleStatus,
} from '../../db/cycle-repository.ts'
import type { Db } from '../../db/database.ts'
import { finishDemoSheet, insertApprovedDemoPaySheet, listDemoCycleSheets } from '../../db/demo-repository.ts'
import { insertPayItem, savePayInputValues } from '../../db/pay-repository.ts'
import { listUserIdsWithRole } from '../../db/user-repository.ts'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.ts'
import { scoreSheetRow } from '../sheets/score-sheet-row.ts'
import { assignBuiltinPaySchemes } from './assign-builtin-pay-schemes.ts'
import { computePaySheet } from './compute-pay-sheet.ts'

// Demo pay and results (used by the demo loader): pay schemes for the demo positions from the built-in seed
// schemes, and two finished monthly cycles (2026-09 and 2026-10) with every participant's sheet final, scored
// by the engine from plausible self and supervisor reviews, a few rewards and penalties, and entered sales.
// September's pay sheet is approved (locked); October's stays a draft to approve. 孙悦 scores below 65 in both
// months, so the dismissal-review list has an entry.

const t15 = 'seed-002-t15-base-times-score-pay'

/** Positions without a seed pay system get 绩效基数 × 绩效分值 (T15) in the demo. */
const demoExtraSchemes: Record<string, string> = Object.fromEntries(
  [
    '总经理',
    '运营经理',
    '美工',
    '网站编辑',
    '活动专员',
    '推广专员',
    '网络推广',
    '物流售后主管',
    '发货专员',
    '售后专员',
    '直播主管',
    '短视频运营',
    '主播',
    '抖店运营',
    '网管',
    '人事专员',
    '财务专员',
  ].map((p) => [p, t15]),
)

/** A review that scores about `q` (0–1) of each indicator's points, whatever its rule shape. */
export function demoIndicatorInput(indicator: Indicator, q: number): IndicatorInput {
  const rule = indicator.rule
  const target =
    indicator.target.kind === 'fixed'
      ? indicator.target.value
      : indicator.target.kind === 'per_employee'
        ? (indicator.target.default ?? 100)
        : 100
  const lower = indicator.direction === 'lower_better'
  const round = (n: number) => Math.round(n * 10000) / 10000
  const toward = lower ? round(target / Math.max(q, 0.05)) : round(target * q)
  switch (rule.shape) {
    case 'bands': {
      if (rule.basis === 'completion_rate') return { actual: toward, target }
      const sorted = [...rule.bands].sort((a, b) => b.points - a.points)
      const band = sorted[Math.min(sorted.length - 1, Math.floor((1 - q) * sorted.length))]!
      const actual =
        band.min !== undefined
          ? band.max !== undefined
            ? (band.min + band.max) / 2
            : band.min + (band.minInclusive === false ? 0.01 : 0)
          : band.max !== undefined
            ? band.max - 0.01
            : 0
      return { actual: round(actual) }
    }
    case 'ratio_to_target':
    case 'formula':
      return { actual: toward, target, occurrences: q > 0.8 ? 0 : 1 }
    case 'deduct_per_occurrence':
    case 'count_ladder':
      return { occurrences: q > 0.85 ? 0 : q > 0.6 ? 1 : 3 }
    case 'deduct_per_shortfall':
      return { actual: round(rule.threshold * (q > 0.75 ? 1.05 : 0.9)) }
    case 'weighted_deductions':
      return { counts: {} }
    case 'bonus_per_occurrence':
      return { occurrences: 0 }
    case 'bonus_range':
      return { score: rule.min, comment: '无' }
    case 'levels': {
      const sorted = [...rule.levels].sort((a, b) => b.points - a.points)
      return { level: sorted[Math.min(sorted.length - 1, Math.floor((1 - q) * sorted.length))]!.code }
    }
    case 'pass_fail': {
      const passed = q >= 0.6
      if (!rule.condition) return { passed }
      const v = rule.condition.value
      const ok = rule.condition.op === '<=' || rule.condition.op === '<' ? v * 0.9 : v === 0 ? 1 : v * 1.1
      return { passed, actual: passed ? (rule.condition.op === '==' ? v : round(ok)) : 0 }
    }
    case 'veto':
      return { violated: false, actual: 0 }
    case 'discretionary':
      return {
        score: round(rule.min + (rule.max - rule.min) * q),
        comment: q >= 0.8 ? '表现良好' : '有待提高',
      }
  }
}

function reviewFor(template: Template, q: number): Record<string, IndicatorInput> {
  const out: Record<string, IndicatorInput> = {}
  // Nobody is equally good at everything: each indicator varies by up to ±8 points around the month's level.
  let index = 0
  for (const d of template.dimensions)
    for (const i of d.indicators) {
      const spread = (((index++ * 29 + Math.round(q * 1000)) % 17) - 8) / 100
      out[i.key] = demoIndicatorInput(i, Math.min(1, Math.max(0.3, q + spread)))
    }
  return out
}

/** How well each demo employee does in a month: 0.45 for 孙悦 (two months below 65), else 0.62–0.99. */
function qualityOf(employeeNo: string, name: string, month: number): number {
  if (name === '孙悦') return 0.45
  const n = Number(employeeNo.replace(/\D/g, ''))
  return 0.62 + ((n * 37 + month * 11) % 38) / 100
}

async function seedCycle(db: Db, companyId: number, month: 9 | 10): Promise<number> {
  const wdb = db
  const mm = String(month).padStart(2, '0')
  const period = { start: `2026-${mm}-01`, end: `2026-${mm}-${month === 9 ? '30' : '31'}` }
  const calendar = await loadWorkingCalendar(wdb, companyId)
  const cycle = await insertCycle(wdb, {
    companyId,
    name: `2026年${month}月绩效考核`,
    kind: 'monthly',
    periodStart: period.start,
    periodEnd: period.end,
    participants: {},
    settings: {},
    deadlines: stageDeadlines(calendar, period, defaultStageOffsets),
    templateId: null,
    userId: null,
  })
  for (const batch of await selectParticipantBatches(wdb, companyId, {}, 1000))
    await insertSheetsFor(wdb, companyId, cycle, batch)
  await setCycleStatus(wdb, cycle.id, 'closed')
  const rows = await listDemoCycleSheets(wdb, cycle.id)
  const finishedAt = new Date(`${month === 9 ? '2026-10-16' : '2026-11-13'}T10:00:00Z`)
  for (const r of rows) {
    const template = r.definition as Template
    const q = qualityOf(r.employee_no, r.name, month)
    const supervisor = { indicators: reviewFor(template, q), comment: q >= 0.8 ? '本月完成较好' : '需改进' }
    const self = { indicators: reviewFor(template, Math.min(1, q + 0.05)), comment: '自评' }
    const row = {
      ...r,
      targets: {},
      self_review: self,
      supervisor_review: supervisor,
      shared_inputs: { indicators: supervisor.indicators },
    }
    const patch = scoreSheetRow(row, {
      template,
      peerReviews: [],
      settings: {},
      sourceTotals: new Map(),
      sourceNames: new Map(),
    })
    await finishDemoSheet(wdb, r.id, {
      ...patch,
      score: JSON.stringify(patch.score),
      state: 'final',
      targets: JSON.stringify({}),
      owner_confirmed_at: finishedAt,
      reviewer_confirmed_at: finishedAt,
      self_review: JSON.stringify(self),
      supervisor_review: JSON.stringify(supervisor),
      shared_inputs: JSON.stringify(row.shared_inputs),
      feedback: JSON.stringify({
        date: finishedAt.toISOString().slice(0, 10),
        notes: '绩效面谈已完成',
        improvements: [],
      }),
      signed_at: finishedAt,
      finalized_at: finishedAt,
      updated_at: finishedAt,
    })
  }
  return cycle.id
}

/** Seeds the demo pay schemes, two final cycles, rewards/penalties and entered inputs; approves September. */
export async function seedDemoPay(
  db: Db,
  companyId: number,
  employeeIds: Map<string, number>,
): Promise<void> {
  await assignBuiltinPaySchemes(db, companyId, demoExtraSchemes)
  const september = await seedCycle(db, companyId, 9)
  const october = await seedCycle(db, companyId, 10)
  const pdb = db
  const id = (name: string) => employeeIds.get(name)
  const cs: [string, string, number, number][] = [
    ['小冰', '35678.45', 3, 2],
    ['小焦', '28410.00', 1, 1],
    ['刘思雨', '31250.80', 2, 0],
    ['孙悦', '12030.50', 0, 0],
  ]
  const [hrUserId = null] = await listUserIdsWithRole(db, companyId, 'hr')
  for (const cycleId of [september, october]) {
    for (const [name, sales, neutral, negative] of cs) {
      const employeeId = id(name)
      if (employeeId === undefined) continue
      await savePayInputValues(
        pdb,
        companyId,
        cycleId,
        employeeId,
        { sales, neutral_reviews_revised: String(neutral), negative_reviews_revised: String(negative) },
        hrUserId,
      )
    }
    const manager = id('李娜')
    if (manager !== undefined)
      await savePayInputValues(pdb, companyId, cycleId, manager, { team_sales: '523456.78' }, hrUserId)
  }
  const items: [number, string, string, string][] = [
    [october, '小冰', '全勤奖', '50'],
    [october, '小焦', '迟到 2 次', '-20'],
    [october, '刘思雨', '好评返图奖励', '30'],
    [september, '小冰', '全勤奖', '50'],
  ]
  for (const [cycleId, name, label, amount] of items) {
    const employeeId = id(name)
    if (employeeId === undefined) continue
    await insertPayItem(pdb, companyId, {
      cycleId,
      employeeId,
      kind: 'reward_penalty',
      label,
      amount,
      note: '演示数据',
      userId: hrUserId,
    })
  }
  // September approved by finance (the snapshot as the service computes it), then one correction line.
  const cycle = (await findCycle(db, companyId, september))!
  const schemes = new Map<number, PayScheme>()
  const sheet = await computePaySheet(db, companyId, cycle, schemes)
  const snapshot = sheet.employees.map((e) => ({ ...e, scheme: schemes.get(e.employeeId) }))
  const [financeUserId = null] = await listUserIdsWithRole(db, companyId, 'finance')
  await insertApprovedDemoPaySheet(db, {
    companyId,
    cycleId: september,
    snapshot,
    total: sheet.total,
    approvedByUserId: financeUserId,
    approvedAt: '2026-10-20T02:00:00Z',
  })
  const bing = id('小冰')
  if (bing !== undefined)
    await insertPayItem(pdb, companyId, {
      cycleId: september,
      employeeId: bing,
      kind: 'adjustment',
      label: '差评修改漏计 1 个',
      amount: '20.00',
      note: '售后核对后补发',
      userId: financeUserId,
    })
}
