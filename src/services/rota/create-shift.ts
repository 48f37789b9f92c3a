import { shiftInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import type { Shift } from '../../core/rota/rota.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { isUniqueViolation } from './is-unique-violation.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'

/** Defines a shift (班次); a shift crossing midnight is written e.g. start "22:00", end "02:00", crossesMidnight true. */
export async function createShift(deps: RotaDeps, companyId: number, input: unknown): Promise<Shift> {
  const shift = parseRotaInput(shiftInputSchema, input, 'shift')
  const duplicate = () =>
    new DomainError('conflict', `班次「${shift.name}」已存在 / shift ${shift.name} already exists`, [
      { path: 'name', message: '名称已被使用 / name already used' },
    ])
  return deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const existing = await repo.listShifts(companyId)
    if (existing.some((s) => s.name === shift.name)) throw duplicate()
    const created = await repo.insertShift(companyId, shift).catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicate() : error
    })
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.shift.create',
      entity: 'shift',
      entityId: created.id,
      after: created,
    })
    return created
  })
}
