import type { Db } from '../../db/database.ts'
import { type DepartmentRecord, listDepartments as listRows } from '../../db/organisation-repository.ts'

/** All departments of a company; readable by every signed-in user. */
export function listDepartments(db: Db, companyId: number): Promise<DepartmentRecord[]> {
  return listRows(db, companyId)
}
