import type { ErrorIssue } from '../../core/errors.ts'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import {
  findDepartment,
  findEmployee,
  findPosition,
  listAncestorChain,
} from '../../db/organisation-repository.ts'

// Reference checks shared by the organisation use cases. Each adds an issue naming the input field.
// They are called for references being set (new or changed): a retired department or position receives
// nobody new, and only someone who has not left can become a manager.

export async function checkDepartmentRef(
  db: Db,
  companyId: number,
  id: number | null,
  path: string,
  issues: ErrorIssue[],
): Promise<void> {
  if (id === null) return
  const department = await findDepartment(db, companyId, id)
  if (!department) issues.push({ path, message: `部门 ${id} 不存在` })
  else if (department.retiredAt !== null)
    issues.push({ path, message: `部门“${department.name}”已撤销，不能再加入人员或下级` })
}

export async function checkPositionRef(
  db: Db,
  companyId: number,
  id: number | null,
  path: string,
  issues: ErrorIssue[],
): Promise<void> {
  if (id === null) return
  const position = await findPosition(db, companyId, id)
  if (!position) issues.push({ path, message: `岗位 ${id} 不存在` })
  else if (position.retiredAt !== null)
    issues.push({ path, message: `岗位“${position.name}”已撤销，不能再安排人员` })
}

/** A manager (直接上级) must be an employee of the same company who has not left. */
export async function checkEmployeeRef(
  db: Db,
  companyId: number,
  id: number | null,
  path: string,
  issues: ErrorIssue[],
): Promise<void> {
  if (id === null) return
  const employee = await findEmployee(db, companyId, id)
  if (!employee) issues.push({ path, message: `员工 ${id} 不存在于本公司` })
  else if (employee.status === 'left')
    issues.push({ path, message: `${employee.name}（${employee.employeeNo}）已离职，不能作为直接上级` })
}

const cycleMessage = {
  departments: '上级部门不能是本部门或其下级部门，会形成循环',
  positions: '上级岗位不能是本岗位或其下级岗位，会形成循环',
  employees: '直接上级不能是本人或其下属，会形成循环',
} as const

/**
 * Adds an issue when linking `self` under `parentId` would close a loop (including pointing at itself),
 * naming the loop as it would run: 王五 → 李四 → 王五.
 */
export async function checkNoCycle(
  db: Db,
  table: 'departments' | 'positions' | 'employees',
  companyId: number,
  self: { id: number; name: string },
  parentId: number | null,
  path: string,
  issues: ErrorIssue[],
): Promise<void> {
  if (parentId === null) return
  const chain = parentId === self.id ? [] : await listAncestorChain(db, table, companyId, parentId)
  const at = chain.findIndex((link) => link.id === self.id)
  if (parentId !== self.id && at < 0) return
  const loop = [self.name, ...chain.slice(0, at).map((link) => link.name), self.name].join(' → ')
  issues.push({ path, message: `${cycleMessage[table]}：${loop}` })
}

/** Throws invalid_input carrying every issue found, if any. */
export function throwIfIssues(issues: ErrorIssue[]): void {
  if (issues.length > 0) {
    throw new DomainError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('；'), issues)
  }
}
