import type { PaySlip } from '../../contracts/pay-slips.ts'
import { DomainError } from '../../core/errors.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { readPaySheet, visiblePaySheet } from './get-pay-sheet.ts'

// Pay slips (工资条): one per person of a cycle's pay sheet — who, the result paid on, each pay line with its
// rule, the total (contracts/pay-slips.ts). Admin and HR get every slip (a person whose appraisal is not final marked draft), finance
// the final ones; anyone else gets their own slip only, and only once the pay sheet is approved.

/** The pay slips of a cycle the actor may see, in employee-number order of the pay sheet. */
export async function listPaySlips(deps: WorkflowDeps, actor: Actor, cycleId: number): Promise<PaySlip[]> {
  const sheet = await readPaySheet(deps.db, actor.companyId, cycleId)
  const staff = actor.role === 'admin' || actor.role === 'hr' || actor.role === 'finance'
  const visible = staff ? visiblePaySheet(sheet, actor.role) : sheet
  const employees = staff
    ? visible.employees
    : visible.employees.filter((e) => actor.employeeId !== null && e.employeeId === actor.employeeId)
  if (!staff && (sheet.status !== 'approved' || employees.length === 0))
    throw new DomainError(
      'not_found',
      '本期没有您的已发布工资条 / no published pay slip of yours in this cycle',
    )
  return employees.map((e) => ({
    cycleName: sheet.cycleName,
    period: sheet.period,
    employeeNo: e.employeeNo,
    employeeName: e.employeeName,
    departmentName: e.departmentName,
    positionName: e.positionName,
    score: e.score,
    coefficient: e.coefficient,
    lines: e.lines.map((l) => ({ label: l.label['zh-CN'], amount: l.amount, rule: l.rule['zh-CN'] })),
    total: e.total,
    status: sheet.status === 'approved' && !e.draft ? 'approved' : 'draft',
    problems: e.problems,
  }))
}
