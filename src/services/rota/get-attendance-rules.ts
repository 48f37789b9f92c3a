import { createRotaRepository, type StoredAttendanceRules } from '../../db/rota-repository.ts'
import type { RotaDeps } from './rota-deps.ts'

/** The company's attendance rules and rota limits (defaults until someone sets them). */
export function getAttendanceRules(
  deps: Pick<RotaDeps, 'db'>,
  companyId: number,
): Promise<StoredAttendanceRules> {
  return createRotaRepository(deps.db).getAttendanceRules(companyId)
}
