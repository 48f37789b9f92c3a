import { DomainError } from '../../core/errors.ts'
import { type SheetState, sheetStates } from '../../core/workflow/sheet-workflow.ts'
import { owedSteps } from '../../core/workflow/stage-deadlines.ts'
import { listAppealQueue } from '../../db/appeal-repository.ts'
import { findLatestCycleJob } from '../../db/cycle-job-repository.ts'
import { listCycleMoves } from '../../db/cycle-move-repository.ts'
import { countSheetsByDepartmentAndState, findCycle } from '../../db/cycle-repository.ts'
import { listSheetSummaries } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { companyToday } from '../calendar/company-today.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import type { HeldSheetSummary } from './compute-cycle.ts'

/** Sheets listed on the board as waiting to be computed (the count is always whole). */
export const uncomputedListLimit = 500

const computedStates = new Set<string>(sheetStates.slice(sheetStates.indexOf('computed')))

/**
 * HR's cycle board: sheets by stage and department, overdue sheets with who owes what, open appeals, and how
 * far computing got (已计算 X / Y, the sheets still waiting to be computed and the last compute job, which says
 * when a restart interrupted it), and who moved department or manager since the cycle opened (调动).
 */
export async function getCycleBoard(deps: WorkflowDeps, actor: Actor, cycleId: number) {
  if (actor.role !== 'hr' && actor.role !== 'admin')
    throw new DomainError('forbidden', '只有人力资源和管理员可以查看周期看板')
  const db = deps.db
  const cycle = await findCycle(db, actor.companyId, cycleId)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
  const today = await companyToday(db, actor.companyId, deps.now())
  const [cells, sheets, appeals, lastComputeJob, moves] = await Promise.all([
    countSheetsByDepartmentAndState(db, actor.companyId, cycleId),
    listSheetSummaries(db, actor.companyId, { cycleId, limit: 100_000 }),
    listAppealQueue(db, actor.companyId, { cycleId, status: ['filed', 'investigating'] }),
    findLatestCycleJob(db, actor.companyId, 'cycle.compute', cycleId),
    listCycleMoves(db, actor.companyId, cycleId),
  ])
  const departments = new Map<
    string,
    {
      departmentId: number | null
      departmentName: string | null
      byState: Record<string, number>
      total: number
    }
  >()
  const byState: Record<string, number> = Object.fromEntries(sheetStates.map((s) => [s, 0]))
  for (const cell of cells) {
    const key = String(cell.departmentId)
    const entry = departments.get(key) ?? {
      departmentId: cell.departmentId,
      departmentName: cell.departmentName,
      byState: {},
      total: 0,
    }
    entry.byState[cell.state] = cell.count
    entry.total += cell.count
    departments.set(key, entry)
    byState[cell.state] = (byState[cell.state] ?? 0) + cell.count
  }
  const overdue = sheets.flatMap((s) =>
    owedSteps(s.state as SheetState, { owner: s.ownerConfirmed, reviewer: s.reviewerConfirmed })
      .filter((step) => {
        const due = cycle.deadlines[step.step]
        return due !== undefined && due < today
      })
      .map((step) => ({
        sheetId: s.id,
        employeeName: s.employeeName,
        departmentName: s.departmentName,
        reviewerName: s.reviewerName,
        state: s.state,
        owedBy: step.party,
        step: step.step,
        stepName: step.zh,
        dueDate: cycle.deadlines[step.step]!,
      })),
  )
  const uncomputed = sheets.filter((s) => s.state === 'supervisor_submitted')
  // Sheets the last compute held for missing data, while they still wait (entering the data and computing clears them).
  const waiting = new Map(uncomputed.map((s) => [s.id, s]))
  const lastHeld = (lastComputeJob?.result as { held?: HeldSheetSummary[] } | null)?.held ?? []
  const held = lastHeld
    .filter((h) => waiting.has(h.sheetId))
    .map((h) => ({
      sheetId: h.sheetId,
      employeeName: waiting.get(h.sheetId)!.employeeName,
      departmentName: waiting.get(h.sheetId)!.departmentName,
      items: h.items,
    }))
  const computation = {
    /** Sheets computed (已计算 and every later state) out of all the cycle's sheets. */
    computed: sheets.filter((s) => computedStates.has(s.state)).length,
    total: sheets.length,
    /** Sheets whose supervisor review is in and that are not computed yet: what computing (again) scores. */
    uncomputedCount: uncomputed.length,
    uncomputed: uncomputed.slice(0, uncomputedListLimit).map((s) => ({
      sheetId: s.id,
      employeeName: s.employeeName,
      departmentName: s.departmentName,
      reviewerName: s.reviewerName,
    })),
    lastJob: lastComputeJob
      ? {
          id: lastComputeJob.id,
          kind: lastComputeJob.kind,
          status: lastComputeJob.status,
          done: lastComputeJob.done,
          total: lastComputeJob.total,
          error: lastComputeJob.error,
          result: lastComputeJob.result,
        }
      : null,
    held,
  }
  return {
    cycle,
    today,
    total: sheets.length,
    byState,
    departments: [...departments.values()],
    overdue,
    openAppeals: appeals,
    computation,
    /** People moved (调动) since the cycle opened: their sheet stays where it was opened. */
    moves,
  }
}
