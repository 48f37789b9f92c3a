import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { resolveEmployeeScope } from '../organisation/resolve-employee-scope.ts'
import type { RotaDeps } from './rota-deps.ts'

// The rota visibility rules: admin, hr and finance reach everyone, a supervisor their reporting tree, an agent
// only themselves; whoever is out of reach is answered as not found (404), so nobody learns who exists.

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
    case 'tree':
      return {
        all: false,
        employeeIds: await createRotaRepository(db).reportingTreeIds(actor.companyId, scope.rootEmployeeId),
      }
  }
}

/** The caller's scope; the whole company when no signed-in caller is named (CLI, system). */
export function rotaScopeOf(deps: Pick<RotaDeps, 'db' | 'actor'>): Promise<RotaScope> {
  return deps.actor ? resolveRotaScope(deps.db, deps.actor) : Promise.resolve({ all: true })
}

/** Whether the scope reaches an employee. */
export function isInRotaScope(scope: RotaScope, employeeId: number): boolean {
  return scope.all || scope.employeeIds.has(employeeId)
}

/** Keeps only the rows about employees in scope. */
export function keepInRotaScope<T extends { employeeId: number }>(scope: RotaScope, rows: T[]): T[] {
  return scope.all ? rows : rows.filter((r) => scope.employeeIds.has(r.employeeId))
}

/** Refuses (404) when any of the employees is outside the scope. */
export function requireInScope(scope: RotaScope, ids: (number | null | undefined)[]): void {
  for (const id of ids)
    if (typeof id === 'number' && !isInRotaScope(scope, id))
      throw new DomainError('not_found', `员工 ${id} 不存在或不在您的范围内 / employee ${id} not found`, [
        { path: 'employeeId', message: 'not found' },
      ])
}

/** Refuses (404) when any of the employees is outside the caller's scope; returns the scope for further use. */
export async function requireInRotaScope(
  deps: Pick<RotaDeps, 'db' | 'actor'>,
  ids: (number | null | undefined)[],
): Promise<RotaScope> {
  const scope = await rotaScopeOf(deps)
  requireInScope(scope, ids)
  return scope
}
