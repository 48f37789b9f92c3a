import type { Db } from '../../db/database.ts'
import { approveBonusPoolInTransaction } from './approve-bonus-pool.ts'
import { createBonusPoolInTransaction } from './create-bonus-pool.ts'

/**
 * The demo's bonus pool: the third-quarter bonus (三季度奖金) split over the September results by grade weights,
 * allocated by HR and approved by finance — so the bonus page, its export and the audit log have one locked pool.
 */
export async function seedDemoBonusPool(db: Db, companyId: number): Promise<void> {
  const cycle = await db
    .selectFrom('cycles')
    .select('id')
    .where('company_id', '=', companyId)
    .where('name', '=', '2026年9月绩效考核')
    .executeTakeFirst()
  const users = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('company_id', '=', companyId)
    .where('role', 'in', ['hr', 'finance'])
    .orderBy('id')
    .execute()
  const hr = users.find((u) => u.role === 'hr')
  const finance = users.find((u) => u.role === 'finance')
  if (!cycle || !hr || !finance) return
  const id = await createBonusPoolInTransaction(
    db,
    { userId: hr.id, companyId, role: 'hr', employeeId: null },
    {
      name: '2026年三季度奖金',
      kind: 'quarterly',
      cycleId: cycle.id,
      amount: '30000',
      rule: { kind: 'grade_table', table: { excellent: '1.5', good: '1.2', pass: '1', fail: '0' } },
      reason: '三季度奖金按 9 月考核等级分配',
    },
    new Date('2026-10-22T02:00:00Z'),
  )
  await approveBonusPoolInTransaction(
    db,
    { userId: finance.id, companyId, role: 'finance', employeeId: null },
    id,
    new Date('2026-10-23T02:00:00Z'),
    '随 10 月工资发放',
  )
}
