import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { type EmployeeValues, findEmployeeIdByNo } from '../../db/organisation-repository.ts'
import {
  checkDepartmentRef,
  checkEmployeeRef,
  checkNoCycle,
  checkPositionRef,
  throwIfIssues,
} from './check-references.ts'

/**
 * Validates an employee about to be saved: references inside the company (a department or position that is
 * not retired, a manager who has not left; only references being set are checked, so editing someone who
 * sits in a since-retired department still works), no manager loop, leave date not before hire date and
 * present when the employee has left, employee number unique. `selfId` and `before` are null for a new employee.
 */
export async function checkEmployee(
  db: Db,
  companyId: number,
  selfId: number | null,
  values: EmployeeValues,
  before: EmployeeValues | null = null,
) {
  const issues: ErrorIssue[] = []
  const changed = (k: 'departmentId' | 'positionId' | 'managerId') =>
    before === null || before[k] !== values[k]
  if (changed('departmentId'))
    await checkDepartmentRef(db, companyId, values.departmentId, 'departmentId', issues)
  if (changed('positionId')) await checkPositionRef(db, companyId, values.positionId, 'positionId', issues)
  const managerIssues = issues.length
  if (changed('managerId')) await checkEmployeeRef(db, companyId, values.managerId, 'managerId', issues)
  if (selfId !== null && issues.length === managerIssues) {
    await checkNoCycle(
      db,
      'employees',
      companyId,
      { id: selfId, name: values.name },
      values.managerId,
      'managerId',
      issues,
    )
  }
  if (values.leaveDate !== null && values.leaveDate < values.hireDate) {
    issues.push({
      path: 'leaveDate',
      message: `离职日期 ${values.leaveDate} 早于入职日期 ${values.hireDate}`,
    })
  }
  if (values.status === 'left' && values.leaveDate === null) {
    issues.push({ path: 'leaveDate', message: '状态为已离职时必须填写离职日期' })
  }
  throwIfIssues(issues)
  const holder = await findEmployeeIdByNo(db, companyId, values.employeeNo)
  if (holder !== undefined && holder !== selfId) {
    throw new DomainError('conflict', `工号 ${values.employeeNo} 已被其他员工使用`, [
      { path: 'employeeNo', message: '工号已存在' },
    ])
  }
}
