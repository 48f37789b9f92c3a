import type { ConsequenceLists } from '../../contracts/results.ts'
import {
  consecutivePeriodWarnings,
  type PeriodResult,
  type WarningRule,
} from '../../core/results/consecutive-period-warnings.ts'
import type { Db } from '../../db/database.ts'
import {
  type FinalResultRow,
  listFinalResults,
  listPlanRows,
  listSheetDimensions,
} from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { treeRootOf } from './consequence-scope.ts'
import { readConsequenceSettings } from './get-consequence-settings.ts'

// The consequence lists (结果应用) of a year from final results: dismissal review (N months in a row below the
// threshold; seed 000: 2 below 65), promotion candidates (N periods in a row at 优秀), improvement candidates
// (dimensions below a share of their maximum in the latest cycle) and salary-adjustment suggestions (annual grade).
// A list starts a review; it decides nothing.

const grades: Record<string, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'excellent' },
  good: { zh: '良好', en: 'good' },
  pass: { zh: '合格', en: 'pass' },
  fail: { zh: '不合格', en: 'fail' },
}

/** The period label of a cycle: 2026-03, 2026-Q1 or 2026. */
export function periodLabel(kind: string, periodStart: string): string {
  const [y, m] = periodStart.split('-')
  if (kind === 'monthly') return `${y}-${m}`
  if (kind === 'quarterly') return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`
  return String(y)
}

type DimensionScore = { key: string; name: string; points: number; maxPoints: number }

export async function computeConsequences(
  db: Db,
  companyId: number,
  year: number,
  options: { treeRootEmployeeId?: number; cycleId?: number } = {},
): Promise<ConsequenceLists> {
  const settings = await readConsequenceSettings(db, companyId)
  const pdb = db
  // A run may start in the previous year; it is listed when it ends in this one.
  const results = await listFinalResults(
    pdb,
    companyId,
    { from: `${year - 1}-01-01`, to: `${year}-12-31` },
    options.treeRootEmployeeId,
  )
  const byEmployeeKind = new Map<string, FinalResultRow[]>()
  for (const r of results) {
    const key = `${r.employeeId}:${r.cycleKind}`
    const list = byEmployeeKind.get(key) ?? []
    list.push(r)
    byEmployeeKind.set(key, list)
  }
  const person = (r: FinalResultRow) => ({
    employeeId: r.employeeId,
    employeeNo: r.employeeNo,
    employeeName: r.employeeName,
    departmentName: r.departmentName,
    positionName: r.positionName,
  })
  const runs = (rule: WarningRule, kinds: string[]) => {
    const out: ConsequenceLists['dismissalReview'] = []
    for (const [key, rows] of byEmployeeKind) {
      if (!kinds.includes(key.split(':')[1]!)) continue
      const byPeriod = new Map<string, FinalResultRow>()
      const history: PeriodResult[] = rows.map((r) => {
        const period = periodLabel(r.cycleKind, r.periodStart)
        byPeriod.set(period, r)
        return { period, total: r.total, grade: r.grade ?? undefined }
      })
      for (const warning of consecutivePeriodWarnings(history, rule)) {
        const last = warning.periods[warning.periods.length - 1]!
        if (!last.startsWith(String(year))) continue
        const first = byPeriod.get(warning.periods[0]!)!
        out.push({
          ...person(first),
          periods: warning.periods.map((p) => {
            const r = byPeriod.get(p)!
            return { cycleId: r.cycleId, period: p, total: r.total, grade: r.grade }
          }),
          explanation: warning.explanation,
        })
      }
    }
    return out.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
  }
  const dismissalReview = runs(
    {
      kind: 'below_threshold',
      threshold: settings.dismissal.threshold,
      consecutive: settings.dismissal.consecutive,
      action: 'dismissal_review',
    },
    ['monthly'],
  )
  const promotionCandidates = runs(
    {
      kind: 'at_grade',
      grades: settings.promotion.grades,
      consecutive: settings.promotion.consecutive,
      action: 'promotion_candidate',
    },
    ['monthly', 'quarterly', 'annual'],
  )

  // Improvement: the given cycle, else the latest cycle of the year with final results.
  const inYear = results.filter((r) => r.periodStart.startsWith(String(year)))
  const latest = [...inYear].sort(
    (a, b) => b.periodStart.localeCompare(a.periodStart) || b.cycleId - a.cycleId,
  )[0]
  const improvementCycle = options.cycleId ?? latest?.cycleId
  const improvementCandidates: ConsequenceLists['improvementCandidates'] = []
  if (improvementCycle !== undefined) {
    const [dims, plans] = await Promise.all([
      listSheetDimensions(pdb, companyId, improvementCycle, options.treeRootEmployeeId),
      listPlanRows(pdb, companyId, { treeRootEmployeeId: options.treeRootEmployeeId }),
    ])
    const rowOf = new Map(
      results.filter((r) => r.cycleId === improvementCycle).map((r) => [r.sheetId, r] as const),
    )
    for (const d of dims) {
      const r = rowOf.get(d.sheetId)
      const dimensions = ((d.score as { dimensions?: DimensionScore[] } | null)?.dimensions ??
        []) as DimensionScore[]
      if (!r) continue
      for (const dim of dimensions) {
        if (!(dim.maxPoints > 0)) continue
        const share = dim.points / dim.maxPoints
        if (share >= settings.improvement.dimensionBelow) continue
        const plan = plans.find(
          (p) =>
            p.employeeId === r.employeeId &&
            p.status === 'open' &&
            (p.dimension === dim.name || p.dimension === dim.key),
        )
        improvementCandidates.push({
          ...person(r),
          cycleId: improvementCycle,
          sheetId: d.sheetId,
          dimension: dim.name,
          dimensionKey: dim.key,
          points: dim.points,
          maxPoints: dim.maxPoints,
          share: Math.round(share * 10000) / 10000,
          planId: plan?.id ?? null,
        })
      }
    }
    improvementCandidates.sort((a, b) => a.employeeNo.localeCompare(b.employeeNo) || a.share - b.share)
  }

  const salaryAdjustments: ConsequenceLists['salaryAdjustments'] = inYear
    .filter((r) => r.cycleKind === 'annual')
    .map((r) => {
      const rule = settings.salary[r.grade ?? ''] ?? { action: 'review' as const }
      const g = grades[r.grade ?? ''] ?? { zh: r.grade ?? '无等级', en: r.grade ?? 'no grade' }
      const percent = rule.action === 'raise' ? rule.percent : null
      const what =
        rule.action === 'raise'
          ? {
              zh: `建议调薪 ${percent! >= 0 ? '+' : ''}${percent}%`,
              en: `suggest ${percent! >= 0 ? '+' : ''}${percent}% salary`,
            }
          : rule.action === 'none'
            ? { zh: '不调薪', en: 'no change' }
            : { zh: '进入评审', en: 'review' }
      return {
        ...person(r),
        cycleId: r.cycleId,
        total: r.total,
        grade: r.grade,
        action: rule.action,
        percent,
        explanation: {
          'zh-CN': `${year} 年度得分 ${r.total}，等级 ${g.zh} → ${what.zh}`,
          en: `${year} annual score ${r.total}, grade ${g.en} → ${what.en}`,
        },
      }
    })
  return { year, settings, dismissalReview, promotionCandidates, improvementCandidates, salaryAdjustments }
}

/** GET /api/consequences: admin, HR and finance see the company, a supervisor their reporting tree. */
export async function listConsequences(
  deps: WorkflowDeps,
  actor: Actor,
  year: number,
  cycleId?: number,
): Promise<ConsequenceLists> {
  return computeConsequences(deps.db, actor.companyId, year, {
    treeRootEmployeeId: treeRootOf(actor),
    cycleId,
  })
}
