import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { type EmployeeRecord, findEmployee } from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { resolveEmployeeScope } from './resolve-employee-scope.ts'

/**
 * One employee the actor may see. An employee outside the actor's scope is reported as not_found,
 * exactly like one that does not exist, so ids of other teams cannot be probed.
 */
export async function getEmployee(db: Db, actor: Actor, id: number): Promise<EmployeeRecord> {
  const employee = await findEmployee(db, actor.companyId, id, resolveEmployeeScope(actor))
  if (!employee) throw new DomainError('not_found', `员工 ${id} 不存在`)
  return employee
}
