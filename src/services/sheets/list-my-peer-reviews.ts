import type { Template } from '../../core/templates/template.ts'
import { listPeerTasks } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** The peer reviews the signed-in employee owes or has given, with the indicators to score (those assessed by peers, else all). */
export async function listMyPeerReviews(deps: WorkflowDeps, actor: Actor) {
  if (actor.employeeId === null) return []
  const rows = await listPeerTasks(deps.db, actor.companyId, actor.employeeId)
  return rows.map((r) => {
    const template = r.definition as Template
    const all = template.dimensions.flatMap((d) => d.indicators)
    const peerOnes = all.filter((i) => i.assessor.rater === 'peer')
    // A named assessor scores only the rows handed to them.
    const assessed = r.kind === 'assessor' ? all.filter((i) => r.indicator_keys?.includes(i.key)) : null
    return {
      id: r.id,
      sheetId: r.sheet_id,
      employeeName: r.employee_name,
      cycleName: r.cycle_name,
      sheetState: r.state,
      submittedAt: r.submitted_at,
      indicators: r.indicators,
      comment: r.comment,
      kind: r.kind,
      toScore: (assessed ?? (peerOnes.length > 0 ? peerOnes : all)).map((i) => ({
        key: i.key,
        name: i.name,
        maxPoints: i.maxPoints,
        rule: i.rule.shape,
      })),
    }
  })
}
