import { DomainError } from '../../core/errors.ts'
import type { IndicatorInput } from '../../core/scoring/score-indicator.ts'
import { assertRaterScores } from '../../core/scoring/validate-rater-scores.ts'
import type { Template } from '../../core/templates/template.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { findPeerReviewForUpdate, savePeerReview } from '../../db/sheet-repository.ts'
import { lockSheetStateWithTemplate } from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

const open = new Set(['draft', 'targets_agreed', 'in_progress', 'self_submitted', 'supervisor_submitted'])

/** A colleague submits (or revises, until the sheet is computed) their peer review; only the assigned reviewer may. */
export async function submitPeerReview(
  deps: WorkflowDeps,
  actor: Actor,
  peerReviewId: number,
  input: { indicators: Record<string, IndicatorInput>; comment?: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const db = trx
    const review = await findPeerReviewForUpdate(db, actor.companyId, peerReviewId)
    if (!review || actor.employeeId === null || review.reviewer_employee_id !== actor.employeeId)
      throw new DomainError('not_found', `互评 ${peerReviewId} 不存在`)
    const sheet = await lockSheetStateWithTemplate(db, review.sheet_id)
    if (!open.has(sheet.state))
      throw new DomainError(
        'invalid_state',
        `考核表已进入“${sheet.state}”状态，互评已截止：互评只能在计算得分之前提交（peer reviews close when the sheet is computed）`,
        [],
        { state: sheet.state },
      )
    const keys = new Set(
      (sheet.definition as Template).dimensions.flatMap((d) => d.indicators.map((i) => i.key)),
    )
    const unknown = Object.keys(input.indicators).filter((k) => !keys.has(k))
    if (unknown.length > 0)
      throw new DomainError(
        'invalid_input',
        `模板中没有指标 ${unknown.join('、')}`,
        unknown.map((k) => ({ path: `indicators.${k}`, message: '未知指标' })),
      )
    // A named assessor scores only the rows handed to them (指标考核人).
    if (review.kind === 'assessor') {
      const own = new Set(review.indicator_keys ?? [])
      const names = new Map(
        (sheet.definition as Template).dimensions.flatMap((d) => d.indicators.map((i) => [i.key, i.name])),
      )
      const others = Object.keys(input.indicators).filter((k) => !own.has(k))
      if (others.length > 0)
        throw new DomainError(
          'invalid_input',
          `您不是指标「${others.map((k) => names.get(k)).join('」「')}」的考核人`,
          others.map((k) => ({
            path: `indicators.${k}`,
            message: `您不是指标「${names.get(k)}」的考核人（you do not assess this row）`,
          })),
        )
    }
    // Each score must fit its indicator's scale (a peer's 8 on a 0–5 item is refused, naming the indicator).
    assertRaterScores(sheet.definition as Template, input.indicators)
    const now = deps.now()
    await savePeerReview(db, review.id, {
      indicators: input.indicators,
      comment: input.comment ?? null,
      submittedAt: now,
    })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'peer_review.submit',
        entity: 'peer_review',
        entityId: review.id,
        before: { indicators: review.indicators, comment: review.comment },
        after: { indicators: input.indicators, comment: input.comment ?? null },
      },
      now,
    )
    return { id: review.id, submittedAt: now }
  })
}
