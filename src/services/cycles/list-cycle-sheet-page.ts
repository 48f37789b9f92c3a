import type { CycleSheetPage, CycleSheetQuery } from '../../contracts/cycle-sheets.ts'
import { DomainError } from '../../core/errors.ts'
import { type SheetState, sheetStates } from '../../core/workflow/sheet-workflow.ts'
import { owedSteps } from '../../core/workflow/stage-deadlines.ts'
import { findCycle } from '../../db/cycle-repository.ts'
import {
  type CycleSheetListQuery,
  listCycleSheetDepartments,
  listCycleSheetPage,
} from '../../db/cycle-sheet-list-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { companyToday } from '../calendar/company-today.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

// The cycle stage whose deadline a sheet in each state is waiting on: the stage of the step it owes next, as the
// cycle board counts overdue steps (appeal steps have no cycle deadline).
const stageKeys = new Set(['targets', 'selfReview', 'supervisorReview', 'feedback', 'sign'])
const dueStageByState: Partial<Record<SheetState, string>> = Object.fromEntries(
  sheetStates.flatMap((state) => {
    const step = owedSteps(state, { owner: false, reviewer: false })[0]?.step
    return step && stageKeys.has(step) ? [[state, step]] : []
  }),
)

/**
 * 全部考核表: one page of a cycle's sheets, filtered and sorted. HR and admin see every sheet; a supervisor the
 * sheets of their reporting tree and the reviews delegated to them (their own excluded); anyone else is refused.
 */
export async function listCycleSheetsPaged(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  query: CycleSheetQuery,
): Promise<CycleSheetPage> {
  const scope = scopeOf(actor)
  const cycle = await findCycle(deps.db, actor.companyId, cycleId)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
  const today = await companyToday(deps.db, actor.companyId, deps.now())
  const empty = { rows: [], total: 0 }
  const [page, departments] =
    scope.kind === 'none'
      ? [empty, []]
      : [
          await listCycleSheetPage(deps.db, actor.companyId, cycleId, {
            scope,
            departmentId: query.departmentId,
            states: query.state,
            grade: query.grade,
            overdue: query.overdue,
            hasAppeal: query.hasAppeal,
            held: query.held,
            dueStageByState,
            today,
            sort: query.sort,
            direction: query.direction,
            limit: query.limit,
            offset: query.offset,
          }),
          await listCycleSheetDepartments(deps.db, actor.companyId, cycleId),
        ]
  return {
    cycle: { id: cycle.id, name: cycle.name },
    today,
    items: page.rows,
    total: page.total,
    limit: query.limit,
    offset: query.offset,
    departments,
  }
}

function scopeOf(actor: Actor): CycleSheetListQuery['scope'] | { kind: 'none' } {
  if (actor.role === 'hr' || actor.role === 'admin') return { kind: 'all' }
  if (actor.role === 'supervisor')
    // A supervisor login not linked to an employee has no tree: an empty list, not an error.
    return actor.employeeId === null ? { kind: 'none' } : { kind: 'team', employeeId: actor.employeeId }
  throw new DomainError('forbidden', '只有人力资源、管理员和主管可以查看考核表列表')
}
