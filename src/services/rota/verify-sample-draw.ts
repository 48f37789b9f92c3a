import { DomainError } from '../../core/errors.ts'
import { verifySampleDraw as redoDraw } from '../../core/sampling/draw-sample.ts'
import { createRotaRepository, type SampleDrawRecord } from '../../db/rota-repository.ts'
import type { RotaDeps } from './rota-deps.ts'
import { requireInRotaScope } from './rota-scope.ts'

/**
 * Redraws a stored sample from its seed, week, agent and candidates and says whether it matches the record; a
 * draw of an agent out of the caller's reach is 404.
 */
export async function verifySampleDraw(
  deps: Pick<RotaDeps, 'db' | 'actor'>,
  companyId: number,
  drawId: number,
): Promise<{ draw: SampleDrawRecord; reproducible: boolean }> {
  const draw = await createRotaRepository(deps.db).findSampleDraw(companyId, drawId)
  if (!draw)
    throw new DomainError('not_found', `抽样记录 ${drawId} 不存在 / sample draw ${drawId} not found`, [
      { path: 'drawId', message: 'not found' },
    ])
  await requireInRotaScope(deps, [draw.employeeId])
  return { draw, reproducible: redoDraw(draw) }
}
