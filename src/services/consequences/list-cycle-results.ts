import type { CycleResult } from '../../contracts/results.ts'
import { listCycleSheetRows } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { loadCycle } from '../pay/load-cycle.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { treeRootOf } from './consequence-scope.ts'

/**
 * A cycle's results (total, grade, coefficient per participant): admin and HR see every sheet, finance only
 * final ones, a supervisor their reporting tree (no pay).
 */
export async function listCycleResults(deps: WorkflowDeps, actor: Actor, cycleId: number) {
  const cycle = await loadCycle(deps.db, actor.companyId, cycleId)
  const rows = await listCycleSheetRows(deps.db, actor.companyId, cycleId, {
    treeRootEmployeeId: treeRootOf(actor),
    finalOnly: actor.role === 'finance',
  })
  const items: CycleResult[] = rows.map((r) => ({
    sheetId: r.sheetId,
    employeeId: r.employeeId,
    employeeNo: r.employeeNo,
    employeeName: r.employeeName,
    departmentName: r.departmentName,
    positionName: r.positionName,
    reviewerName: r.reviewerName,
    state: r.state,
    total: r.total,
    grade: r.grade,
    coefficient: r.coefficient,
  }))
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    kind: cycle.kind,
    period: { start: cycle.periodStart, end: cycle.periodEnd },
    items,
  }
}
