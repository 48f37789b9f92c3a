import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { findPaySheet, listCycleSheetRows } from '../../db/pay-repository.ts'

/** Refuses an employee who has no sheet in the cycle (naming the field), and returns their name. */
export async function checkParticipant(
  db: Db,
  companyId: number,
  cycleId: number,
  employeeId: number,
): Promise<string> {
  const [row] = await listCycleSheetRows(db, companyId, cycleId, { employeeId })
  if (!row)
    throw new DomainError(
      'invalid_input',
      `员工 ${employeeId} 不在该考核周期内 / not a participant of the cycle`,
      [{ path: 'employeeId', message: `员工 ${employeeId} 不在考核周期 ${cycleId} 内` }],
    )
  return row.employeeName
}

/** Whether the cycle's pay sheet is approved (locked). */
export async function isPaySheetApproved(db: Db, companyId: number, cycleId: number): Promise<boolean> {
  return (await findPaySheet(db, companyId, cycleId)) !== undefined
}
