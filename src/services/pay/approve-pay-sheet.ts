import type { PaySheet } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import type { PayScheme } from '../../core/pay/pay-scheme.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { findPaySheet, insertPaySheet } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { findQuotaHolds, quotaHeldError } from '../sheets/find-quota-holds.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import type { SnapshotEmployee } from './compute-pay-drift.ts'
import { computePaySheet } from './compute-pay-sheet.ts'
import { readPaySheet, visiblePaySheet } from './get-pay-sheet.ts'
import { loadCycle, lockCyclePay } from './load-cycle.ts'

/**
 * Finance approves a cycle's pay sheet: refused while any sheet is not final (the message names them), any pay
 * input has no data (409 missing_data naming the people and inputs) or any participant's pay has a problem; the lines are then frozen (snapshot) and later corrections are adjustment lines.
 */
export async function approvePaySheet(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  note?: string,
): Promise<PaySheet> {
  await deps.db.transaction().execute(async (trx) => {
    const cycle = await loadCycle(trx, actor.companyId, cycleId)
    await lockCyclePay(trx, actor.companyId, cycleId)
    if (await findPaySheet(trx, actor.companyId, cycleId))
      throw new DomainError(
        'locked',
        `「${cycle.name}」的工资表已审批，更正请添加调整行 / the pay sheet is already approved`,
      )
    const schemes = new Map<number, PayScheme>()
    const sheet = await computePaySheet(trx, actor.companyId, cycle, schemes)
    if (sheet.employees.length === 0)
      throw new DomainError(
        'invalid_state',
        `「${cycle.name}」没有参与人，无法审批工资表 / the cycle has no participants`,
      )
    if (sheet.notFinal.length > 0) {
      const names = sheet.notFinal.map((s) => `${s.employeeName}（${s.state}）`)
      throw new DomainError(
        'invalid_state',
        `还有 ${names.length} 张考核表未定稿，不能审批工资表：${names.join('、')} / ${names.length} sheet(s) not final`,
        sheet.notFinal.map((s) => ({
          path: `sheets.${s.sheetId}`,
          message: `${s.employeeName}: ${s.state}`,
        })),
      )
    }
    // Enforced forced-distribution quotas hold the approval while a department is over them (issue 16.7).
    const held = await findQuotaHolds(trx, actor.companyId, cycle)
    if (held.length > 0) throw quotaHeldError(held, '审批工资表')
    // Pay inputs without data are not paid as 0 (issue 16): enter them, or enter 0 with a reason (audited).
    if (sheet.missing.length > 0) {
      const names = sheet.missing.map(
        (m) => `${m.employeeName}（${m.inputs.map((i) => i.label['zh-CN']).join('、')}）`,
      )
      throw new DomainError(
        'missing_data',
        `${names.length} 人的薪酬输入缺少数据，不能审批工资表：${names.join('、')}。请导入或录入；确为 0 时录入 0 并说明理由 / ${names.length} person(s) have pay inputs without data`,
        sheet.missing.flatMap((m) =>
          m.inputs.map((i) => ({
            path: `employees.${m.employeeId}.inputs.${i.name}`,
            message: `${m.employeeName}: ${i.label['zh-CN']} / ${i.label.en}`,
          })),
        ),
      )
    }
    const withProblems = sheet.employees.filter((e) => e.problems.length > 0)
    if (withProblems.length > 0) {
      throw new DomainError(
        'invalid_state',
        `${withProblems.length} 人的工资无法计算：${withProblems.map((e) => `${e.employeeName}（${e.problems[0]}）`).join('、')}`,
        withProblems.map((e) => ({ path: `employees.${e.employeeId}`, message: e.problems.join('; ') })),
      )
    }
    const at = deps.now()
    // The scheme paid by stays with each person, so a result changed later is repriced as approved (drift).
    const snapshot: SnapshotEmployee[] = sheet.employees.map((e) => ({
      ...e,
      lines: e.lines.filter((l) => l.kind === 'scheme'),
      scheme: schemes.get(e.employeeId),
    }))
    const id = await insertPaySheet(trx, actor.companyId, {
      cycleId,
      snapshot,
      total: sheet.total,
      userId: actor.userId,
      at,
    })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'pay_sheet.approve',
        entity: 'pay_sheet',
        entityId: id,
        before: { status: 'draft' },
        after: {
          status: 'approved',
          cycleId,
          total: sheet.total,
          employees: sheet.employees.map((e) => ({ employeeId: e.employeeId, total: e.total })),
        },
        reason: note ?? null,
      },
      at,
    )
  })
  return visiblePaySheet(await readPaySheet(deps.db, actor.companyId, cycleId), actor.role)
}
