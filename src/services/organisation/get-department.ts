import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { type DepartmentRecord, findDepartment } from '../../db/organisation-repository.ts'

/** One department of a company, or not_found. */
export async function getDepartment(db: Db, companyId: number, id: number): Promise<DepartmentRecord> {
  const department = await findDepartment(db, companyId, id)
  if (!department) throw new DomainError('not_found', `部门 ${id} 不存在`)
  return department
}
