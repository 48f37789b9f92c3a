import { DomainError } from '../../core/errors.ts'
import { defaultGrades } from '../../core/results/default-scoring.ts'
import { checkGradeQuota, type QuotaViolation } from '../../core/workflow/check-grade-quota.ts'
import { type CycleSettings, listCalibrationSheets } from '../../db/cycle-repository.ts'
import { listTemplateLabelParts } from '../../db/dashboard-queries.ts'
import type { Db } from '../../db/database.ts'

// Forced distribution that holds (强制分布, issue 16.7): with enforced quotas, a department whose grades do not
// fit holds its employees' sign-off and the cycle's pay approval until the grades fit (after calibration) or HR
// records an exception with a reason. Advisory quotas (the default) are reported only. Company-wide
// violations are reported, never held: a department can only be asked to fix its own grades.

export type CheckedViolation = QuotaViolation & { held: boolean }

type CalibrationRows = Awaited<ReturnType<typeof listCalibrationSheets>>

/** The quota violations of a cycle's scored sheets, named as people know them, each marked held or not. */
export async function checkCycleQuotas(
  db: Db,
  rows: CalibrationRows,
  settings: CycleSettings,
): Promise<CheckedViolation[]> {
  const quotas = settings.gradeQuotas ?? []
  if (quotas.length === 0 || rows.length === 0) return []
  const grades = new Map<string, string>()
  const versionIds = [...new Set(rows.map((r) => r.template_version_id))]
  for (const part of await listTemplateLabelParts(db, versionIds))
    for (const g of part.grades ?? []) if (!grades.has(g.grade)) grades.set(g.grade, g.label['zh-CN'])
  for (const g of defaultGrades) if (!grades.has(g.grade)) grades.set(g.grade, g.label['zh-CN'])
  const departments = new Map<number, string>()
  for (const r of rows)
    if (r.department_id !== null && r.department_name !== null)
      departments.set(r.department_id, r.department_name)
  const violations = checkGradeQuota(
    rows.map((r) => ({ sheetId: r.id, departmentId: r.department_id, grade: r.grade })),
    quotas,
    {
      grade: (g) => grades.get(g) ?? g,
      department: (id) => (id === null ? '未分配部门的员工' : (departments.get(id) ?? '该部门')),
    },
  )
  const enforced = settings.quotaMode === 'enforced'
  const excepted = new Set((settings.quotaExceptions ?? []).map((e) => e.departmentId))
  return violations.map((v) => ({
    ...v,
    held: enforced && v.scope === 'department' && !excepted.has(v.departmentId),
  }))
}

/** The held violations of a cycle (none unless its quotas are enforced), for one department or all. */
export async function findQuotaHolds(
  db: Db,
  companyId: number,
  cycle: { id: number; settings: CycleSettings },
  departmentId?: number | null,
): Promise<CheckedViolation[]> {
  if (cycle.settings.quotaMode !== 'enforced' || !cycle.settings.gradeQuotas?.length) return []
  const rows = await listCalibrationSheets(db, companyId, cycle.id)
  const held = (await checkCycleQuotas(db, rows, cycle.settings)).filter((v) => v.held)
  return departmentId === undefined ? held : held.filter((v) => v.departmentId === departmentId)
}

/** The refusal of a step held by enforced quotas: what is over, and the two ways out. */
export function quotaHeldError(held: readonly CheckedViolation[], step: string): DomainError {
  return new DomainError(
    'quota_held',
    `${held.map((v) => v.message).join('；')}。本期强制分布为强制执行，${step}需等该部门的等级符合比例（校准后），或由人力资源登记例外并说明原因 / held by the cycle's enforced grade quotas`,
    held.map((v) => ({ path: `departments.${v.departmentId ?? 'none'}`, message: v.message })),
  )
}
