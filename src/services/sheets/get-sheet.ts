import { DomainError } from '../../core/errors.ts'
import { labelTemplateMetrics } from '../../core/metrics/label-template-metrics.ts'
import type { Template } from '../../core/templates/template.ts'
import {
  allowedActions,
  type SheetParty,
  type SheetState,
  scoredSheetStates,
  stateNames,
  visibleSheetState,
} from '../../core/workflow/sheet-workflow.ts'
import { listAppealsOfSheet } from '../../db/appeal-repository.ts'
import {
  findSheetRow,
  findTemplateDefinition,
  listPeerReviews,
  listScoreHistory,
  listSheetEntries,
  listSheetEvents,
  listSheetFiles,
} from '../../db/sheet-repository.ts'
import {
  findCycleForSheetView,
  findDepartmentName,
  findEmployeeName,
  findEmployeeRef,
} from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { companyToday } from '../calendar/company-today.ts'
import { canReadSheet, resolveSheetParty } from './resolve-sheet-party.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

const afterSupervisorReview: readonly SheetState[] = ['supervisor_submitted', ...scoredSheetStates]

/**
 * One sheet as this actor may see it. The employee never learns who wrote a peer review: peer reviews
 * reach them without reviewer ids or names, and only once submitted; the supervisor's review reaches them
 * once submitted. Finance reads final sheets only; anyone else gets not_found. A sheet whose appeal window has
 * passed reads as final; the sweep (a write) finalises it, a read never does.
 */
export async function getSheet(deps: WorkflowDeps, actor: Actor, sheetId: number) {
  const db = deps.db
  const [row, today] = await Promise.all([
    findSheetRow(db, actor.companyId, sheetId),
    companyToday(db, actor.companyId, deps.now()),
  ])
  const state = row ? visibleSheetState(row.state as SheetState, row.appeal_deadline, today) : undefined
  const party: SheetParty = row ? await resolveSheetParty(deps.db, actor, row) : 'other'
  if (!row || !state || !canReadSheet(party, state))
    throw new DomainError('not_found', `考核表 ${sheetId} 不存在`)
  const isOwner = party === 'owner'
  const [cycle, employee, reviewer, department, template, peers, entries, files, events, appeals, history] =
    await Promise.all([
      findCycleForSheetView(db, row.cycle_id),
      findEmployeeRef(db, row.employee_id),
      row.reviewer_employee_id === null ? undefined : findEmployeeName(db, row.reviewer_employee_id),
      row.department_id === null ? undefined : findDepartmentName(db, row.department_id),
      findTemplateDefinition(db, row.template_version_id),
      listPeerReviews(db, row.id),
      listSheetEntries(db, row.id),
      listSheetFiles(db, row.id),
      listSheetEvents(db, row.id),
      listAppealsOfSheet(db, row.id),
      listScoreHistory(db, row.id),
    ])
  const settings = cycle.settings as { appealWindowDays?: number }
  return {
    id: row.id,
    version: row.version,
    state,
    stateName: stateNames[state],
    party,
    allowedActions: allowedActions(state, party),
    cycle: {
      id: cycle.id,
      name: cycle.name,
      kind: cycle.kind,
      periodStart: cycle.period_start,
      periodEnd: cycle.period_end,
      deadlines: cycle.deadlines as Record<string, string>,
      appealWindowDays: settings.appealWindowDays ?? null,
    },
    employee: { id: employee.id, name: employee.name, employeeNo: employee.employee_no },
    department: department ? { id: department.id, name: department.name } : null,
    reviewer: reviewer ? { id: reviewer.id, name: reviewer.name } : null,
    template: {
      id: template.template_id,
      name: template.name,
      version: template.version,
      templateVersionId: row.template_version_id,
      definition: template.definition,
      metricLabels: labelTemplateMetrics(template.definition as Template),
    },
    targets: row.targets,
    ownerConfirmedAt: row.owner_confirmed_at,
    reviewerConfirmedAt: row.reviewer_confirmed_at,
    selfReview: row.self_review,
    supervisorReview: !isOwner || afterSupervisorReview.includes(state) ? row.supervisor_review : null,
    sharedInputs: row.shared_inputs,
    sampling: row.sampling,
    peerReviews: isOwner
      ? peers
          .filter((p) => p.submitted_at !== null)
          .map((p) => ({ indicators: p.indicators, comment: p.comment }))
      : peers.map((p) => ({
          id: p.id,
          peerReviewerEmployeeId: p.reviewer_employee_id,
          peerReviewerName: p.reviewer_name,
          kind: p.kind,
          submittedAt: p.submitted_at,
          indicators: p.indicators,
          comment: p.comment,
        })),
    score: row.score,
    total: row.total === null ? null : Number(row.total),
    grade: row.grade,
    coefficient: row.coefficient === null ? null : Number(row.coefficient),
    calibration: row.calibration,
    feedback: row.feedback,
    signedAt: row.signed_at,
    appealDeadline: row.appeal_deadline,
    finalizedAt: row.finalized_at,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      date: e.entry_date,
      body: e.body,
      links: e.links,
      fileIds: e.file_ids,
      authorName: e.author_name,
      createdAt: e.created_at,
    })),
    files,
    events: events.map((e) => ({
      action: e.action,
      from: e.from_state,
      to: e.to_state,
      party: e.party,
      actorName: e.actor_name,
      reason: e.reason,
      at: e.created_at,
    })),
    appeals: appeals.map((a) => ({
      id: a.id,
      status: a.status,
      reasons: a.reasons,
      requestedOutcome: a.requested_outcome,
      disputed: a.disputed,
      evidence: a.evidence,
      investigationDue: a.investigation_due,
      ruling: a.ruling,
      rulingNote: a.ruling_note,
      filedAt: a.filed_at,
      ruledAt: a.ruled_at,
    })),
    scoreHistory: history,
  }
}

export type SheetView = Awaited<ReturnType<typeof getSheet>>
