import type { Db } from '../../db/database.ts'
import { findDemoCycleId } from '../../db/demo-repository.ts'
import { listUserIdsWithRole } from '../../db/user-repository.ts'
import { approveBonusPoolInTransaction } from './approve-bonus-pool.ts'
import { createBonusPoolInTransaction } from './create-bonus-pool.ts'

/**
 * The demo's bonus pool: the third-quarter bonus (三季度奖金) split over the September results by grade weights,
 * allocated by HR and approved by finance — so the bonus page, its export and the audit log have one locked pool.
 */
export async function seedDemoBonusPool(db: Db, companyId: number): Promise<void> {
  const cycleId = await findDemoCycleId(db, companyId, '2026年9月绩效考核')
  const [hrUserId = null] = await listUserIdsWithRole(db, companyId, 'hr')
  const [financeUserId = null] = await listUserIdsWithRole(db, companyId, 'finance')
  if (cycleId === null || hrUserId === null || financeUserId === null) return
  const id = await createBonusPoolInTransaction(
    db,
    { userId: hrUserId, companyId, role: 'hr', employeeId: null },
    {
      name: '2026年三季度奖金',
      kind: 'quarterly',
      cycleId,
      amount: '30000',
      rule: { kind: 'grade_table', table: { excellent: '1.5', good: '1.2', pass: '1', fail: '0' } },
      reason: '三季度奖金按 9 月考核等级分配',
    },
    new Date('2026-10-22T02:00:00Z'),
  )
  await approveBonusPoolInTransaction(
    db,
    { userId: financeUserId, companyId, role: 'finance', employeeId: null },
    id,
    new Date('2026-10-23T02:00:00Z'),
    '随 10 月工资发放',
  )
}
