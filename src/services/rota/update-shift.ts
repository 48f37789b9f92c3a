import { shiftInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import { type Shift, validateRota } from '../../core/rota/rota.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'

/** Changes a shift's name or times; refused when the new times would double-book an agent's weekly pattern. */
export async function updateShift(
  deps: RotaDeps,
  companyId: number,
  shiftId: number,
  input: unknown,
): Promise<Shift> {
  const shift = parseRotaInput(shiftInputSchema, input, 'shift')
  return deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const shifts = await repo.listShifts(companyId)
    const before = shifts.find((s) => s.id === shiftId)
    if (!before)
      throw new DomainError('not_found', `班次 ${shiftId} 不存在 / shift ${shiftId} not found`, [
        { path: 'id', message: 'not found' },
      ])
    if (shifts.some((s) => s.id !== shiftId && s.name === shift.name))
      throw new DomainError('conflict', `班次「${shift.name}」已存在 / shift ${shift.name} already exists`, [
        { path: 'name', message: '名称已被使用 / name already used' },
      ])
    const after: Shift = { id: shiftId, ...shift }
    const patterns = await repo.listPatterns(companyId)
    const changed = shifts.map((s) => (s.id === shiftId ? after : s))
    const employees = new Set(patterns.map((p) => p.employeeId))
    const issues = validateRota({ shifts: changed, serviceHours: [], patterns, exceptions: [] }, employees)
      .filter((i) => i.path.startsWith('patterns'))
      .map((i) => ({ path: 'end', message: i.message }))
    if (issues.length > 0)
      throw new DomainError(
        'invalid_input',
        `新的时间会让员工的班次重叠 / the new times make an agent's shifts overlap: ${issues[0]!.message}`,
        issues.slice(0, 1),
      )
    await repo.updateShift(companyId, after)
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.shift.update',
      entity: 'shift',
      entityId: shiftId,
      before,
      after,
    })
    return after
  })
}
