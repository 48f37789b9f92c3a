import { DomainError } from '../../core/errors.ts'
import { metricPeriodOf } from '../../core/metrics/metric-period-of.ts'
import { isoWeeksOfPeriod } from '../../core/sampling/apply-sampling-source.ts'
import type { Template } from '../../core/templates/template.ts'
import type { ReviewInputs } from '../../core/workflow/build-sheet-inputs.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { writeComputedScores } from '../../db/computed-score-writer.ts'
import {
  countCycleSheetsByState,
  listCycleNames,
  listCycleSheetIdsInState,
  listCycleTemplateVersions,
  listScoredTotals,
  lockSheetsWithPeerReviews,
} from '../../db/cycle-compute-queries.ts'
import { insertJob, updateJob } from '../../db/cycle-job-repository.ts'
import { type CycleSettings, findCycle } from '../../db/cycle-repository.ts'
import type { Db } from '../../db/database.ts'
import { listPeriodSamples } from '../../db/period-sample-queries.ts'
import { listSheetSummaries } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { currentProcessOwner } from '../jobs/process-owner.ts'
import { type LeaverLookup, loadLeaverLookup } from '../sheets/create-leaver-lookup.ts'
import { createMetricLookup, type MetricLookup } from '../sheets/create-metric-lookup.ts'
import { notifyFeedbackDue } from '../sheets/notify-feedback-due.ts'
import { hasSampledIndicator } from '../sheets/score-sheet-row.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import type { HeldSheet, ScoredSheet, SliceSheet } from './score-slice.ts'
import { type SliceScorer, scorerFor } from './scoring-thread.ts'

/** Sheets scored and written per transaction (fewer, larger batches: each costs a lock, commit and audit row). */
export const computeBatchSize = 1000

/** Sheets per UPDATE within a batch: a slice is written while the next one is scored. The first slice is
 * small so the database starts writing early; later ones are larger (each statement has its own cost). */
const firstWriteSlice = 100
const computeWriteSlice = 300

/**
 * Computes every sheet of a cycle whose supervisor review is in (上级已评分 → 已计算) as a job: per batch,
 * one transaction locks the rows, scores them with the engine, writes the scores and one event per sheet
 * with one statement per slice, one audit row listing every sheet's before and after, and tells each
 * reviewer the feedback meeting is due. Sheets in other states are left alone (and counted). A sheet whose
 * missing inputs are declared 'block' (缺少数据) stays where it is and is listed in the job's result with the
 * person and the items to enter (`held`).
 */
export async function computeCycle(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  /** Score on the scoring thread (scoring-thread.ts): when the job is large (default), always, or never. */
  options: { scoringThread?: boolean | 'when large' } = {},
): Promise<{ jobId: number; completion: Promise<void> }> {
  if (actor.role !== 'admin' && actor.role !== 'hr')
    throw new DomainError('forbidden', '只有管理员和人力资源可以计算考核周期')
  const db = deps.db
  const cycle = await findCycle(db, actor.companyId, cycleId)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
  if (cycle.status !== 'open')
    throw new DomainError(
      'invalid_state',
      `考核周期“${cycle.name}”的状态为 ${cycle.status}，只有已开启的周期可以计算`,
      [],
      {
        state: cycle.status,
      },
    )
  const jobId = await insertJob(db, {
    companyId: actor.companyId,
    kind: 'cycle.compute',
    params: { cycleId },
    userId: actor.userId,
    owner: currentProcessOwner(),
  })
  const metrics = createMetricLookup(deps.db, actor.companyId, metricPeriodOf(cycle))
  const completion = runComputeJob(
    deps,
    actor,
    {
      id: cycleId,
      name: cycle.name,
      settings: cycle.settings,
      sampleWeeks: isoWeeksOfPeriod(cycle.periodStart, cycle.periodEnd),
      period: { start: cycle.periodStart, end: cycle.periodEnd },
    },
    jobId,
    metrics,
    options.scoringThread ?? 'when large',
  )
  return { jobId, completion }
}

/** The cycle as a compute job reads it: its settings and the ISO weeks its weekly samples (每周抽查) fall in. */
type ComputedCycle = {
  id: number
  name: string
  settings: CycleSettings
  sampleWeeks: string[]
  /** The period's first and last days (leavers within it are counted, 002 T9). */
  period: { start: string; end: string }
}

async function runComputeJob(
  deps: WorkflowDeps,
  actor: Actor,
  cycle: ComputedCycle,
  jobId: number,
  metrics: MetricLookup,
  scoringThread: boolean | 'when large',
): Promise<void> {
  const db = deps.db
  const cycleId = cycle.id
  let scorer: SliceScorer | undefined
  try {
    const ids = await listCycleSheetIdsInState(db, actor.companyId, cycleId, 'supervisor_submitted')
    await updateJob(db, jobId, { status: 'running', total: ids.length, done: 0 })
    const templates = new Map<number, Template>()
    // Read the imported metrics before any batch transaction opens (the embedded engine has one connection).
    const versions = await listCycleTemplateVersions(db, cycleId)
    for (const v of versions) {
      templates.set(v.id, v.definition as Template)
      await metrics.actualsFor(v.definition as Template, { employee_id: 0, department_id: null })
    }
    const sourceIds = cycle.settings.rollup?.sources.map((s) => s.cycleId) ?? []
    const sourceNames = await listCycleNames(db, sourceIds)
    // The period's leavers, read once, for indicators that count them from the organisation (002 T9).
    const leavers = await loadLeaverLookup(db, actor.companyId, cycle.period, templates.values())
    // One scorer (and memo) for the job: sheets with equal inputs share their indicator scores and explanations.
    scorer = scorerFor({ templates, settings: cycle.settings, sourceNames }, ids.length, scoringThread)
    const held: HeldSheet[] = []
    const outcome = async (trx: Db, computed: number) => ({
      computed,
      byState: await countCycleSheetsByState(trx, cycleId),
      held: await nameHeldSheets(trx, actor.companyId, cycleId, held),
    })
    let computed = 0
    for (let i = 0; i < ids.length; i += computeBatchSize) {
      const batch = ids.slice(i, i + computeBatchSize)
      const isLast = i + computeBatchSize >= ids.length
      // The progress is written in the batch's transaction, and the last batch's also records the outcome:
      // one commit (one WAL flush) per batch and nothing after.
      const batchScorer = scorer
      computed += await deps.db.transaction().execute(async (trx) => {
        const n = await computeBatch(trx, trx, actor, cycle, batch, {
          templates,
          metrics,
          leavers,
          scorer: batchScorer,
          now: deps.now(),
          held,
        })
        const done = Math.min(ids.length, i + batch.length)
        if (isLast)
          await updateJob(trx, jobId, {
            status: 'succeeded',
            done,
            result: await outcome(trx, computed + n),
          })
        else await updateJob(trx, jobId, { done })
        return n
      })
    }
    if (ids.length === 0) await updateJob(db, jobId, { status: 'succeeded', result: await outcome(db, 0) })
  } catch (error) {
    await updateJob(db, jobId, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    }).catch(() => undefined)
  } finally {
    scorer?.end()
  }
}

async function computeBatch(
  trx: Parameters<typeof appendAudit>[0],
  db: Db,
  actor: Actor,
  cycle: ComputedCycle,
  ids: number[],
  job: {
    templates: Map<number, Template>
    metrics: MetricLookup
    leavers: LeaverLookup
    scorer: SliceScorer
    now: Date
    /** Collects the sheets held by missing data. */
    held: HeldSheet[]
  },
): Promise<number> {
  const { templates, metrics, scorer, now } = job
  const cycleId = cycle.id
  const cycleName = cycle.name
  const rows = await lockSheetsWithPeerReviews(db, ids, 'supervisor_submitted')
  if (rows.length === 0) return 0
  const missingVersions = [...new Set(rows.map((r) => r.template_version_id))].filter(
    (v) => !templates.has(v),
  )
  if (missingVersions.length > 0)
    throw new Error(`考核表的模板版本 ${missingVersions.join('、')} 在计算开始后才出现，请重新计算`)
  const sourceIds = cycle.settings.rollup?.sources.map((s) => s.cycleId) ?? []
  const sourceTotals = await listScoredTotals(
    db,
    sourceIds,
    rows.map((r) => r.employee_id),
  )
  // The weekly sample scores, read once per batch and only for sheets whose template has a sampled indicator.
  const sampledRows = rows.filter((r) => hasSampledIndicator(templates.get(r.template_version_id)!))
  const samples =
    sampledRows.length > 0
      ? await listPeriodSamples(
          db,
          actor.companyId,
          sampledRows.map((r) => r.employee_id),
          cycle.sampleWeeks,
        )
      : undefined
  // Scoring is CPU work and the writes are database work: each slice's UPDATE is sent as soon as the slice is
  // scored, so the database writes it while the next slice is scored (one connection: the writes queue).
  const results: ScoredSheet[] = []
  const writes: Promise<unknown>[] = []
  const send = (write: Promise<unknown>) => {
    // Awaited below with Promise.all; the early catch only keeps a failure from counting as unhandled meanwhile.
    write.catch(() => undefined)
    writes.push(write)
  }
  const slices: Promise<void>[] = []
  for (let from = 0; from < rows.length; ) {
    const to = from + (from === 0 ? firstWriteSlice : computeWriteSlice)
    const sheets: SliceSheet[] = []
    for (const { peer_list: peerList, ...row } of rows.slice(from, to)) {
      const template = templates.get(row.template_version_id)!
      const perEmployee = new Map<number, number>()
      for (const id of sourceIds) {
        const total = sourceTotals.get(`${id}:${row.employee_id}`)
        if (total !== undefined) perEmployee.set(id, total)
      }
      sheets.push({
        row,
        metricActuals: await metrics.actualsFor(template, row),
        leaverSources: job.leavers.leaversFor(template, row),
        peerReviews: peerList.map((p) => ({
          indicators: p.indicators as ReviewInputs['indicators'],
          comment: p.comment ?? undefined,
          kind: p.kind,
          pending: p.pending,
          keys: p.keys ?? undefined,
        })),
        sourceTotals: perEmployee,
        ...(samples && hasSampledIndicator(template)
          ? {
              periodSamples: {
                weeks: cycle.sampleWeeks,
                samples: samples.get(row.employee_id) ?? [],
              },
            }
          : {}),
      })
    }
    // Slices are scored in order (inline, or queued on the scoring thread) and each is written as it arrives.
    const scored = scorer.score(sheets).then(({ payload, sheets: slice, held }) => {
      results.push(...slice)
      job.held.push(...held)
      if (slice.length === 0) return
      // The slice's scores and its events in one statement: one event per sheet written, in sheet order.
      send(
        writeComputedScores(db, {
          companyId: actor.companyId,
          scores: payload,
          fromState: 'supervisor_submitted',
          actorUserId: actor.userId,
          party: actor.role,
          reason: `批量计算：${cycleName}`,
          now,
        }),
      )
    })
    scored.catch(() => undefined)
    slices.push(scored)
    from = to
  }
  await Promise.all(slices)
  if (results.length === 0) {
    await Promise.all(writes)
    return 0
  }
  // Tell each reviewer (and the group robot) once per batch that the feedback meetings are due.
  send(
    notifyFeedbackDue(db, {
      companyId: actor.companyId,
      cycle: { id: cycleId, name: cycleName },
      sheetIds: results.map((r) => r.id),
      now,
    }),
  )
  // The audit row's queries queue behind the writes; a failed write is reported before the audit's own error.
  const audited = appendAudit(
    trx,
    {
      companyId: actor.companyId,
      actorUserId: actor.userId,
      action: 'sheet.compute_batch',
      entity: 'cycle',
      entityId: cycleId,
      // Keys in sorted order, as the audit hash reads them (it then has nothing to sort).
      before: rows.map((r) => ({ sheetId: r.id, state: r.state, total: r.total, version: r.version })),
      after: results.map((r) => ({
        grade: r.grade,
        sheetId: r.id,
        state: 'computed',
        total: r.total,
      })),
      reason: `批量计算 ${results.length} 张考核表`,
    },
    now,
  )
  audited.catch(() => undefined)
  await Promise.all(writes)
  await audited
  return results.length
}

/** A sheet held by missing data, named for the board and the CLI: who, where, and which items to enter. */
export type HeldSheetSummary = {
  sheetId: number
  employeeName: string
  departmentName: string | null
  items: { key: string; name: string }[]
}

/** Names the held sheets' people (one listing of the cycle's uncomputed sheets, only when some were held). */
async function nameHeldSheets(
  db: Db,
  companyId: number,
  cycleId: number,
  held: readonly HeldSheet[],
): Promise<HeldSheetSummary[]> {
  if (held.length === 0) return []
  const sheets = await listSheetSummaries(db, companyId, {
    cycleId,
    states: ['supervisor_submitted'],
    limit: 100_000,
  })
  const byId = new Map(sheets.map((s) => [s.id, s]))
  return held.map((h) => ({
    sheetId: h.id,
    employeeName: byId.get(h.id)?.employeeName ?? '',
    departmentName: byId.get(h.id)?.departmentName ?? null,
    items: h.items,
  }))
}
