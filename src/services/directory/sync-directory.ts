import type { DirectorySyncResult } from '../../contracts/directory.ts'
import type { DirectoryKind } from '../../core/directory/directory-snapshot.ts'
import { type DirectoryPlan, planDirectorySync } from '../../core/directory/plan-directory-sync.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import {
  insertSyncDepartment,
  insertSyncEmployee,
  insertSyncRun,
  lastSuccessfulRun,
  loadSyncOrganisation,
  markEmployeeLeft,
  type SyncRunValues,
  setSyncManager,
  updateSyncEmployee,
} from '../../db/directory-sync-repository.ts'
import { findIdentityProvider } from '../../db/identity-provider-repository.ts'
import { lockCompany } from '../../db/organisation-repository.ts'
import { companyToday } from '../calendar/company-today.ts'
import type { ProviderEndpoints } from '../identity/provider-endpoints.ts'
import type { ProviderHttp } from './call-provider.ts'
import { createDirectoryClient, type DirectoryClient } from './directory-client.ts'

// Directory sync (通讯录同步): fetch the provider's directory, compare it with the company's organisation and
// either show the plan (preview) or write it in one transaction (apply). Nobody is ever deleted: people the
// directory no longer has are marked as left today (their login goes with the accounts sweep). The first apply
// of a provider needs a preview before it. Every run is recorded; every write is audited.

export type SyncDirectoryDeps = {
  db: Db
  now: () => Date
  http: ProviderHttp
  /** Where each provider's API is (tests and private deployments); the public address when absent. */
  baseUrls?: Partial<Record<DirectoryKind, string>>
}

export type SyncDirectoryRequest = {
  companyId: number
  kind: DirectoryKind
  mode: 'preview' | 'apply'
  trigger: 'web' | 'cli' | 'daily'
  actorUserId: number | null
}

export const providerLabel: Record<DirectoryKind, string> = {
  dingtalk: '钉钉',
  feishu: '飞书',
  wecom: '企业微信',
}

export type SyncCounts = SyncRunValues['counts']

export type DirectorySyncOutcome = {
  runId: number
  kind: DirectoryKind
  mode: 'preview' | 'apply'
  counts: SyncCounts
  plan: DirectoryPlan
}

function countsOf(plan: DirectoryPlan): SyncCounts {
  return {
    departmentsCreated: plan.departmentsToCreate.length,
    created: plan.created.length,
    changed: plan.changed.length,
    unchanged: plan.unchanged,
    markedLeft: plan.left.length,
    errors: plan.errors.length,
  }
}

const noCounts: SyncCounts = {
  departmentsCreated: 0,
  created: 0,
  changed: 0,
  unchanged: 0,
  markedLeft: 0,
  errors: 0,
}

/** The most error messages a run keeps (the preview shows them all). */
const keptMessages = 200

function messagesOf(plan: DirectoryPlan): string[] {
  return plan.errors
    .slice(0, keptMessages)
    .map((e) => (e.employeeNo ? `${e.employeeNo}${e.name ? ` ${e.name}` : ''}：${e.message}` : e.message))
}

async function clientFor(
  deps: SyncDirectoryDeps,
  companyId: number,
  kind: DirectoryKind,
): Promise<DirectoryClient> {
  const provider = await findIdentityProvider(deps.db, companyId, kind)
  if (!provider)
    throw new DomainError(
      'not_found',
      `尚未配置${providerLabel[kind]}：请先在「设置 → 通讯录与登录」填写应用凭证`,
    )
  if (!provider.enabled)
    throw new DomainError('invalid_state', `${providerLabel[kind]}已停用，不能同步通讯录`)
  return createDirectoryClient(
    kind,
    { clientId: provider.clientId, clientSecret: provider.clientSecret, corpId: provider.corpId },
    deps.http,
    deps.baseUrls?.[kind],
  )
}

/** Previews or applies one provider's directory for a company; a failure is recorded as a failed run and rethrown. */
export async function syncDirectory(
  deps: SyncDirectoryDeps,
  request: SyncDirectoryRequest,
): Promise<DirectorySyncOutcome> {
  const { companyId, kind, mode } = request
  const startedAt = deps.now()
  const client = await clientFor(deps, companyId, kind)
  if (mode === 'apply' && !(await lastSuccessfulRun(deps.db, companyId, kind, 'apply'))) {
    if (!(await lastSuccessfulRun(deps.db, companyId, kind, 'preview')))
      throw new DomainError(
        'invalid_state',
        `首次同步${providerLabel[kind]}通讯录前须先预览：请先查看同步预览，确认无误后再同步`,
      )
  }
  const record = (db: Db, status: 'ok' | 'failed', counts: SyncCounts, messages: string[]) =>
    insertSyncRun(db, {
      companyId,
      kind,
      mode,
      trigger: request.trigger,
      actorUserId: request.actorUserId,
      status,
      startedAt,
      finishedAt: deps.now(),
      counts,
      messages,
    })

  let snapshot: Awaited<ReturnType<DirectoryClient['fetchDirectory']>>
  try {
    snapshot = await client.fetchDirectory()
  } catch (error) {
    await record(deps.db, 'failed', noCounts, [(error as Error).message])
    throw error
  }

  if (mode === 'preview') {
    const today = await companyToday(deps.db, companyId, deps.now())
    const plan = planDirectorySync(snapshot, await loadSyncOrganisation(deps.db, companyId), today)
    const counts = countsOf(plan)
    const runId = await record(deps.db, 'ok', counts, messagesOf(plan))
    return { runId, kind, mode, counts, plan }
  }

  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockCompany(trx, companyId)
      const today = await companyToday(trx, companyId, deps.now())
      const current = await loadSyncOrganisation(trx, companyId)
      const plan = planDirectorySync(snapshot, current, today)
      await applyPlan(trx, deps.now(), request, current, plan)
      const counts = countsOf(plan)
      const runId = await record(trx, 'ok', counts, messagesOf(plan))
      await appendAudit(
        trx,
        {
          companyId,
          actorUserId: request.actorUserId,
          action: 'directory.sync',
          entity: 'directory',
          entityId: kind,
          after: { runId, trigger: request.trigger, ...counts },
        },
        deps.now(),
      )
      return { runId, kind, mode, counts, plan }
    })
  } catch (error) {
    await record(deps.db, 'failed', noCounts, [(error as Error).message])
    throw error
  }
}

/** Writes a plan: departments parents first, then people, then their managers, then the leavers. */
async function applyPlan(
  trx: Db,
  now: Date,
  request: SyncDirectoryRequest,
  current: Awaited<ReturnType<typeof loadSyncOrganisation>>,
  plan: DirectoryPlan,
): Promise<void> {
  const { companyId } = request
  const audit = (action: string, entity: string, entityId: number, before: unknown, after: unknown) =>
    appendAudit(
      trx,
      {
        companyId,
        actorUserId: request.actorUserId,
        action,
        entity,
        entityId,
        before,
        after,
        reason: `directory.sync ${request.kind}`,
      },
      now,
    )
  const departmentId = new Map(current.departments.map((d) => [d.name, d.id]))
  for (const d of plan.departmentsToCreate) {
    const parentId = d.parentName ? (departmentId.get(d.parentName) ?? null) : null
    const id = await insertSyncDepartment(trx, companyId, { name: d.name, parentId })
    departmentId.set(d.name, id)
    await audit('department.create', 'department', id, undefined, { name: d.name, parentId })
  }
  const idOf = (name: string | null) => (name ? (departmentId.get(name) ?? null) : null)

  const employeeId = new Map(current.employees.map((e) => [e.employeeNo, e.id]))
  const created: { id: number; managerNo: string | null }[] = []
  for (const p of plan.created) {
    const values = {
      employeeNo: p.employeeNo,
      name: p.name,
      departmentId: idOf(p.departmentName),
      phone: p.phone,
      email: p.email,
      hireDate: p.hireDate,
    }
    const id = await insertSyncEmployee(trx, companyId, values)
    employeeId.set(p.employeeNo, id)
    created.push({ id, managerNo: p.managerNo })
    await audit('employee.create', 'employee', id, undefined, {
      ...values,
      managerNo: p.managerNo,
      status: 'active',
    })
  }
  const managerIdOf = (no: string | null) => (no ? (employeeId.get(no) ?? null) : null)
  for (const c of created)
    if (c.managerNo) await setSyncManager(trx, companyId, c.id, managerIdOf(c.managerNo))

  const byId = new Map(current.employees.map((e) => [e.id, e]))
  for (const c of plan.changed) {
    const before = byId.get(c.employeeId)!
    const p = c.person
    await updateSyncEmployee(trx, companyId, c.employeeId, {
      name: p.name,
      departmentId: idOf(p.departmentName),
      managerId: managerIdOf(p.managerNo),
      phone: p.phone,
      email: p.email,
      hireDate: p.hireDate,
      reactivate: c.reactivate,
    })
    const fields = Object.fromEntries(c.changes.map((x) => [x.field, x.from]))
    const after = Object.fromEntries(c.changes.map((x) => [x.field, x.to]))
    await audit(
      'employee.update',
      'employee',
      before.id,
      { employeeNo: before.employeeNo, ...fields },
      { employeeNo: before.employeeNo, ...after },
    )
  }
  for (const l of plan.left) {
    const before = byId.get(l.employeeId)!
    await markEmployeeLeft(trx, companyId, l.employeeId, l.leaveDate)
    await audit(
      'employee.leave',
      'employee',
      l.employeeId,
      { employeeNo: before.employeeNo, status: before.status, leaveDate: before.leaveDate },
      { employeeNo: before.employeeNo, status: 'left', leaveDate: l.leaveDate },
    )
  }
}

/** The outcome as the API and the CLI show it. */
export function describeSyncOutcome(outcome: DirectorySyncOutcome): DirectorySyncResult {
  const { plan } = outcome
  return {
    runId: outcome.runId,
    kind: outcome.kind,
    mode: outcome.mode,
    counts: outcome.counts,
    departmentsToCreate: plan.departmentsToCreate,
    created: plan.created.map((p) => ({
      employeeNo: p.employeeNo,
      name: p.name,
      department: p.departmentName,
      managerNo: p.managerNo,
      phone: p.phone,
      email: p.email,
      hireDate: p.hireDate,
    })),
    changed: plan.changed.map((c) => ({
      employeeNo: c.person.employeeNo,
      name: c.person.name,
      changes: c.changes,
    })),
    left: plan.left.map((l) => ({ employeeNo: l.employeeNo, name: l.name, leaveDate: l.leaveDate })),
    errors: plan.errors,
  }
}

/** Where each provider's contact API is, from the server's endpoint settings (env-overridable). */
export function directoryBaseUrls(endpoints: ProviderEndpoints): Record<DirectoryKind, string> {
  return { dingtalk: endpoints.dingtalkOapi, feishu: endpoints.feishuApi, wecom: endpoints.wecomApi }
}
