import { isoWeekSchema } from '../../contracts/rota.ts'
import {
  createRotaRepository,
  type SampleDrawRecord,
  type SampleScoreRecord,
} from '../../db/rota-repository.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { keepInRotaScope, rotaScopeOf } from './rota-scope.ts'

export type WeeklySample = SampleDrawRecord & {
  employeeName: string
  /** One line per drawn item, in draw order, with its score once given. */
  items: { itemId: string; score: SampleScoreRecord | null }[]
}

/** A week's draws of the agents within the caller's reach with their scores, for the scoring page (抽查评分). */
export async function listWeeklySamples(
  deps: Pick<RotaDeps, 'db' | 'actor'>,
  companyId: number,
  week: string,
): Promise<WeeklySample[]> {
  const validWeek = parseRotaInput(isoWeekSchema, week, 'week')
  const repo = createRotaRepository(deps.db)
  const draws = await repo.findSampleDrawsOfWeek(companyId, validWeek)
  const names = await repo.employeeNames(
    companyId,
    draws.map((d) => d.employeeId),
  )
  const out: WeeklySample[] = []
  for (const draw of draws) {
    const scores = (await repo.listSampleScores(companyId, draw.employeeId, [validWeek])).filter(
      (s) => s.drawId === draw.id,
    )
    out.push({
      ...draw,
      employeeName: names.get(draw.employeeId) ?? `#${draw.employeeId}`,
      items: draw.drawnIds.map((itemId) => ({
        itemId,
        score: scores.find((s) => s.itemId === itemId) ?? null,
      })),
    })
  }
  return keepInRotaScope(await rotaScopeOf(deps), out)
}
