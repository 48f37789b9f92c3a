import { attendanceRulesInputSchema } from '../../contracts/rota.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository, type StoredAttendanceRules } from '../../db/rota-repository.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'

/** Sets the grace minutes, absence threshold and the rota limits (weekly hours, consecutive days). */
export async function setAttendanceRules(
  deps: RotaDeps,
  companyId: number,
  input: unknown,
): Promise<StoredAttendanceRules> {
  const rules = parseRotaInput(attendanceRulesInputSchema, input, 'attendanceRules')
  return deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const before = await repo.getAttendanceRules(companyId)
    await repo.saveAttendanceRules(companyId, rules)
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.attendance_rules.set',
      entity: 'attendance_rules',
      entityId: companyId,
      before,
      after: rules,
    })
    return rules
  })
}
