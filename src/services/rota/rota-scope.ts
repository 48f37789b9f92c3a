import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import { reportingTreeIds } from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { resolveEmployeeScope } from '../organisation/resolve-employee-scope.ts'

/** Whose rota an actor may see or change: everyone (admin, hr, finance) or a set of employee ids. */
export type RotaScope = { all: true } | { all: false; employeeIds: ReadonlySet<number> }

/** The actor's reach over rota data: a supervisor their reporting tree (下属), an agent only themselves. */
export async function resolveRotaScope(db: Db, actor: Actor): Promise<RotaScope> {
  const scope = resolveEmployeeScope(actor)
  switch (scope.kind) {
    case 'all':
      return { all: true }
    case 'none':
      return { all: false, employeeIds: new Set() }
    case 'self':
      return { all: false, employeeIds: new Set([scope.employeeId]) }
    case 'tree': {
      const { rows } = await sql<{
        id: number
      }>`select id from ${reportingTreeIds(actor.companyId, scope.rootEmployeeId)} as t`.execute(db)
      return { all: false, employeeIds: new Set(rows.map((r) => Number(r.id))) }
    }
  }
}

/** Whether the scope reaches an employee. */
export function isInRotaScope(scope: RotaScope, employeeId: number): boolean {
  return scope.all || scope.employeeIds.has(employeeId)
}

/** Keeps only the rows about employees in scope. */
export function keepInRotaScope<T extends { employeeId: number }>(scope: RotaScope, rows: T[]): T[] {
  return scope.all ? rows : rows.filter((r) => scope.employeeIds.has(r.employeeId))
}
