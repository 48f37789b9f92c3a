import Decimal from 'decimal.js'
import { type PayDrift, type PayEmployee, paySchemeSchema } from '../../contracts/pay.ts'
import { DomainError } from '../../core/errors.ts'
import type { PayScheme } from '../../core/pay/pay-scheme.ts'
import type { Db } from '../../db/database.ts'
import {
  type CycleSheetRow,
  listCycleSheetRows,
  listPayAssignments,
  type PayItemRow,
} from '../../db/pay-repository.ts'
import { assignedSchemes, payOf } from './compute-pay-sheet.ts'

// Drift after approval: an admin reopened a final sheet and it is final again with another score or coefficient,
// while the approved pay sheet stays frozen. Only people whose result changed are looked at; their pay is
// recomputed from what was approved — the scheme kept with the snapshot (the current one for older snapshots),
// the inputs as approved, the rewards and penalties (locked since) — at the current total and coefficient. A
// scheme changed after approval or a later import therefore never drifts (the lock holds); only results do.

/** The label of the adjustment lines that settle drift; they are what counts as settled. */
export const driftAdjustmentLabel = '考核结果变更差额'

/** An employee of an approved snapshot; since this change the snapshot also keeps the scheme paid by. */
export type SnapshotEmployee = PayEmployee & { scheme?: unknown }

/** The snapshot entry as the API shows it (the kept scheme is for recomputing, not for display). */
export function fromSnapshot(entry: SnapshotEmployee): PayEmployee {
  const { scheme: _kept, ...employee } = entry
  // Only final results are approved, so a kept line is never a draft (snapshots before issue 12 lack the flag);
  // nor is one missing data (approval waits for it; snapshots before issue 16 lack the list).
  return { ...employee, draft: false, missingInputs: [] }
}

const zero = new Decimal(0)
const sum = (items: readonly PayItemRow[]) => items.reduce((a, i) => a.plus(i.amount), zero)
const shown = (n: number | null) => (n === null ? '—' : String(n))

/** Per employee whose result changed since approval: the difference to settle, or why it waits. */
export async function computePayDrift(
  db: Db,
  companyId: number,
  cycleId: number,
  snapshot: readonly SnapshotEmployee[],
  items: readonly PayItemRow[],
): Promise<PayDrift> {
  const rows = new Map<number, CycleSheetRow>()
  for (const r of await listCycleSheetRows(db, companyId, cycleId)) rows.set(r.employeeId, r)
  const drift: PayDrift = { employees: [], notFinal: [], problems: [], total: '0.00' }
  let currentSchemeOf: ReturnType<typeof assignedSchemes> | undefined
  let total = zero
  for (const approved of snapshot) {
    const now = rows.get(approved.employeeId)
    if (!now) continue
    const changed =
      now.state !== 'final' || now.total !== approved.score || now.coefficient !== approved.coefficient
    if (!changed) continue
    if (now.state !== 'final' || now.total === null) {
      drift.notFinal.push({
        sheetId: now.sheetId,
        employeeId: now.employeeId,
        employeeName: now.employeeName,
        state: now.state,
        approvedScore: approved.score,
        score: now.total,
      })
      continue
    }
    const problem = (message: string) =>
      drift.problems.push({ employeeId: now.employeeId, employeeName: now.employeeName, message })
    let scheme: PayScheme | undefined
    const kept = approved.scheme === undefined ? undefined : paySchemeSchema.safeParse(approved.scheme)
    if (kept?.success) scheme = kept.data as PayScheme
    else {
      currentSchemeOf ??= assignedSchemes(await listPayAssignments(db, companyId))
      const assigned = currentSchemeOf(now)
      if (assigned === undefined || typeof assigned === 'string') {
        problem(assigned ?? '岗位与本人都没有薪酬方案 / no pay scheme for the position or employee')
        continue
      }
      scheme = assigned.scheme
    }
    const values = Object.fromEntries(
      Object.entries(approved.inputs).map(([name, used]) => [name, used.value]),
    )
    const mine = items.filter((i) => i.employeeId === approved.employeeId)
    let currentTotal: string
    try {
      currentTotal = payOf(scheme, { total: now.total, coefficient: now.coefficient }, values, mine).total
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      problem(error.message)
      continue
    }
    const adjustments = mine.filter((i) => i.kind === 'adjustment')
    const settled = sum(adjustments.filter((i) => i.label === driftAdjustmentLabel))
    const difference = new Decimal(currentTotal).minus(approved.computedTotal).minus(settled)
    if (difference.isZero()) continue
    total = total.plus(difference)
    const coefficientNote =
      now.coefficient === approved.coefficient
        ? ''
        : `，绩效系数 ${shown(approved.coefficient)} → ${shown(now.coefficient)}`
    const coefficientNoteEn =
      now.coefficient === approved.coefficient
        ? ''
        : `, coefficient ${shown(approved.coefficient)} → ${shown(now.coefficient)}`
    drift.employees.push({
      employeeId: now.employeeId,
      employeeNo: now.employeeNo,
      employeeName: now.employeeName,
      sheetId: now.sheetId,
      sheetState: now.state,
      approvedScore: approved.score,
      score: now.total,
      approvedCoefficient: approved.coefficient,
      coefficient: now.coefficient,
      approvedTotal: approved.computedTotal,
      settled: settled.toFixed(2),
      adjustmentsTotal: sum(adjustments).toFixed(2),
      currentTotal,
      difference: difference.toFixed(2),
      reason: {
        'zh-CN': `考核表 #${now.sheetId}（${now.employeeName}）审批后被重新打开，现为定稿：得分 ${shown(approved.score)} → ${shown(now.total)}${coefficientNote}`,
        en: `sheet #${now.sheetId} (${now.employeeName}) was reopened after approval and is final again: score ${shown(approved.score)} → ${shown(now.total)}${coefficientNoteEn}`,
      },
    })
  }
  drift.total = total.toFixed(2)
  return drift
}
