import { coverageQuerySchema } from '../../contracts/rota.ts'
import {
  analyseCoverage,
  type CoverageLimits,
  type CoverageReport,
} from '../../core/rota/analyse-coverage.ts'
import { addDays } from '../../core/rota/zoned-time.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { companyTimeZone } from './company-time-zone.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'

/** The core report plus the names of the employees it mentions, for tables and pages. */
export type CoverageCheck = CoverageReport & { employeeNames: Record<number, string> }

/**
 * The coverage check for `from`–`to` (dates in the company zone): every stretch of the service hours with fewer
 * agents than required, and every agent over the weekly-hours or consecutive-days limit (stored rules unless given).
 */
export async function checkCoverage(
  deps: Pick<RotaDeps, 'db'>,
  companyId: number,
  from: string,
  to: string,
  options: { limits?: CoverageLimits; timeZone?: string } = {},
): Promise<CoverageCheck> {
  const range = parseRotaInput(coverageQuerySchema, { from, to }, 'range')
  const repo = createRotaRepository(deps.db)
  const timeZone = options.timeZone ?? (await companyTimeZone(repo, companyId))
  const rules = await repo.getAttendanceRules(companyId)
  const limits = options.limits ?? {
    maxWeeklyHours: rules.maxWeeklyHours,
    maxConsecutiveDays: rules.maxConsecutiveDays,
  }
  // Exceptions reach as far as the limit checks look: whole weeks and runs of days either side.
  const reach = Math.max((limits.maxConsecutiveDays ?? 0) + 1, 31) + 7
  const rota = await repo.loadRota(companyId, addDays(range.from, -reach), addDays(range.to, reach))
  const report = analyseCoverage(rota, { from: range.from, to: range.to, timeZone, limits })
  const ids = [
    ...report.gaps.flatMap((g) => g.employeeIds),
    ...report.weeklyHoursViolations.map((v) => v.employeeId),
    ...report.consecutiveDaysViolations.map((v) => v.employeeId),
  ]
  const names = await repo.employeeNames(companyId, ids)
  return { ...report, employeeNames: Object.fromEntries(names) }
}
