import type { MyDashboard } from '../../contracts/dashboards.ts'
import { DomainError } from '../../core/errors.ts'
import type { SheetScore } from '../../core/scoring/score-sheet.ts'
import type { LocalizedText } from '../../core/templates/template.ts'
import { isScoredState } from '../../core/workflow/sheet-workflow.ts'
import {
  findDashboardEmployee,
  findDashboardSheet,
  listScoredTotals,
  teamMedians,
} from '../../db/dashboard-queries.ts'
import { isEmployeeInScope } from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { resolveEmployeeScope } from '../organisation/resolve-employee-scope.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { loadTemplateLabels, toScore } from './dashboard-scope.ts'

/** Fewer scored teammates than this and the team median is withheld, so nobody reads a colleague's score. */
export const minimumTeamForMedian = 3

/**
 * One employee's dashboard (我的绩效): their totals over the last 24 scored cycles, and for one cycle each
 * dimension's share of its budget beside the team's median (the team = the sheets with the same reviewer,
 * or the same department when there is none), and each indicator's actual, target and points. The caller
 * themself by default; a supervisor may open anyone in their tree, HR and admin anyone; others get 404.
 */
export async function getMyDashboard(
  deps: WorkflowDeps,
  actor: Actor,
  query: { cycleId?: number; employeeId?: number },
): Promise<MyDashboard> {
  const db = deps.db
  const employeeId = query.employeeId ?? actor.employeeId
  if (employeeId === null) throw new DomainError('not_found', '当前账号没有关联员工，没有个人绩效')
  if (employeeId !== actor.employeeId) {
    const others = actor.role === 'admin' || actor.role === 'hr' || actor.role === 'supervisor'
    if (
      !others ||
      !(await isEmployeeInScope(deps.db, actor.companyId, employeeId, resolveEmployeeScope(actor)))
    )
      throw new DomainError('not_found', `员工 ${employeeId} 不存在`)
  }
  const employee = await findDashboardEmployee(db, actor.companyId, employeeId)
  if (!employee) throw new DomainError('not_found', `员工 ${employeeId} 不存在`)
  const trend = await listScoredTotals(db, actor.companyId, employeeId)
  const sheet = await findDashboardSheet(db, actor.companyId, employeeId, query.cycleId)
  if (query.cycleId !== undefined && !sheet)
    throw new DomainError('not_found', `考核周期 ${query.cycleId} 没有该员工的考核表`)

  const base = {
    employee,
    trend: trend.map((r) => ({
      cycleId: r.cycle_id,
      name: r.name,
      kind: r.kind,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      total: Number(r.total),
      grade: r.grade,
    })),
  }
  if (!sheet) return { ...base, cycle: null, sheet: null, teamSize: 0, dimensions: [], indicators: [] }

  const labels = await loadTemplateLabels(db, [sheet.template_version_id])
  const isSheetScored = isScoredState(sheet.state) && sheet.total !== null
  const score = isSheetScored ? (sheet.score as SheetScore | null) : null
  const {
    dimensions: team,
    indicators: indicatorTeam,
    teamSize,
  } = await teamMedians(
    db,
    actor.companyId,
    sheet.cycle_id,
    sheet.reviewer_employee_id !== null
      ? { reviewerEmployeeId: sheet.reviewer_employee_id }
      : sheet.department_id !== null
        ? { departmentId: sheet.department_id }
        : { sheetId: sheet.id },
  )
  const indicatorMedians = new Map(indicatorTeam.map((r) => [r.key, toScore(r.median)]))
  const medians = new Map(team.map((r) => [r.name, r]))
  const percent = (points: number, max: number) => (max > 0 ? toScore((points * 100) / max) : null)
  const gradeLabel: LocalizedText | null = sheet.grade ? (labels.grades.get(sheet.grade) ?? null) : null

  return {
    ...base,
    cycle: {
      id: sheet.cycle_id,
      name: sheet.cycle_name,
      kind: sheet.kind,
      periodStart: sheet.period_start,
      periodEnd: sheet.period_end,
    },
    sheet: {
      id: sheet.id,
      state: sheet.state,
      total: isSheetScored ? toScore(sheet.total) : null,
      grade: isSheetScored ? sheet.grade : null,
      gradeLabel: isSheetScored ? gradeLabel : null,
      coefficient: isSheetScored ? toScore(sheet.coefficient) : null,
    },
    teamSize,
    dimensions: (score?.dimensions ?? []).map((d) => {
      const median = medians.get(d.name)
      return {
        name: d.name,
        points: d.points,
        maxPoints: d.maxPoints,
        percent: percent(d.points, d.maxPoints),
        teamMedian: teamSize >= minimumTeamForMedian && median ? toScore(median.median) : null,
      }
    }),
    indicators: (score?.dimensions ?? []).flatMap((d) =>
      d.indicators.map((i) => {
        const known = labels.indicators.get(i.key)
        return {
          key: i.key,
          name: known?.name ?? i.key,
          dimension: d.name,
          unit: known?.unit ?? null,
          actual: i.actual ?? null,
          target: i.target ?? null,
          points: i.points,
          maxPoints: i.maxPoints,
          teamMedian: teamSize >= minimumTeamForMedian ? (indicatorMedians.get(i.key) ?? null) : null,
          explanation: i.explanation?.['zh-CN'] ? i.explanation : null,
        }
      }),
    ),
  }
}
