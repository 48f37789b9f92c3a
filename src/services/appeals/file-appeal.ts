import type { AppealInput } from '../../contracts/workflow.ts'
import { DomainError } from '../../core/errors.ts'
import type { Template } from '../../core/templates/template.ts'
import { insertAppeal } from '../../db/appeal-repository.ts'
import { findTemplateDefinition } from '../../db/sheet-repository.ts'
import { listSheetFileIdsAmong } from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from '../sheets/transition-sheet.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

/**
 * The employee appeals the signed result within the window (申诉): reasons, evidence, the outcome asked
 * for, and the indicators (and for imported data, the rows) disputed. Refused without reasons, after the
 * deadline (the message names it), or for indicators the sheet does not have.
 */
export async function fileAppeal(deps: WorkflowDeps, actor: Actor, sheetId: number, input: AppealInput) {
  if (input.reasons.trim().length === 0)
    throw new DomainError('invalid_input', '申诉必须写明理由（an appeal needs reasons）', [
      { path: 'reasons', message: '不能为空' },
    ])
  let appealId = 0
  await transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'file_appeal',
    expectedVersion: input.expectedVersion,
    deadline: (row) => row.appeal_deadline,
    reason: input.reasons,
    after: async (ctx) => {
      const template = (await findTemplateDefinition(ctx.db, ctx.row.template_version_id))
        .definition as Template
      const keys = new Set([
        ...template.dimensions.flatMap((d) => d.indicators.map((i) => i.key)),
        ...template.adjustments.map((a) => a.key),
      ])
      const unknown = input.disputed.filter((d) => !keys.has(d.indicatorKey))
      if (unknown.length > 0)
        throw new DomainError(
          'invalid_input',
          `考核表中没有指标 ${unknown.map((d) => d.indicatorKey).join('、')}`,
          unknown.map((d) => ({ path: 'disputed', message: `未知指标 ${d.indicatorKey}` })),
        )
      const fileIds = input.evidence.flatMap((e) => ('fileId' in e ? [e.fileId] : []))
      if (fileIds.length > 0) {
        const found = await listSheetFileIdsAmong(ctx.db, sheetId, fileIds)
        if (found.length !== new Set(fileIds).size)
          throw new DomainError('invalid_input', '证据中的附件不属于这张考核表', [
            { path: 'evidence', message: '未知附件' },
          ])
      }
      const appeal = await insertAppeal(ctx.db, {
        companyId: actor.companyId,
        sheetId,
        reasons: input.reasons.trim(),
        evidence: input.evidence,
        requestedOutcome: input.requestedOutcome,
        disputed: input.disputed,
        userId: actor.userId,
        now: ctx.now,
      })
      appealId = appeal.id
    },
  })
  return { id: appealId }
}
