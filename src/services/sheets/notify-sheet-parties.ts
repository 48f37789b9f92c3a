import { type SheetState, stateNames } from '../../core/workflow/sheet-workflow.ts'
import { owedSteps } from '../../core/workflow/stage-deadlines.ts'
import type { Db } from '../../db/database.ts'
import type { SheetRow } from '../../db/sheet-repository.ts'
import { listUserIdsOfEmployees } from '../../db/sheet-workflow-queries.ts'
import { listUserIdsWithRole } from '../../db/user-repository.ts'
import { notifyUsers } from '../notifications/notify-users.ts'

async function usersOfEmployee(db: Db, companyId: number, employeeId: number | null): Promise<number[]> {
  return employeeId === null ? [] : listUserIdsOfEmployees(db, companyId, [employeeId])
}

/** The logins with one role (to notify HR or admins). */
export const usersWithRole = listUserIdsWithRole

/** After a transition: tells whoever owes the next step (and the employee when the result changes) what to do by when. */
export async function notifySheetParties(
  db: Db,
  sheet: SheetRow,
  context: { employeeName: string; cycleName: string; deadlines: Record<string, string> },
  now: Date,
): Promise<void> {
  const state = sheet.state as SheetState
  const steps = owedSteps(state, {
    owner: sheet.owner_confirmed_at !== null,
    reviewer: sheet.reviewer_confirmed_at !== null,
  })
  for (const step of steps) {
    const users =
      step.party === 'owner'
        ? await usersOfEmployee(db, sheet.company_id, sheet.employee_id)
        : step.party === 'reviewer'
          ? await usersOfEmployee(db, sheet.company_id, sheet.reviewer_employee_id)
          : step.party === 'hr'
            ? await usersWithRole(db, sheet.company_id, 'hr')
            : []
    const due = context.deadlines[step.step]
    await notifyUsers(
      db,
      sheet.company_id,
      users,
      {
        kind: `sheet.${step.step}`,
        title: `${context.cycleName}：请${step.zh}`,
        body: `${context.employeeName}的考核表现为“${stateNames[state].zh}”，待您${step.zh}${due ? `，截止 ${due}` : ''}。`,
        entity: 'appraisal_sheet',
        entityId: sheet.id,
      },
      now,
    )
  }
  if (state === 'final' || state === 'appeal_window') {
    const owners = await usersOfEmployee(db, sheet.company_id, sheet.employee_id)
    const extra =
      state === 'appeal_window' && sheet.appeal_deadline
        ? `如有异议，请在 ${sheet.appeal_deadline} 前提出申诉。`
        : ''
    await notifyUsers(
      db,
      sheet.company_id,
      owners,
      {
        kind: `sheet.${state}`,
        title: `${context.cycleName}：考核表${stateNames[state].zh}`,
        body: `您的考核表现为“${stateNames[state].zh}”${sheet.total !== null ? `，总分 ${Number(sheet.total)}` : ''}。${extra}`,
        entity: 'appraisal_sheet',
        entityId: sheet.id,
      },
      now,
    )
  }
}
