import { samplingComponentInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import {
  blendSamplingComponent,
  type SamplingComponent,
} from '../../core/sampling/blend-sampling-component.ts'
import { isoWeeksOfMonth } from '../../core/sampling/iso-week.ts'
import { createRotaRepository, type SampleScoreRecord } from '../../db/rota-repository.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { requireInRotaScope } from './rota-scope.ts'

export type MonthlySamplingComponent = SamplingComponent & {
  employeeId: number
  month: string
  /** The ISO weeks counted: those whose Thursday falls in the month. */
  weeks: string[]
  samples: SampleScoreRecord[]
  /** Drawn conversations still without a score. */
  unscoredItems: { week: string; itemId: string }[]
}

/** The month's supervisor component (mean of sample scores, 100 scale) blended with the self score, 75/25 by default. */
export async function computeSamplingComponent(
  deps: Pick<RotaDeps, 'db' | 'actor'>,
  companyId: number,
  input: unknown,
): Promise<MonthlySamplingComponent> {
  const { employeeId, month, selfScore, weights } = parseRotaInput(
    samplingComponentInputSchema,
    input,
    'samplingComponent',
  )
  await requireInRotaScope(deps, [employeeId])
  const repo = createRotaRepository(deps.db)
  if (!(await repo.existingEmployeeIds(companyId, [employeeId])).has(employeeId))
    throw new DomainError('not_found', `员工 ${employeeId} 不属于本公司 / employee ${employeeId} not found`, [
      { path: 'employeeId', message: 'not found' },
    ])
  const weeks = isoWeeksOfMonth(month)
  const samples = await repo.listSampleScores(companyId, employeeId, weeks)
  const scored = new Set(samples.map((s) => `${s.drawId}|${s.itemId}`))
  const unscoredItems: MonthlySamplingComponent['unscoredItems'] = []
  for (const week of weeks)
    for (const draw of await repo.findSampleDrawsOfWeek(companyId, week))
      if (draw.employeeId === employeeId)
        for (const itemId of draw.drawnIds)
          if (!scored.has(`${draw.id}|${itemId}`)) unscoredItems.push({ week, itemId })
  const component = blendSamplingComponent({
    sampleScores: samples.map((s) => s.score),
    selfScore,
    ...(weights ? { weights } : {}),
  })
  return { ...component, employeeId, month, weeks, samples, unscoredItems }
}
