// Forced distribution (强制分布): at most a share of a group may hold a grade, e.g. 优秀 ≤ 20%. Checked per
// department and for the whole cycle; the allowed count is the share of the group rounded down. Messages name
// the grade and the department as people know them (「优秀」, 客服部), never a code or an id.

export type GradeQuota = { grade: string; maxShare: number }
export type GradedSheet = { sheetId: number; departmentId: number | null; grade: string | null }

/** How a message names a grade (优秀 for excellent) and a department (客服部 for its id). */
export type QuotaNames = {
  grade?: (grade: string) => string
  department?: (departmentId: number | null) => string
}

export type QuotaViolation = {
  scope: 'company' | 'department'
  departmentId: number | null
  grade: string
  count: number
  groupSize: number
  allowed: number
  maxShare: number
  sheetIds: number[]
  message: string
}

function check(
  scope: QuotaViolation['scope'],
  departmentId: number | null,
  group: readonly GradedSheet[],
  quotas: readonly GradeQuota[],
  names: QuotaNames,
): QuotaViolation[] {
  const out: QuotaViolation[] = []
  for (const quota of quotas) {
    const holders = group.filter((s) => s.grade === quota.grade)
    const allowed = Math.floor(group.length * quota.maxShare + 1e-9)
    if (holders.length > allowed) {
      const where =
        scope === 'company'
          ? '全公司'
          : departmentId === null
            ? '未分配部门的员工'
            : (names.department?.(departmentId) ?? '该部门')
      const grade = names.grade?.(quota.grade) ?? quota.grade
      out.push({
        scope,
        departmentId,
        grade: quota.grade,
        count: holders.length,
        groupSize: group.length,
        allowed,
        maxShare: quota.maxShare,
        sheetIds: holders.map((s) => s.sheetId),
        message: `${where}「${grade}」共 ${holders.length} 人，超过强制分布上限 ${Math.round(quota.maxShare * 100)}%（${group.length} 人中最多 ${allowed} 人）`,
      })
    }
  }
  return out
}

/** The groups (whole company, each department) holding more of a grade than its quota allows. */
export function checkGradeQuota(
  sheets: readonly GradedSheet[],
  quotas: readonly GradeQuota[],
  names: QuotaNames = {},
): QuotaViolation[] {
  if (quotas.length === 0 || sheets.length === 0) return []
  const byDepartment = new Map<number | null, GradedSheet[]>()
  for (const s of sheets) {
    const list = byDepartment.get(s.departmentId)
    if (list) list.push(s)
    else byDepartment.set(s.departmentId, [s])
  }
  const violations = check('company', null, sheets, quotas, names)
  for (const [departmentId, group] of byDepartment)
    violations.push(...check('department', departmentId, group, quotas, names))
  return violations
}
