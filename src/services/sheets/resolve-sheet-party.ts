import type { SheetParty } from '../../core/workflow/sheet-workflow.ts'
import type { Db } from '../../db/database.ts'
import { isEmployeeInScope } from '../../db/organisation-repository.ts'
import type { Actor } from '../auth/actor.ts'

/**
 * Who the actor is to this sheet: its employee (owner, whatever their role — nobody reviews themself),
 * the reviewer (the direct supervisor or the delegate), HR, admin, finance, a supervisor higher up the
 * reporting tree (upper, read-only unless delegated), or nobody.
 */
export async function resolveSheetParty(
  db: Db,
  actor: Actor,
  sheet: { employee_id: number; reviewer_employee_id: number | null },
): Promise<SheetParty> {
  if (actor.employeeId !== null && actor.employeeId === sheet.employee_id) return 'owner'
  if (
    actor.employeeId !== null &&
    actor.employeeId === sheet.reviewer_employee_id &&
    actor.role !== 'employee'
  )
    return 'reviewer'
  if (actor.role === 'hr') return 'hr'
  if (actor.role === 'admin') return 'admin'
  if (actor.role === 'finance') return 'finance'
  if (actor.role === 'supervisor' && actor.employeeId !== null) {
    const inTree = await isEmployeeInScope(db, actor.companyId, sheet.employee_id, {
      kind: 'tree',
      rootEmployeeId: actor.employeeId,
    })
    if (inTree) return 'upper'
  }
  return 'other'
}

/** Whether the party may read the sheet; finance reads final results only. */
export function canReadSheet(party: SheetParty, state: string): boolean {
  if (party === 'other' || party === 'system') return false
  if (party === 'finance') return state === 'final'
  return true
}
