import { serviceHoursInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import { type ServiceWindow, validateRota } from '../../core/rota/rota.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { getServiceHours } from './get-service-hours.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'

/**
 * Replaces the service hours (服务时间) to cover per weekday; windows on the weekly cycle must not overlap.
 * Returns the hours as stored.
 */
export async function setServiceHours(
  deps: RotaDeps,
  companyId: number,
  input: unknown,
): Promise<{ windows: ServiceWindow[] }> {
  const { windows } = parseRotaInput(serviceHoursInputSchema, input, 'serviceHours')
  const issues = validateRota({ shifts: [], serviceHours: windows, patterns: [], exceptions: [] }, new Set())
  if (issues.length > 0)
    throw new DomainError(
      'invalid_input',
      `服务时间无效 / invalid service hours: ${issues[0]!.message}`,
      issues,
    )
  await deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const before = await repo.listServiceHours(companyId)
    await repo.replaceServiceHours(companyId, windows)
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.service_hours.set',
      entity: 'service_hours',
      entityId: companyId,
      before,
      after: windows,
    })
  })
  return getServiceHours(deps, companyId)
}
