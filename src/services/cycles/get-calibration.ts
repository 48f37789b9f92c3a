import { DomainError } from '../../core/errors.ts'
import { roundScore } from '../../core/scoring/round-score.ts'
import type { SheetState } from '../../core/workflow/sheet-workflow.ts'
import { findCycle, listCalibrationSheets } from '../../db/cycle-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { checkCycleQuotas } from '../sheets/find-quota-holds.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/**
 * Calibration view (绩效校准): the score distribution of a cycle by department (count, mean, min, max,
 * grades, 10-point histogram), the sheets still open to calibration, and the grade-quota violations
 * (强制分布) when the cycle sets quotas, each marked held when the quotas are enforced.
 */
export async function getCalibration(deps: WorkflowDeps, actor: Actor, cycleId: number) {
  if (actor.role !== 'hr' && actor.role !== 'admin')
    throw new DomainError('forbidden', '只有人力资源和管理员可以查看校准')
  const db = deps.db
  const cycle = await findCycle(db, actor.companyId, cycleId)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
  const rows = await listCalibrationSheets(db, actor.companyId, cycleId)
  const sheets = rows.map((r) => ({
    sheetId: r.id,
    employeeName: r.employee_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    state: r.state as SheetState,
    version: r.version,
    total: Number(r.total),
    grade: r.grade,
    calibrated: r.calibration !== null,
    calibratable: r.state === 'computed' || r.state === 'feedback_held',
  }))
  const groups = new Map<string, typeof sheets>()
  for (const s of sheets) {
    const key = String(s.departmentId)
    groups.set(key, [...(groups.get(key) ?? []), s])
  }
  const summarise = (list: typeof sheets) => {
    const totals = list.map((s) => s.total)
    const grades: Record<string, number> = {}
    for (const s of list) grades[s.grade ?? '—'] = (grades[s.grade ?? '—'] ?? 0) + 1
    const histogram = Array.from({ length: 10 }, (_, i) => ({
      from: i * 10,
      to: i === 9 ? 100 : i * 10 + 10,
      count: totals.filter((t) => (i === 9 ? t >= 90 : t >= i * 10 && t < i * 10 + 10)).length,
    }))
    return {
      count: list.length,
      mean: list.length ? roundScore(totals.reduce((a, b) => a + b, 0) / list.length) : null,
      min: list.length ? Math.min(...totals) : null,
      max: list.length ? Math.max(...totals) : null,
      grades,
      histogram,
    }
  }
  const quotas = cycle.settings.gradeQuotas ?? []
  return {
    cycleId,
    quotas,
    quotaMode: cycle.settings.quotaMode ?? 'advisory',
    quotaExceptions: cycle.settings.quotaExceptions ?? [],
    company: summarise(sheets),
    departments: [...groups.values()].map((list) => ({
      departmentId: list[0]!.departmentId,
      departmentName: list[0]!.departmentName,
      ...summarise(list),
    })),
    violations: await checkCycleQuotas(db, rows, cycle.settings),
    sheets,
  }
}
