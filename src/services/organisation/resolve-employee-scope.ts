import type { EmployeeScope } from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'

/**
 * Which employees an actor may read: admin, hr and finance see the whole company; a supervisor sees
 * themselves and everyone whose manager chain leads to them; an employee sees only themselves.
 * A supervisor or employee account not linked to an employee sees nobody.
 */
export function resolveEmployeeScope(actor: Actor): EmployeeScope {
  switch (actor.role) {
    case 'admin':
    case 'hr':
    case 'finance':
      return { kind: 'all' }
    case 'supervisor':
      return actor.employeeId === null ? { kind: 'none' } : { kind: 'tree', rootEmployeeId: actor.employeeId }
    case 'employee':
      return actor.employeeId === null ? { kind: 'none' } : { kind: 'self', employeeId: actor.employeeId }
  }
}
