import { rotaPatternInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import { type RotaPatternEntry, validateRota } from '../../core/rota/rota.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { requireInRotaScope } from './rota-scope.ts'

/**
 * Replaces one agent's weekly pattern; refuses an agent outside the caller's reach (404) or the company, unknown
 * shifts and overlapping shifts.
 */
export async function setRotaPattern(
  deps: RotaDeps,
  companyId: number,
  input: unknown,
): Promise<RotaPatternEntry[]> {
  const { employeeId, entries } = parseRotaInput(rotaPatternInputSchema, input, 'pattern')
  await requireInRotaScope(deps, [employeeId])
  return deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const known = await repo.existingEmployeeIds(companyId, [employeeId])
    const shifts = await repo.listShifts(companyId)
    const patterns = entries.map((e) => ({ ...e, employeeId }))
    const issues = known.has(employeeId)
      ? []
      : [
          {
            path: 'employeeId',
            message: `员工 ${employeeId} 不属于本公司 / employee ${employeeId} is not in this company`,
          },
        ]
    for (const issue of validateRota(
      { shifts, serviceHours: [], patterns, exceptions: [] },
      new Set([employeeId]),
    ))
      if (issue.path.startsWith('patterns'))
        issues.push({ ...issue, path: issue.path.replace(/^patterns/, 'entries') })
    for (const [i, e] of entries.entries())
      if (e.validFrom && e.validTo && e.validTo < e.validFrom)
        issues.push({
          path: `entries.${i}.validTo`,
          message: '结束日期早于开始日期 / validTo is before validFrom',
        })
    if (issues.length > 0)
      throw new DomainError('invalid_input', `排班无效 / invalid pattern: ${issues[0]!.message}`, issues)
    const before = (await repo.listPatterns(companyId)).filter((p) => p.employeeId === employeeId)
    await repo.replacePattern(companyId, employeeId, patterns)
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.pattern.set',
      entity: 'employee',
      entityId: employeeId,
      before,
      after: patterns,
    })
    return patterns
  })
}
