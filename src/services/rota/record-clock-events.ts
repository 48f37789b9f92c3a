import { clockEventsInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { requireInRotaScope } from './rota-scope.ts'

/**
 * Stores clock punches (打卡) of agents within the caller's reach; each is an instant with an offset. Re-sending a
 * punch does not duplicate it.
 */
export async function recordClockEvents(
  deps: RotaDeps,
  companyId: number,
  input: unknown,
): Promise<{ received: number; stored: number }> {
  const { events, source } = parseRotaInput(clockEventsInputSchema, input, 'clockEvents')
  await requireInRotaScope(
    deps,
    events.map((e) => e.employeeId),
  )
  return deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const known = await repo.existingEmployeeIds(
      companyId,
      events.map((e) => e.employeeId),
    )
    const issues = events.flatMap((e, i) =>
      known.has(e.employeeId)
        ? []
        : [
            {
              path: `events.${i}.employeeId`,
              message: `员工 ${e.employeeId} 不属于本公司 / employee ${e.employeeId} is not in this company`,
            },
          ],
    )
    if (issues.length > 0)
      throw new DomainError(
        'invalid_input',
        `打卡记录无效 / invalid clock events: ${issues[0]!.message}`,
        issues,
      )
    const stored = await repo.insertClockEvents(
      companyId,
      events.map((e) => ({ employeeId: e.employeeId, kind: e.kind, at: Date.parse(e.at) })),
      source,
    )
    return { received: events.length, stored }
  })
}
