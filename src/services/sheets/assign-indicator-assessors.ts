import type { Assessor, Template } from '../../core/templates/template.ts'
import {
  findDepartmentHeads,
  findEmployeesByNumber,
  findPositionHolders,
  listCycleSheetsWithTemplates,
} from '../../db/assessor-queries.ts'
import type { Db } from '../../db/database.ts'
import { type AssessorTask, insertAssessorTasks } from '../../db/sheet-repository.ts'
import { listUserIdsOfEmployees } from '../../db/sheet-workflow-queries.ts'
import { notifyUsers } from '../notifications/notify-users.ts'

/** A row's named assessor: who to look up (a department's head, a position's holder, a person), or none. */
function namedAssessor(
  assessor: Assessor,
): { by: 'department' | 'position' | 'person'; name: string } | null {
  if (assessor.rater === 'department' && assessor.department)
    return { by: 'department', name: assessor.department }
  if (assessor.rater === 'position' && assessor.position) return { by: 'position', name: assessor.position }
  if (assessor.rater === 'person' && assessor.employeeNo) return { by: 'person', name: assessor.employeeNo }
  return null
}

/**
 * Hands each row with a named assessor to that assessor (电商部负责人: 财务部, 销售部, 总经办, 人力资源部 score their
 * own rows): one task per assessor and sheet, in their queue beside peer reviews, and a notification. A name
 * that matches no department, position or person leaves the row with the sheet's raters; nobody scores their
 * own sheet as its assessor. Answers how many tasks were added.
 */
export async function assignIndicatorAssessors(
  db: Db,
  companyId: number,
  cycle: { id: number; name: string },
  now: Date,
): Promise<number> {
  const { sheets, definitions } = await listCycleSheetsWithTemplates(db, cycle.id)
  const rowsByVersion = new Map<number, { key: string; by: string; name: string }[]>()
  const wanted = { department: new Set<string>(), position: new Set<string>(), person: new Set<string>() }
  for (const [versionId, definition] of definitions) {
    const rows: { key: string; by: string; name: string }[] = []
    for (const d of (definition as Template).dimensions)
      for (const i of d.indicators) {
        const named = namedAssessor(i.assessor)
        if (!named) continue
        rows.push({ key: i.key, ...named })
        wanted[named.by].add(named.name)
      }
    if (rows.length > 0) rowsByVersion.set(versionId, rows)
  }
  if (rowsByVersion.size === 0) return 0
  const [heads, holders, people] = await Promise.all([
    findDepartmentHeads(db, companyId, [...wanted.department]),
    findPositionHolders(db, companyId, [...wanted.position]),
    findEmployeesByNumber(db, companyId, [...wanted.person]),
  ])
  const found = { department: heads, position: holders, person: people } as Record<
    string,
    Map<string, number>
  >
  const tasks: AssessorTask[] = []
  for (const sheet of sheets) {
    const rows = rowsByVersion.get(sheet.template_version_id)
    if (!rows) continue
    const byAssessor = new Map<number, string[]>()
    for (const row of rows) {
      const employeeId = found[row.by]?.get(row.name)
      if (employeeId === undefined || employeeId === sheet.employee_id) continue
      byAssessor.set(employeeId, [...(byAssessor.get(employeeId) ?? []), row.key])
    }
    for (const [reviewerEmployeeId, indicatorKeys] of byAssessor)
      tasks.push({ sheetId: sheet.id, reviewerEmployeeId, indicatorKeys })
  }
  const added = await insertAssessorTasks(db, companyId, tasks)
  const reviewers = [...new Set(tasks.map((t) => t.reviewerEmployeeId))]
  if (reviewers.length > 0) {
    const users = await listUserIdsOfEmployees(db, companyId, reviewers)
    await notifyUsers(
      db,
      companyId,
      users,
      {
        kind: 'assessor_review.assigned',
        title: `${cycle.name}：请为您负责考核的指标评分`,
        body: '您是部分考核表中指定指标的考核人，请在“我的考核”中为这些指标评分；提交前这些考核表不会计算得分。',
        entity: 'cycle',
        entityId: cycle.id,
      },
      now,
    )
  }
  return added
}
