import { randomBytes } from 'node:crypto'
import { drawWeeklySamplesInputSchema } from '../../contracts/rota.ts'
import { DomainError } from '../../core/errors.ts'
import { drawSample } from '../../core/sampling/draw-sample.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { createRotaRepository, type SampleDrawRecord } from '../../db/rota-repository.ts'
import { isUniqueViolation } from './is-unique-violation.ts'
import { parseRotaInput } from './parse-rota-input.ts'
import type { RotaDeps } from './rota-deps.ts'
import { requireInRotaScope } from './rota-scope.ts'

/**
 * The supervisor's weekly draw (每周随机抽查): for each agent, `sampleSize` of their conversation ids, drawn
 * uniformly without replacement from (seed, week, agent) and recorded with the candidates so anyone can redo it.
 * One draw per agent and week: a second draw is refused, so nobody can redraw until the sample suits them.
 */
export async function drawWeeklySamples(
  deps: RotaDeps,
  companyId: number,
  input: unknown,
): Promise<SampleDrawRecord[]> {
  const {
    week,
    sampleSize,
    candidates,
    seed: given,
  } = parseRotaInput(drawWeeklySamplesInputSchema, input, 'draw')
  await requireInRotaScope(
    deps,
    candidates.map((c) => c.employeeId),
  )
  const seed = given ?? randomBytes(16).toString('hex')
  const alreadyDrawn = (employeeIds: number[]) =>
    new DomainError(
      'conflict',
      `${week} 已为员工 ${employeeIds.join('、')} 抽过样,不能重抽 / ${week} was already drawn for employee ${employeeIds.join(', ')}`,
      employeeIds.map((employeeId) => ({
        path: 'candidates',
        message: `employee ${employeeId} already drawn`,
      })),
    )
  try {
    return await drawInTransaction()
  } catch (error) {
    // A draw committed by someone else between our check and our insert.
    if (isUniqueViolation(error)) throw alreadyDrawn(candidates.map((c) => c.employeeId))
    throw error
  }

  function drawInTransaction() {
    return deps.db.transaction().execute(async (trx) => {
      const repo = createRotaRepository(trx)
      const ids = candidates.map((c) => c.employeeId)
      const known = await repo.existingEmployeeIds(companyId, ids)
      const already = new Set((await repo.findSampleDrawsOfWeek(companyId, week)).map((d) => d.employeeId))
      const issues = candidates.flatMap((c, i) => {
        if (!known.has(c.employeeId))
          return [
            {
              path: `candidates.${i}.employeeId`,
              message: `员工 ${c.employeeId} 不属于本公司 / employee ${c.employeeId} is not in this company`,
            },
          ]
        if (ids.indexOf(c.employeeId) !== i)
          return [{ path: `candidates.${i}.employeeId`, message: '同一客服重复出现 / agent listed twice' }]
        return []
      })
      if (issues.length > 0)
        throw new DomainError('invalid_input', `抽查名单无效 / invalid draw: ${issues[0]!.message}`, issues)
      const repeated = candidates.filter((c) => already.has(c.employeeId)).map((c) => c.employeeId)
      if (repeated.length > 0)
        throw new DomainError(
          'conflict',
          `${week} 已为员工 ${repeated.join('、')} 抽过样,不能重抽 / ${week} was already drawn for employee ${repeated.join(', ')}`,
          repeated.map((employeeId) => ({
            path: 'candidates',
            message: `employee ${employeeId} already drawn`,
          })),
        )
      const records: SampleDrawRecord[] = []
      for (const c of candidates) {
        const draw = drawSample({ seed, week, employeeId: c.employeeId, candidateIds: c.itemIds, sampleSize })
        const record = await repo.insertSampleDraw(companyId, {
          employeeId: c.employeeId,
          week,
          seed,
          algorithm: draw.algorithm,
          sampleSize,
          candidateIds: draw.candidateIds,
          drawnIds: draw.drawnIds,
          drawnByUserId: deps.actorUserId ?? null,
        })
        await appendAudit(trx, {
          companyId,
          actorUserId: deps.actorUserId ?? null,
          action: 'sampling.draw',
          entity: 'sample_draw',
          entityId: record.id,
          after: { employeeId: c.employeeId, week, seed, algorithm: draw.algorithm, drawnIds: draw.drawnIds },
        })
        records.push(record)
      }
      return records
    })
  }
}
