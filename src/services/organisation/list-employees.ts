import type { Db } from '../../db/database.ts'
import {
  type EmployeeFilter,
  type EmployeeRecord,
  listEmployees as listRows,
} from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { resolveEmployeeScope } from './resolve-employee-scope.ts'

export type EmployeePage = { items: EmployeeRecord[]; total: number; page: number; pageSize: number }

/** One page of the employees the actor may see, searched by name or employee number (工号). */
export async function listEmployees(db: Db, actor: Actor, filter: EmployeeFilter): Promise<EmployeePage> {
  const { items, total } = await listRows(db, actor.companyId, filter, resolveEmployeeScope(actor))
  return { items, total, page: filter.page, pageSize: filter.pageSize }
}
