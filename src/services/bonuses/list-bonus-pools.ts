import Decimal from 'decimal.js'
import type { BonusPool } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import { type BonusPoolRow, listBonusPoolRows } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

function toPool(row: BonusPoolRow): BonusPool {
  const lines = row.lines as BonusPool['lines']
  return {
    ...row,
    rule: row.rule as BonusPool['rule'],
    lines,
    allocated: lines.reduce((a, l) => a.plus(l.amount), new Decimal(0)).toFixed(2),
  }
}

/** The company's bonus pools, newest first. */
export async function listBonusPools(deps: WorkflowDeps, actor: Actor): Promise<BonusPool[]> {
  return (await listBonusPoolRows(deps.db, actor.companyId)).map(toPool)
}

/** One bonus pool with its lines. */
export async function getBonusPool(deps: WorkflowDeps, actor: Actor, id: number): Promise<BonusPool> {
  const [row] = await listBonusPoolRows(deps.db, actor.companyId, { id })
  if (!row) throw new DomainError('not_found', `奖金池 ${id} 不存在 / bonus pool not found`)
  return toPool(row)
}
