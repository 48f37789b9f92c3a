import type { AppealRulingInput } from '../../contracts/workflow.ts'
import { DomainError } from '../../core/errors.ts'
import type { SheetScore } from '../../core/scoring/score-sheet.ts'
import type { ReviewInputs, SharedInputs } from '../../core/workflow/build-sheet-inputs.ts'
import { findAppeal, updateAppeal } from '../../db/appeal-repository.ts'
import { insertScoreHistory, type SheetPatch } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { refuseHeldScore } from '../sheets/compute-sheet.ts'
import { loadScoreInputs, scoreSheetRow } from '../sheets/score-sheet-row.ts'
import { transitionSheet } from '../sheets/transition-sheet.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/**
 * HR rules on an appeal under investigation (裁决): upheld or partly upheld with changed inputs, which
 * recompute the sheet and keep the old score in its history; or rejected. Either way the sheet becomes final.
 */
export async function ruleAppeal(
  deps: WorkflowDeps,
  actor: Actor,
  appealId: number,
  input: AppealRulingInput,
) {
  const appeal = await findAppeal(deps.db, actor.companyId, appealId)
  if (!appeal) throw new DomainError('not_found', `申诉 ${appealId} 不存在`)
  const changes = input.changedInputs
  const hasChanges =
    changes !== undefined &&
    Object.keys({ ...changes.shared, ...changes.supervisor, ...changes.adjustments }).length > 0
  if (input.ruling !== 'rejected' && !hasChanges)
    throw new DomainError(
      'invalid_input',
      '支持或部分支持申诉时必须给出修改后的指标数据（changed inputs are required unless the appeal is rejected）',
      [{ path: 'changedInputs', message: '必填' }],
    )
  if (input.ruling === 'rejected' && hasChanges)
    throw new DomainError('invalid_input', '驳回申诉时不能修改分数', [
      { path: 'changedInputs', message: '驳回时不可填写' },
    ])
  await transitionSheet(deps, actor, actor.companyId, appeal.sheet_id, {
    action: 'rule_appeal',
    reason: `${input.ruling}: ${input.note}`,
    patch: async (ctx) => {
      const current = await findAppeal(ctx.db, actor.companyId, appealId, true)
      if (current?.status !== 'investigating')
        throw new DomainError(
          'invalid_state',
          `申诉 ${appealId} 当前为“${current?.status}”，只能裁决调查中的申诉`,
          [],
          {
            state: current?.status,
          },
        )
      if (current.handler_user_id !== null && current.handler_user_id !== actor.userId)
        throw new DomainError('forbidden', `申诉 ${appealId} 由另一位人力资源处理，只有处理人可以裁决`)
      const patch: SheetPatch = { finalized_at: ctx.now }
      if (hasChanges && changes) {
        const shared = ctx.row.shared_inputs as SharedInputs
        const supervisor = ctx.row.supervisor_review as ReviewInputs
        const changedRow = {
          ...ctx.row,
          shared_inputs: {
            indicators: { ...(shared.indicators ?? {}), ...(changes.shared ?? {}) },
            adjustments: { ...(shared.adjustments ?? {}), ...(changes.adjustments ?? {}) },
          },
          supervisor_review: {
            ...supervisor,
            indicators: { ...(supervisor.indicators ?? {}), ...(changes.supervisor ?? {}) },
          },
        }
        await insertScoreHistory(ctx.db, {
          companyId: actor.companyId,
          sheet: ctx.row,
          reason: `申诉 ${appealId} 裁决（${input.ruling}）：${input.note}`,
          userId: actor.userId,
        })
        const inputs = await loadScoreInputs(ctx.db, changedRow)
        const rescored = scoreSheetRow(changedRow, inputs)
        // A ruling that leaves a 'block' input missing cannot finalise a score: HR enters it with the ruling.
        refuseHeldScore(inputs.template, rescored.score as SheetScore)
        Object.assign(patch, {
          shared_inputs: changedRow.shared_inputs,
          supervisor_review: changedRow.supervisor_review,
          ...rescored,
        })
      }
      return patch
    },
    auditFields: ['total', 'grade', 'coefficient', 'finalized_at'],
    after: async (ctx) => {
      await updateAppeal(ctx.db, appealId, {
        status: 'ruled',
        ruling: input.ruling,
        ruling_note: input.note,
        changed_inputs: changes ?? null,
        ruled_at: ctx.now,
      })
    },
  })
  return findAppeal(deps.db, actor.companyId, appealId)
}
