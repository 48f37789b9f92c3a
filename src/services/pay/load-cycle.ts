import { DomainError } from '../../core/errors.ts'
import { type CycleRecord, findCycle } from '../../db/cycle-repository.ts'
import type { Db } from '../../db/database.ts'
import { lockPaySheet } from '../../db/pay-repository.ts'

/** The cycle of the company, or not_found. */
export async function loadCycle(db: Db, companyId: number, cycleId: number): Promise<CycleRecord> {
  const cycle = await findCycle(db, companyId, cycleId)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在 / cycle ${cycleId} not found`)
  return cycle
}

/** Locks the cycle's pay sheet for the transaction (first, before any write), or not_found. */
export async function lockCyclePay(db: Db, companyId: number, cycleId: number): Promise<void> {
  if (!(await lockPaySheet(db, companyId, cycleId)))
    throw new DomainError('not_found', `考核周期 ${cycleId} 不存在 / cycle ${cycleId} not found`)
}
