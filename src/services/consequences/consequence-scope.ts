import type { Actor } from '../auth/actor.ts'

/** The reporting-tree root a supervisor's lists are limited to; undefined for admin, HR and finance (all). */
export function treeRootOf(actor: Actor): number | undefined {
  if (actor.role === 'admin' || actor.role === 'hr' || actor.role === 'finance') return undefined
  // A supervisor (or employee) without a linked employee sees nobody: an id no employee has.
  return actor.employeeId ?? -1
}
