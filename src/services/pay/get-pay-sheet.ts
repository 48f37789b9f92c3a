import Decimal from 'decimal.js'
import type { PaySheet } from '../../contracts/pay.ts'
import type { Db, Role } from '../../db/database.ts'
import { findPaySheet, listPayItems } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { computePayDrift, fromSnapshot, type SnapshotEmployee } from './compute-pay-drift.ts'
import { computePaySheet, withAdjustments } from './compute-pay-sheet.ts'
import { loadCycle } from './load-cycle.ts'

/**
 * The pay sheet as it stands: the approved snapshot plus later adjustment lines, with the drift of results that
 * changed since approval; or the live draft.
 */
export async function readPaySheet(db: Db, companyId: number, cycleId: number): Promise<PaySheet> {
  const cycle = await loadCycle(db, companyId, cycleId)
  const approved = await findPaySheet(db, companyId, cycleId)
  if (!approved) return computePaySheet(db, companyId, cycle)
  const items = await listPayItems(db, companyId, cycleId)
  const snapshot = approved.snapshot as SnapshotEmployee[]
  const employees = snapshot.map((e) =>
    withAdjustments(
      fromSnapshot(e),
      items.filter((i) => i.employeeId === e.employeeId),
    ),
  )
  const drift = await computePayDrift(db, companyId, cycleId, snapshot, items)
  return {
    cycleId,
    cycleName: cycle.name,
    period: { start: cycle.periodStart, end: cycle.periodEnd },
    status: 'approved',
    approvedAt: approved.approvedAt,
    approvedBy: approved.approvedBy,
    employees,
    total: employees.reduce((a, e) => a.plus(e.total), new Decimal(0)).toFixed(2),
    notFinal: [],
    problemCount: 0,
    missing: [],
    drift,
  }
}

/**
 * The pay sheet as the actor may see it (issue 12): finance sees final results only — rows of sheets that are not
 * final are left out, and so are the current scores of reopened sheets in the drift — while admin and HR see
 * every row, drafts marked `draft`. `notFinal` keeps names and states only, so finance knows what approval waits for.
 */
export function visiblePaySheet(sheet: PaySheet, role: Role): PaySheet {
  if (role !== 'finance') return sheet
  return {
    ...sheet,
    employees: sheet.employees.filter((e) => !e.draft),
    drift: sheet.drift && {
      ...sheet.drift,
      notFinal: sheet.drift.notFinal.map((s) => ({ ...s, score: null })),
    },
  }
}

/** GET /api/cycles/{id}/pay-sheet: admin, HR and finance (routes check the role). */
export async function getPaySheet(deps: WorkflowDeps, actor: Actor, cycleId: number): Promise<PaySheet> {
  return visiblePaySheet(await readPaySheet(deps.db, actor.companyId, cycleId), actor.role)
}
