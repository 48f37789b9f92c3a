import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import type { RotaDeps } from './rota-deps.ts'

/** Deletes a shift nobody is rostered on; a shift still in a weekly pattern or an exception is refused. */
export async function deleteShift(deps: RotaDeps, companyId: number, shiftId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const before = (await repo.listShifts(companyId)).find((s) => s.id === shiftId)
    if (!before)
      throw new DomainError('not_found', `班次 ${shiftId} 不存在 / shift ${shiftId} not found`, [
        { path: 'id', message: 'not found' },
      ])
    const uses = await repo.countShiftUses(companyId, shiftId)
    if (uses > 0)
      throw new DomainError(
        'conflict',
        `班次「${before.name}」仍在 ${uses} 条排班中使用,请先改排班 / shift ${before.name} is still used by ${uses} rota entries`,
        [{ path: 'id', message: `used by ${uses} rota entries` }],
      )
    await repo.deleteShift(companyId, shiftId)
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.shift.delete',
      entity: 'shift',
      entityId: shiftId,
      before,
    })
  })
}
