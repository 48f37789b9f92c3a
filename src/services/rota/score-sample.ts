import { type SampleScoreInput, sampleScoreInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import { defaultSamplingForm, type ScoredSample, scoreSampleForm } from '../../core/sampling/sampling-form.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository } from '../../db/rota-repository.ts'
import { getSamplingForm } from './get-sampling-form.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { requireInRotaScope } from './rota-scope.ts'

export type SampleScoreResult = ScoredSample & {
  id: number
  drawId: number
  itemId: string
  comment: string | null
}

/**
 * Scores one drawn conversation on a template's indicators (the built-in 客服专员 unless another is named), as the
 * API does; a draw of an agent out of the caller's reach is 404 before the template is looked at.
 */
export async function scoreSampleOnTemplate(
  deps: RotaDeps,
  companyId: number,
  input: Omit<SampleScoreInput, 'form'> & { templateId?: number | undefined },
): Promise<SampleScoreResult> {
  const { templateId, ...score } = input
  const draw = await createRotaRepository(deps.db).findSampleDraw(companyId, score.drawId)
  if (draw) await requireInRotaScope(deps, [draw.employeeId])
  const { template: _template, ...form } = await getSamplingForm(deps, companyId, templateId)
  return scoreSample(deps, companyId, { ...score, form })
}

/** Scores one drawn conversation on the form (default: 响应速度/专业准确/服务态度/问题解决); scoring again replaces it. */
export async function scoreSample(
  deps: RotaDeps,
  companyId: number,
  input: unknown,
): Promise<SampleScoreResult> {
  const { drawId, itemId, points, comment, form } = parseRotaInput(
    sampleScoreInputSchema,
    input,
    'sampleScore',
  )
  return deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const draw = await repo.findSampleDraw(companyId, drawId)
    if (!draw)
      throw new DomainError('not_found', `抽样记录 ${drawId} 不存在 / sample draw ${drawId} not found`, [
        { path: 'drawId', message: 'not found' },
      ])
    await requireInRotaScope({ db: trx, ...(deps.actor ? { actor: deps.actor } : {}) }, [draw.employeeId])
    if (!draw.drawnIds.includes(itemId))
      throw new DomainError(
        'invalid_input',
        `会话 ${itemId} 不在 ${draw.week} 的抽样中 / item ${itemId} was not drawn in ${draw.week}`,
        [{ path: 'itemId', message: '只能给抽中的会话评分 / only drawn items can be scored' }],
      )
    const { issues, scored } = scoreSampleForm(form ?? defaultSamplingForm, points)
    if (!scored)
      throw new DomainError('invalid_input', `评分无效 / invalid score: ${issues[0]?.message ?? ''}`, issues)
    const id = await repo.upsertSampleScore(companyId, {
      drawId,
      itemId,
      criteria: scored.criteria,
      score: scored.score,
      comment: comment ?? null,
      scoredByUserId: deps.actorUserId ?? null,
    })
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'sampling.score',
      entity: 'sample_score',
      entityId: id,
      after: { drawId, itemId, score: scored.score, criteria: scored.criteria, comment: comment ?? null },
    })
    return { ...scored, id, drawId, itemId, comment: comment ?? null }
  })
}
