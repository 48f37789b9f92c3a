import type { SheetState } from '../../core/workflow/sheet-workflow.ts'
import { owedSteps } from '../../core/workflow/stage-deadlines.ts'
import { listAppealQueue } from '../../db/appeal-repository.ts'
import { listSheetSummaries, type SheetSummary } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { companyToday } from '../calendar/company-today.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

export type OverdueItem = {
  kind: 'sheet' | 'appeal'
  id: number
  sheetId: number
  employeeName: string
  cycleName: string
  state: string
  step: string
  stepName: string
  dueDate: string
  daysOverdue: number
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** "My overdue items": steps the signed-in user owes whose due date has passed (as employee, reviewer, or HR). */
export async function listOverdueItems(deps: WorkflowDeps, actor: Actor): Promise<OverdueItem[]> {
  const db = deps.db
  const today = await companyToday(db, actor.companyId, deps.now())
  const items: OverdueItem[] = []
  const consider = (s: SheetSummary, as: 'owner' | 'reviewer' | 'hr') => {
    const steps = owedSteps(s.state as SheetState, { owner: s.ownerConfirmed, reviewer: s.reviewerConfirmed })
    for (const step of steps) {
      if (step.party !== as) continue
      const due = s.deadlines[step.step]
      if (!due || due >= today) continue
      items.push({
        kind: 'sheet',
        id: s.id,
        sheetId: s.id,
        employeeName: s.employeeName,
        cycleName: s.cycleName,
        state: s.state,
        step: step.step,
        stepName: step.zh,
        dueDate: due,
        daysOverdue: daysBetween(due, today),
      })
    }
  }
  if (actor.employeeId !== null) {
    const [own, reviewing] = await Promise.all([
      listSheetSummaries(db, actor.companyId, { employeeId: actor.employeeId }),
      listSheetSummaries(db, actor.companyId, { reviewerEmployeeId: actor.employeeId }),
    ])
    for (const s of own) consider(s, 'owner')
    for (const s of reviewing) if (s.employeeId !== actor.employeeId) consider(s, 'reviewer')
  }
  if (actor.role === 'hr') {
    const computing = await listSheetSummaries(db, actor.companyId, { states: ['supervisor_submitted'] })
    for (const s of computing) consider(s, 'hr')
    const appeals = await listAppealQueue(db, actor.companyId, { status: ['investigating'] })
    for (const a of appeals) {
      if (!a.investigationDue || a.investigationDue >= today) continue
      if (a.handlerUserId !== null && a.handlerUserId !== actor.userId) continue
      items.push({
        kind: 'appeal',
        id: a.id,
        sheetId: a.sheetId,
        employeeName: a.employeeName,
        cycleName: a.cycleName,
        state: 'investigating',
        step: 'investigation',
        stepName: '申诉裁决',
        dueDate: a.investigationDue,
        daysOverdue: daysBetween(a.investigationDue, today),
      })
    }
  }
  return items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id))
}
