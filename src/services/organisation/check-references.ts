import type { ErrorIssue } from '../../core/errors.ts'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import {
  findDepartment,
  findEmployee,
  findPosition,
  isSelfOrAncestor,
} from '../../db/organisation-repository.ts'

// Reference checks shared by the organisation use cases. Each adds an issue naming the input field.

export async function checkDepartmentRef(
  db: Db,
  companyId: number,
  id: number | null,
  path: string,
  issues: ErrorIssue[],
): Promise<void> {
  if (id !== null && !(await findDepartment(db, companyId, id))) {
    issues.push({ path, message: `部门 ${id} 不存在` })
  }
}

export async function checkPositionRef(
  db: Db,
  companyId: number,
  id: number | null,
  path: string,
  issues: ErrorIssue[],
): Promise<void> {
  if (id !== null && !(await findPosition(db, companyId, id))) {
    issues.push({ path, message: `岗位 ${id} 不存在` })
  }
}

export async function checkEmployeeRef(
  db: Db,
  companyId: number,
  id: number | null,
  path: string,
  issues: ErrorIssue[],
): Promise<void> {
  if (id !== null && !(await findEmployee(db, companyId, id))) {
    issues.push({ path, message: `员工 ${id} 不存在于本公司` })
  }
}

const cycleMessage = {
  departments: '上级部门不能是本部门或其下级部门（会形成循环）',
  positions: '上级岗位不能是本岗位或其下级岗位（会形成循环）',
  employees: '直属上级不能是本人或其下属（会形成循环）',
} as const

/** Adds an issue when linking `selfId` under `parentId` would make a cycle (including pointing at itself). */
export async function checkNoCycle(
  db: Db,
  table: 'departments' | 'positions' | 'employees',
  companyId: number,
  selfId: number,
  parentId: number | null,
  path: string,
  issues: ErrorIssue[],
): Promise<void> {
  if (parentId === null) return
  if (parentId === selfId || (await isSelfOrAncestor(db, table, companyId, parentId, selfId))) {
    issues.push({ path, message: cycleMessage[table] })
  }
}

/** Throws invalid_input carrying every issue found, if any. */
export function throwIfIssues(issues: ErrorIssue[]): void {
  if (issues.length > 0) {
    throw new DomainError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('；'), issues)
  }
}
