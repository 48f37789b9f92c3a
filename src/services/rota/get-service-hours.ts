import type { ServiceWindow } from '../../core/rota/rota.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import type { RotaDeps } from './rota-deps.ts'

/** The service hours (服务时间) per weekday with the agents each needs. */
export async function getServiceHours(
  deps: Pick<RotaDeps, 'db'>,
  companyId: number,
): Promise<{ windows: ServiceWindow[] }> {
  return { windows: await createRotaRepository(deps.db).listServiceHours(companyId) }
}
