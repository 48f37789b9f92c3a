import Decimal from 'decimal.js'
import type { PayEmployee } from '../../contracts/pay.ts'
import type {
  ChangedRuleDto,
  Simulation,
  SimulationRequest,
  SimulationRow,
} from '../../contracts/simulations.ts'
import { DomainError } from '../../core/errors.ts'
import { metricPeriodOf } from '../../core/metrics/metric-period-of.ts'
import type { PayScheme } from '../../core/pay/pay-scheme.ts'
import { validatePayScheme } from '../../core/pay/validate-pay-scheme.ts'
import { isoWeeksOfPeriod } from '../../core/sampling/apply-sampling-source.ts'
import { createScoreMemo } from '../../core/scoring/score-memo.ts'
import { findChangedRules, type SideResult } from '../../core/simulation/find-changed-rules.ts'
import { totalByDepartment } from '../../core/simulation/total-by-department.ts'
import type { Template } from '../../core/templates/template.ts'
import type { ReviewInputs } from '../../core/workflow/build-sheet-inputs.ts'
import { scoredSheetStates } from '../../core/workflow/sheet-workflow.ts'
import {
  countCycleSheetsByState,
  listCycleNames,
  listCycleTemplateVersions,
  listScoredTotals,
} from '../../db/cycle-compute-queries.ts'
import { insertJob, updateJob } from '../../db/cycle-job-repository.ts'
import { type CycleRecord, findCycle } from '../../db/cycle-repository.ts'
import { listPayItems, type PayItemRow } from '../../db/pay-repository.ts'
import { listPeriodSamples } from '../../db/period-sample-queries.ts'
import type { SheetPatch } from '../../db/sheet-repository.ts'
import {
  listScoredSheetsWithPeerReviews,
  listTemplateVersionsByIds,
  type SimulationSheet,
} from '../../db/simulation-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { currentProcessOwner } from '../jobs/process-owner.ts'
import { computePaySheet, payOf } from '../pay/compute-pay-sheet.ts'
import { loadLeaverLookup } from '../sheets/create-leaver-lookup.ts'
import { createMetricLookup, type MetricLookup } from '../sheets/create-metric-lookup.ts'
import { hasSampledIndicator, scoreSheetRow } from '../sheets/score-sheet-row.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { findTemplateIssues } from '../templates/check-template.ts'

// What-if before publishing (issue 16 part 10): a draft template (a saved version or the editor's unsaved
// definition) and/or a pay scheme tried on a finished cycle. Both sides are computed afresh from the sheets'
// inputs by the same functions computing a cycle and its pay sheet use (scoreSheetRow, computePaySheet's inputs
// and payOf), so a difference is the draft's and nothing else's; nothing is written but the job's own row.

export const simulationJobKind = 'cycle.simulate'

/** Sheets scored between turns of the event loop (the embedded database runs on this thread too). */
const sheetsPerTurn = 25
/** Sheets between progress writes. */
const progressEvery = 250

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

type Draft = { template?: Template; templateVersion?: { id: number; templateId: number; version: number } }

/** Starts a simulation of `request` on a finished cycle as a job; the job's result holds the comparison. */
export async function simulateCycle(
  deps: WorkflowDeps,
  actor: Actor,
  cycleId: number,
  request: SimulationRequest,
): Promise<{ simulationId: number; jobId: number; completion: Promise<Simulation | undefined> }> {
  if (actor.role !== 'admin' && actor.role !== 'hr' && actor.role !== 'finance')
    throw new DomainError(
      'forbidden',
      '只有管理员、人力资源和财务可以模拟 / only admins, HR and finance may simulate',
    )
  const db = deps.db
  const cycle = await findCycle(db, actor.companyId, cycleId)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在 / cycle ${cycleId} not found`)
  const draft: Draft = {}
  if (request.template !== undefined) {
    const issues = findTemplateIssues(request.template)
    if (issues.length > 0)
      throw new DomainError(
        'invalid_input',
        `模板草稿有 ${issues.length} 处问题 / the draft template has ${issues.length} problem(s)`,
        issues.map((i) => ({
          path: `template.${i.path}`,
          message: i.messageEn ? `${i.message} / ${i.messageEn}` : i.message,
        })),
      )
    draft.template = request.template as Template
  }
  if (request.templateVersionId !== undefined) {
    const [found] = await listTemplateVersionsByIds(db, actor.companyId, [request.templateVersionId])
    if (!found)
      throw new DomainError('invalid_input', `模板版本 ${request.templateVersionId} 不存在`, [
        {
          path: 'templateVersionId',
          message: `模板版本 ${request.templateVersionId} 不存在 / no such template version`,
        },
      ])
    draft.template = found.definition as Template
    draft.templateVersion = { id: found.id, templateId: found.templateId, version: found.version }
  }
  const payScheme = request.payScheme as PayScheme | undefined
  if (payScheme) {
    const issues = validatePayScheme(payScheme)
    if (issues.length > 0)
      throw new DomainError(
        'invalid_input',
        issues.map((i) => i.message['zh-CN']).join('；'),
        issues.map((i) => ({
          path: `payScheme.${i.path}`,
          message: `${i.message['zh-CN']} / ${i.message.en}`,
        })),
      )
  }
  const byState = await countCycleSheetsByState(db, cycleId)
  if (!scoredSheetStates.some((s) => (byState[s] ?? 0) > 0))
    throw new DomainError(
      'invalid_state',
      `考核周期“${cycle.name}”还没有已计算的考核表，无法模拟 / the cycle has no computed sheets to simulate on`,
    )
  const jobId = await insertJob(db, {
    companyId: actor.companyId,
    kind: simulationJobKind,
    params: {
      cycleId,
      templateVersionId: request.templateVersionId ?? null,
      templateCode: draft.template?.code ?? null,
      paySchemeCode: payScheme?.code ?? null,
    },
    userId: actor.userId,
    owner: currentProcessOwner(),
  })
  const completion = runSimulation(deps, actor, cycle, jobId, draft, {
    scheme: payScheme,
    positionIds: new Set(request.payPositionIds ?? []),
  }).catch(async (error: unknown) => {
    await updateJob(db, jobId, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    }).catch(() => undefined)
    return undefined
  })
  return { simulationId: jobId, jobId, completion }
}

/** A sheet's scored result, or why it could not be scored. */
type Scored = { patch: SheetPatch } | { problem: { 'zh-CN': string; en: string } }

const problemOf = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  return { 'zh-CN': `无法计分：${message}`, en: `cannot be scored: ${message}` }
}

async function runSimulation(
  deps: WorkflowDeps,
  actor: Actor,
  cycle: CycleRecord,
  jobId: number,
  draft: Draft,
  pay: { scheme: PayScheme | undefined; positionIds: Set<number> },
): Promise<Simulation> {
  const db = deps.db
  const sheets = await listScoredSheetsWithPeerReviews(db, actor.companyId, cycle.id)
  await updateJob(db, jobId, { status: 'running', total: sheets.length, done: 0 })

  // Today's template versions, and for each the draft it is compared with (itself when the draft is not its).
  const pinned = new Map<number, Template>()
  for (const v of await listCycleTemplateVersions(db, cycle.id)) pinned.set(v.id, v.definition as Template)
  const versionInfo = new Map(
    (await listTemplateVersionsByIds(db, actor.companyId, [...pinned.keys()])).map((v) => [v.id, v]),
  )
  const drafted = new Map<number, Template>()
  for (const [id, template] of pinned) {
    const info = versionInfo.get(id)
    const applies =
      draft.template !== undefined &&
      (draft.templateVersion
        ? info?.templateId === draft.templateVersion.templateId
        : (info?.code ?? template.code) === draft.template.code)
    // An unchanged draft is today's template itself: the same rules give the same results, scored once.
    const same = !applies || JSON.stringify(draft.template) === JSON.stringify(template)
    drafted.set(id, same ? template : draft.template!)
  }

  const metrics: MetricLookup = createMetricLookup(db, actor.companyId, metricPeriodOf(cycle))
  for (const t of new Set([...pinned.values(), ...drafted.values()]))
    await metrics.actualsFor(t, { employee_id: 0, department_id: null })
  const sourceIds = cycle.settings.rollup?.sources.map((s) => s.cycleId) ?? []
  const sourceNames = await listCycleNames(db, sourceIds)
  const sourceTotals = await listScoredTotals(
    db,
    sourceIds,
    sheets.map((s) => s.employee_id),
  )

  // The weekly samples (每周抽查) of the period, read as compute reads them, for templates with an indicator fed by them.
  const sampleWeeks = isoWeeksOfPeriod(cycle.periodStart, cycle.periodEnd)
  const samples = [...pinned.values(), ...drafted.values()].some(hasSampledIndicator)
    ? await listPeriodSamples(
        db,
        actor.companyId,
        sheets.map((s) => s.employee_id),
        sampleWeeks,
      )
    : undefined

  // The period's leavers, read as compute reads them, for rows that count them from the organisation (002 T9).
  const leavers = await loadLeaverLookup(
    db,
    actor.companyId,
    { start: cycle.periodStart, end: cycle.periodEnd },
    [...pinned.values(), ...drafted.values()],
  )

  // One memo for both sides: indicators the draft shares by identity with today's are scored once.
  const memo = createScoreMemo()
  const score = async (sheet: SimulationSheet, template: Template): Promise<Scored> => {
    const perEmployee = new Map<number, number>()
    for (const id of sourceIds) {
      const total = sourceTotals.get(`${id}:${sheet.employee_id}`)
      if (total !== undefined) perEmployee.set(id, total)
    }
    try {
      return {
        patch: scoreSheetRow(sheet, {
          template,
          metricActuals: await metrics.actualsFor(template, sheet),
          peerReviews: sheet.peer_list.map((p) => ({
            indicators: p.indicators as ReviewInputs['indicators'],
            comment: p.comment ?? undefined,
          })),
          settings: cycle.settings,
          sourceTotals: perEmployee,
          sourceNames,
          memo,
          leaverSources: leavers.leaversFor(template, sheet),
          ...(samples && hasSampledIndicator(template)
            ? { periodSamples: { weeks: sampleWeeks, samples: samples.get(sheet.employee_id) ?? [] } }
            : {}),
        }),
      }
    } catch (error) {
      return { problem: problemOf(error) }
    }
  }
  const scored: { sheet: SimulationSheet; today: Scored; draft: Scored }[] = []
  for (const [i, sheet] of sheets.entries()) {
    if (i > 0 && i % sheetsPerTurn === 0) await nextTurn()
    if (i > 0 && i % progressEvery === 0) await updateJob(db, jobId, { done: i })
    const todayTemplate = pinned.get(sheet.template_version_id)!
    const draftTemplate = drafted.get(sheet.template_version_id)!
    const today = await score(sheet, todayTemplate)
    scored.push({
      sheet,
      today,
      draft: draftTemplate === todayTemplate ? today : await score(sheet, draftTemplate),
    })
  }

  // Pay: each person's inputs as the pay sheet reads them (entered, imported, revised reviews) and the scheme
  // they are paid by, then payOf on each side's score.
  const schemesUsed = new Map<number, PayScheme>()
  const paySheet = await computePaySheet(db, actor.companyId, cycle, schemesUsed)
  const payEmployees = new Map(paySheet.employees.map((e) => [e.employeeId, e]))
  const items = await listPayItems(db, actor.companyId, cycle.id)
  const itemsByEmployee = new Map<number, PayItemRow[]>()
  for (const item of items)
    itemsByEmployee.set(item.employeeId, [...(itemsByEmployee.get(item.employeeId) ?? []), item])

  const names = new Map<string, string>()
  for (const t of [...pinned.values(), ...drafted.values()]) {
    for (const d of t.dimensions) for (const ind of d.indicators) names.set(ind.key, ind.name)
    for (const a of t.adjustments ?? []) names.set(a.key, a.name)
  }

  const rows: SimulationRow[] = scored.map(({ sheet, today, draft: drafted }) => {
    const employee = payEmployees.get(sheet.employee_id)
    const todayScheme = schemesUsed.get(sheet.employee_id)
    const draftScheme =
      pay.scheme &&
      ((todayScheme && todayScheme.code === pay.scheme.code) ||
        (sheet.position_id !== null && pay.positionIds.has(sheet.position_id)))
        ? pay.scheme
        : todayScheme
    const problems: SimulationRow['problems'] = []
    const side = (result: Scored, scheme: PayScheme | undefined, label: { zh: string; en: string }) => {
      if ('problem' in result) {
        problems.push({
          'zh-CN': `${label.zh}${result.problem['zh-CN']}`,
          en: `${label.en}${result.problem.en}`,
        })
        return { total: null, grade: null, coefficient: null, pay: null, lines: null, score: null }
      }
      const patch = result.patch
      const total = patch.total ?? null
      const coefficient = patch.coefficient ?? null
      const paid = payFor(
        scheme,
        employee,
        { total, coefficient },
        itemsByEmployee.get(sheet.employee_id) ?? [],
      )
      if (typeof paid === 'object' && 'problem' in paid)
        problems.push({ 'zh-CN': `${label.zh}${paid.problem['zh-CN']}`, en: `${label.en}${paid.problem.en}` })
      const payResult = paid && 'total' in paid ? paid : null
      return {
        total,
        grade: patch.grade ?? null,
        coefficient,
        pay: payResult?.total ?? null,
        lines: payResult?.lines ?? null,
        score: patch.score as SideResult['score'],
      }
    }
    const a = side(today, todayScheme, { zh: '现行规则：', en: 'today: ' })
    const b = side(drafted, draftScheme, { zh: '草稿：', en: 'draft: ' })
    if (!employee || employee.problems.length > 0 || !todayScheme) {
      if (!draftScheme) problems.push({ 'zh-CN': '没有薪酬方案，不计薪酬', en: 'no pay scheme: no pay' })
    }
    const delta = {
      total: difference(a.total, b.total),
      coefficient: difference(a.coefficient, b.coefficient),
      pay: difference(a.pay, b.pay),
    }
    // A result moves when its score, grade, coefficient or pay does; only then are the rules behind it listed
    // (a draft can move points between indicators and leave a person's result where it was).
    const changed =
      a.grade !== b.grade ||
      [delta.total, delta.coefficient, delta.pay].some((d) => d !== null && !new Decimal(d).isZero()) ||
      (a.total === null) !== (b.total === null) ||
      (a.pay === null) !== (b.pay === null)
    const changes: ChangedRuleDto[] =
      changed && a.score && b.score
        ? findChangedRules(
            { score: a.score, total: a.total, grade: a.grade, coefficient: a.coefficient, payLines: a.lines },
            { score: b.score, total: b.total, grade: b.grade, coefficient: b.coefficient, payLines: b.lines },
            names,
          )
        : []
    const strip = ({ total, grade, coefficient, pay: amount }: typeof a) => ({
      total,
      grade,
      coefficient,
      pay: amount,
    })
    return {
      sheetId: sheet.id,
      employeeId: sheet.employee_id,
      employeeNo: sheet.employee_no,
      employeeName: sheet.employee_name,
      departmentName: sheet.department_name,
      positionName: sheet.position_name,
      today: strip(a),
      draft: strip(b),
      delta,
      changed,
      changes,
      problems,
    }
  })
  const { departments, all } = totalByDepartment(rows)
  const simulation: Simulation = {
    id: jobId,
    cycleId: cycle.id,
    cycleName: cycle.name,
    subject: {
      template: draft.template
        ? {
            code: draft.template.code,
            name: draft.template.name,
            version: draft.templateVersion?.version ?? null,
          }
        : null,
      payScheme: pay.scheme ? { code: pay.scheme.code, name: pay.scheme.name } : null,
    },
    rows,
    departments,
    all,
    createdAt: deps.now().toISOString(),
  }
  await updateJob(db, jobId, { status: 'succeeded', done: sheets.length, result: { simulation } })
  return simulation
}

/** draft − today to 2 decimals (scores, coefficients and money all are), or null when either side has none. */
function difference(today: string | null, draft: string | null): string | null {
  if (today === null || draft === null) return null
  return new Decimal(draft).minus(today).toFixed(2)
}

/** One side's pay: the scheme on the person's pay inputs and this side's score; undefined without a scheme. */
function payFor(
  scheme: PayScheme | undefined,
  employee: PayEmployee | undefined,
  sheet: { total: string | null; coefficient: string | null },
  items: readonly PayItemRow[],
): ReturnType<typeof payOf> | { problem: { 'zh-CN': string; en: string } } | undefined {
  if (!scheme || sheet.total === null) return undefined
  const values: Record<string, string> = {}
  for (const [name, input] of Object.entries(employee?.inputs ?? {}))
    if (input.value !== null && input.value !== undefined) values[name] = input.value
  try {
    const result = payOf(
      scheme,
      {
        total: Number(sheet.total),
        coefficient: sheet.coefficient === null ? null : Number(sheet.coefficient),
      },
      values,
      items,
    )
    const adjustments = employee?.adjustmentsTotal ?? '0.00'
    return new Decimal(adjustments).isZero()
      ? result
      : { ...result, total: new Decimal(result.total).plus(adjustments).toFixed(2) }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    const detail = [error.message, ...error.issues.map((i) => `${i.path}: ${i.message}`)].join('；')
    return { problem: { 'zh-CN': `薪酬无法计算：${detail}`, en: `pay cannot be computed: ${detail}` } }
  }
}
