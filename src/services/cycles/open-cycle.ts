import type { CycleInput } from '../../contracts/workflow.ts'
import {
  type CalendarCoverageWarning,
  calendarCoverageWarning,
} from '../../core/calendar/statutory-arrangement.ts'
import { DomainError } from '../../core/errors.ts'
import { defaultStageOffsets, stageDeadlines } from '../../core/workflow/stage-deadlines.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { insertJob, updateJob } from '../../db/cycle-job-repository.ts'
import {
  type CycleRecord,
  companyHasTemplate,
  deleteCycleSheets,
  insertCycle,
  insertSheetsFor,
  listCyclePeriods,
  listParticipantsWithoutSheet,
  selectParticipantBatches,
  selectPinnedVersions,
  setCycleJob,
  setCycleStatus,
} from '../../db/cycle-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.ts'
import { loadStatutoryCalendar } from '../calendar/statutory-calendar.ts'
import { currentProcessOwner } from '../jobs/process-owner.ts'
import { assignIndicatorAssessors } from '../sheets/assign-indicator-assessors.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { freezeHistoryTargets } from './freeze-history-targets.ts'

/** Participants per statement when sheets are created; progress is reported after each batch. */
export const openBatchSize = 1000

export type OpenedCycle = {
  cycle: CycleRecord
  jobId: number
  completion: Promise<void>
  /** Said to the admin: e.g. the period or a deadline falls after the last year of the statutory calendar. */
  warnings: CalendarCoverageWarning[]
}

/**
 * Opens a cycle (开启考核周期): records the cycle, its stage deadlines on the working-day calendar and a
 * job, then creates every participant's sheet in the background with set-based inserts, pinning the
 * template version each participant's position has now. The caller gets the job id at once.
 */
export async function openCycle(deps: WorkflowDeps, actor: Actor, input: CycleInput): Promise<OpenedCycle> {
  if (actor.role !== 'admin' && actor.role !== 'hr')
    throw new DomainError('forbidden', '只有管理员和人力资源可以开启考核周期')
  const db = deps.db
  if (input.templateId !== undefined) {
    if (!(await companyHasTemplate(db, actor.companyId, input.templateId)))
      throw new DomainError('invalid_input', `模板 ${input.templateId} 不存在`, [
        { path: 'templateId', message: '不存在' },
      ])
  }
  const rollup = input.settings.rollup
  if (rollup) {
    if (input.kind === 'monthly')
      throw new DomainError(
        'invalid_input',
        '月度周期不能汇总其他周期（rollup is for quarterly and annual cycles）',
        [{ path: 'settings.rollup', message: '仅季度/年度周期可用' }],
      )
    const ids = rollup.sources.map((s) => s.cycleId)
    const found = await listCyclePeriods(db, actor.companyId, ids)
    for (const id of ids) {
      const c = found.find((f) => f.id === id)
      if (
        !c ||
        c.kind === input.kind ||
        c.kind === 'annual' ||
        c.period_start < input.periodStart ||
        c.period_end > input.periodEnd
      )
        throw new DomainError(
          'invalid_input',
          `汇总来源周期 ${id} 不存在，或不是 ${input.periodStart}–${input.periodEnd} 之内的更短周期`,
          [{ path: 'settings.rollup.sources', message: `周期 ${id} 不可汇总` }],
        )
    }
  }
  const calendar = await loadWorkingCalendar(db, actor.companyId)
  const offsets = input.settings.stageOffsets ?? defaultStageOffsets
  const deadlines = stageDeadlines(calendar, { start: input.periodStart, end: input.periodEnd }, offsets)
  const coverage = calendarCoverageWarning(
    [input.periodStart, input.periodEnd, ...Object.values(deadlines)],
    loadStatutoryCalendar().lastYear,
  )
  const warnings = coverage ? [coverage] : []
  const now = deps.now()
  const { cycle, jobId } = await deps.db.transaction().execute(async (trx) => {
    const wdb = trx
    const cycle = await insertCycle(wdb, {
      companyId: actor.companyId,
      name: input.name,
      kind: input.kind,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      participants: input.participants,
      settings: input.settings,
      deadlines,
      templateId: input.templateId ?? null,
      userId: actor.userId,
    })
    const jobId = await insertJob(wdb, {
      companyId: actor.companyId,
      kind: 'cycle.open',
      params: { cycleId: cycle.id },
      userId: actor.userId,
      owner: currentProcessOwner(),
    })
    await setCycleJob(wdb, cycle.id, jobId)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'cycle.create',
        entity: 'cycle',
        entityId: cycle.id,
        after: { ...input, deadlines },
      },
      now,
    )
    return { cycle: { ...cycle, jobId }, jobId }
  })
  const completion = runOpenCycleJob(deps, actor, cycle, jobId)
  return { cycle, jobId, completion, warnings }
}

async function runOpenCycleJob(
  deps: WorkflowDeps,
  actor: Actor,
  cycle: CycleRecord,
  jobId: number,
): Promise<void> {
  const db = deps.db
  try {
    const batches = await selectParticipantBatches(db, actor.companyId, cycle.participants, openBatchSize)
    const participants = batches.reduce((n, b) => n + b.count, 0)
    await updateJob(db, jobId, { status: 'running', total: participants, done: 0 })
    const pinned = await selectPinnedVersions(db, actor.companyId, cycle.templateId)
    let created = 0
    let done = 0
    for (const batch of batches) {
      created += await insertSheetsFor(db, actor.companyId, cycle, batch, pinned)
      done += batch.count
      await updateJob(db, jobId, { done })
    }
    // Everyone got a sheet unless fewer were created than there are participants.
    const skipped =
      created < participants ? await listParticipantsWithoutSheet(db, actor.companyId, cycle) : []
    // Targets derived from history (上月日均UV × 110%) are computed now and frozen on the sheets.
    const frozen = await freezeHistoryTargets(db, actor.companyId, cycle)
    const result = { created, participants, skipped }
    await deps.db.transaction().execute(async (trx) => {
      // Rows with a named assessor go to that assessor's queue (the sheet waits for them).
      await assignIndicatorAssessors(trx, actor.companyId, cycle, deps.now())
      await setCycleStatus(trx, cycle.id, 'open')
      await appendAudit(
        trx,
        {
          companyId: actor.companyId,
          actorUserId: actor.userId,
          action: 'cycle.open',
          entity: 'cycle',
          entityId: cycle.id,
          before: { status: 'opening' },
          after: {
            status: 'open',
            sheets: created,
            skipped: skipped.map((s) => s.id),
            ...(frozen.length > 0 ? { historyTargets: frozen.length } : {}),
          },
        },
        deps.now(),
      )
    })
    await updateJob(db, jobId, { status: 'succeeded', result })
  } catch (error) {
    // Roll back cleanly: no half-opened cycle keeps sheets; the job says why.
    const message = error instanceof Error ? error.message : String(error)
    await deleteCycleSheets(db, cycle.id).catch(() => undefined)
    await setCycleStatus(db, cycle.id, 'failed').catch(() => undefined)
    await updateJob(db, jobId, { status: 'failed', error: message }).catch(() => undefined)
  }
}
