import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { type BonusPoolRow, listBonusPoolRows } from '../../db/pay-repository.ts'
import { describePoolApproval } from './describe-pool-approval.ts'

/**
 * Locks a draft bonus pool's row for a change (approve, delete). Refused when it does not exist, or when it is
 * approved: `refusal` says what cannot be done (不能再次审批 / 不能删除) and the message says who approved it and when.
 */
export async function lockDraftBonusPool(
  pdb: Db,
  companyId: number,
  id: number,
  refusal: { zh: string; en: string },
): Promise<BonusPoolRow> {
  const [pool] = await listBonusPoolRows(pdb, companyId, { id, lock: true })
  if (!pool) throw new DomainError('not_found', `奖金池 ${id} 不存在 / bonus pool not found`)
  if (pool.status === 'approved') {
    const by = await describePoolApproval(pdb, companyId, pool)
    throw new DomainError(
      'locked',
      `奖金池「${pool.name}」已由 ${by} 审批，${refusal.zh} / the bonus pool is already approved (${by})${refusal.en ? ` ${refusal.en}` : ''}`,
      [{ path: 'status', message: `approved by ${by}` }],
    )
  }
  return pool
}

/** The pool's lines as the audit log keeps them: who gets how much. */
export function auditedLines(pool: BonusPoolRow): { employeeId: number; amount: string }[] {
  return (pool.lines as { employeeId: number; amount: string }[]).map((l) => ({
    employeeId: l.employeeId,
    amount: l.amount,
  }))
}
