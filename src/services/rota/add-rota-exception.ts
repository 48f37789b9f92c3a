import { rotaExceptionInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import { expandRota } from '../../core/rota/expand-rota.ts'
import { validateException } from '../../core/rota/rota.ts'
import { addDays } from '../../core/rota/zoned-time.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository, type RotaExceptionRecord } from '../../db/rota-repository.ts'
import { companyTimeZone } from './company-time-zone.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { requireInRotaScope } from './rota-scope.ts'

/**
 * Records leave (请假), a swap (换班) or a cover (顶班) on a date for agents within the caller's reach; the result
 * must leave nobody double-booked.
 */
export async function addRotaException(
  deps: RotaDeps,
  companyId: number,
  input: unknown,
): Promise<RotaExceptionRecord> {
  const exception = parseRotaInput(rotaExceptionInputSchema, input, 'exception')
  await requireInRotaScope(deps, [exception.employeeId, exception.coverEmployeeId])
  return deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const zone = await companyTimeZone(repo, companyId)
    const ids = [
      exception.employeeId,
      ...(exception.coverEmployeeId === null ? [] : [exception.coverEmployeeId]),
    ]
    const known = await repo.existingEmployeeIds(companyId, ids)
    const rota = await repo.loadRota(companyId, addDays(exception.date, -1), addDays(exception.date, 1))
    const shiftsById = new Map(rota.shifts.map((s) => [s.id, s]))
    const issues = validateException(exception, 'exception', shiftsById, known).map((i) => ({
      ...i,
      path: i.path.replace(/^exception\./, ''),
    }))
    if (issues.length > 0)
      throw new DomainError(
        'invalid_input',
        `排班例外无效 / invalid exception: ${issues[0]!.message}`,
        issues,
      )

    if (exception.kind !== 'swap') {
      const before = expandRota(rota, exception.date, exception.date, zone)
      const scheduled = before.assignments.some(
        (a) =>
          a.employeeId === exception.employeeId &&
          (exception.shiftId === null || a.shiftId === exception.shiftId),
      )
      if (!scheduled)
        throw new DomainError(
          'invalid_input',
          `员工 ${exception.employeeId} 在 ${exception.date} 没有${exception.shiftId === null ? '' : '该'}班次 / employee ${exception.employeeId} has no such shift on ${exception.date}`,
          [
            {
              path: exception.shiftId === null ? 'date' : 'shiftId',
              message: '当天未排此班 / not rostered that day',
            },
          ],
        )
    }
    // Expanding with the new exception throws invalid_input if it double-books anyone (e.g. the cover).
    expandRota(
      { ...rota, exceptions: [...rota.exceptions, exception] },
      addDays(exception.date, -1),
      addDays(exception.date, 1),
      zone,
    )
    const id = await repo.insertException(companyId, exception)
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: `rota.exception.${exception.kind}`,
      entity: 'rota_exception',
      entityId: id,
      after: exception,
    })
    return { ...exception, id }
  })
}
