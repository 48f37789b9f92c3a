import type { Shift } from '../../core/rota/rota.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import type { RotaDeps } from './rota-deps.ts'

/** The company's shifts (班次), oldest first. */
export function listShifts(deps: Pick<RotaDeps, 'db'>, companyId: number): Promise<Shift[]> {
  return createRotaRepository(deps.db).listShifts(companyId)
}
