import { DomainError } from '../../core/errors.ts'
import {
  decideTransition,
  type SheetAction,
  type SheetParty,
  type SheetState,
  type TransitionOutcome,
} from '../../core/workflow/sheet-workflow.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import {
  insertSheetEvent,
  lockSheetRow,
  type SheetPatch,
  type SheetRow,
  updateSheetRow,
} from '../../db/sheet-repository.ts'
import { findTransitionContext } from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { companyToday } from '../calendar/company-today.ts'
import { notifySheetParties } from './notify-sheet-parties.ts'
import { canReadSheet, resolveSheetParty } from './resolve-sheet-party.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

export type TransitionContext = {
  trx: Db
  db: Db
  row: SheetRow
  party: SheetParty
  outcome: TransitionOutcome
  today: string
  now: Date
  cycle: { name: string; deadlines: Record<string, string>; settings: Record<string, unknown> }
}

export type TransitionPlan = {
  action: SheetAction
  /** The version the caller read; a different current version is a conflict (409 with the current values). */
  expectedVersion?: number
  reason?: string | null
  /** A hard deadline for this action (YYYY-MM-DD), checked against the company's today. */
  deadline?: (row: SheetRow) => string | null | undefined
  /** The data change that goes with the action (may read the database inside the transaction). */
  patch?: (ctx: TransitionContext) => SheetPatch | Promise<SheetPatch>
  /**
   * Writes the row, its event and its notification itself instead of the generic update (a computed score goes
   * through the one set-based writer, see compute-sheet.ts); answers the row as written.
   */
  write?: (ctx: TransitionContext, patch: SheetPatch) => Promise<SheetRow>
  /** Extra work after the sheet row is written, inside the same transaction. */
  after?: (ctx: TransitionContext & { updated: SheetRow }) => Promise<void>
  /** Fields recorded in the audit row's before/after (default: the patched ones). */
  auditFields?: (keyof SheetRow)[]
}

/** Thrown when the sheet changed since the caller read it; the route adds the current values. */
export function versionConflict(sheetId: number, expected: number, current: number): DomainError {
  return new DomainError(
    'conflict',
    `考核表 ${sheetId} 已被他人修改（您读取的是第 ${expected} 版，当前为第 ${current} 版），请刷新后再保存（the sheet changed: version ${expected} read, ${current} current）`,
    [{ path: 'expectedVersion', message: `当前版本为 ${current}` }],
    { sheetId, currentVersion: current },
  )
}

function pick(row: SheetRow, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of fields) out[f] = (row as Record<string, unknown>)[f]
  return out
}

/**
 * Applies one action to one sheet in one transaction: lock the row, check the version, work out the
 * actor's party, let the state machine decide, write the change with a new version, record the event,
 * append the audit row, and notify whoever owes the next step.
 */
export async function transitionSheet(
  deps: WorkflowDeps,
  actor: Actor | null,
  companyId: number,
  sheetId: number,
  plan: TransitionPlan,
): Promise<SheetRow> {
  const now = deps.now()
  return deps.db.transaction().execute(async (trx) => {
    const db = trx
    const row = await lockSheetRow(db, companyId, sheetId)
    const party: SheetParty =
      actor === null ? 'system' : row ? await resolveSheetParty(trx, actor, row) : 'other'
    if (!row || (party !== 'system' && !canReadSheet(party, row.state)))
      throw new DomainError('not_found', `考核表 ${sheetId} 不存在`)
    const today = await companyToday(db, companyId, now)
    const outcome = decideTransition({
      state: row.state as SheetState,
      action: plan.action,
      party,
      otherPartyConfirmed:
        party === 'owner' ? row.reviewer_confirmed_at !== null : row.owner_confirmed_at !== null,
      today,
      deadline: plan.deadline?.(row) ?? undefined,
    })
    if (plan.expectedVersion !== undefined && plan.expectedVersion !== row.version)
      throw versionConflict(sheetId, plan.expectedVersion, row.version)
    const cycleRow = await findTransitionContext(db, row.id)
    const ctx: TransitionContext = {
      trx,
      db,
      row,
      party,
      outcome,
      today,
      now,
      cycle: {
        name: cycleRow.name,
        deadlines: cycleRow.deadlines as Record<string, string>,
        settings: cycleRow.settings as Record<string, unknown>,
      },
    }
    const patch: SheetPatch = { ...((await plan.patch?.(ctx)) ?? {}) }
    if (outcome.changesState) patch.state = outcome.to
    // An action that changes neither data nor state (a work record, an attachment) leaves the version alone,
    // so it never makes someone else's pending save conflict.
    let updated: SheetRow
    if (plan.write) updated = await plan.write(ctx, patch)
    else {
      updated = Object.keys(patch).length === 0 ? row : await updateSheetRow(db, sheetId, patch, now)
      await insertSheetEvent(db, {
        companyId,
        sheetId,
        action: plan.action,
        fromState: outcome.from,
        toState: updated.state,
        actorUserId: actor?.userId ?? null,
        party,
        reason: plan.reason ?? null,
        now,
      })
    }
    const fields = ['state', 'version', ...(plan.auditFields ?? Object.keys(patch))]
    await appendAudit(
      trx,
      {
        companyId,
        actorUserId: actor?.userId ?? null,
        action: `sheet.${plan.action}`,
        entity: 'appraisal_sheet',
        entityId: sheetId,
        before: pick(row, [...new Set(fields)]),
        after: pick(updated, [...new Set(fields)]),
        reason: plan.reason ?? null,
      },
      now,
    )
    await plan.after?.({ ...ctx, updated })
    if (!plan.write && updated.state !== row.state) {
      await notifySheetParties(
        db,
        updated,
        { employeeName: cycleRow.employee_name, cycleName: cycleRow.name, deadlines: ctx.cycle.deadlines },
        now,
      )
    }
    return updated
  })
}
