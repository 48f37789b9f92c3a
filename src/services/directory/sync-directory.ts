import type { DirectorySyncResult } from '../../contracts/directory.ts'
import { planDirectoryRoster } from '../../core/directory/directory-roster-rows.ts'
import type { DirectoryKind } from '../../core/directory/directory-snapshot.ts'
import { DomainError } from '../../core/errors.ts'
import type { RosterChange, RosterPlan } from '../../core/roster/plan-roster-changes.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { insertSyncRun, lastSuccessfulRun, type SyncRunValues } from '../../db/directory-sync-repository.ts'
import { findIdentityProvider } from '../../db/identity-provider-repository.ts'
import { lockCompany } from '../../db/organisation-repository.ts'
import { loadRosterOrganisation } from '../../db/roster-repository.ts'
import { companyToday } from '../calendar/company-today.ts'
import type { ProviderEndpoints } from '../identity/provider-endpoints.ts'
import { type PlannedOrganisation, writeRosterPlan } from '../roster/write-roster-plan.ts'
import type { ProviderHttp } from './call-provider.ts'
import { createDirectoryClient, type DirectoryClient } from './directory-client.ts'

// Directory sync (通讯录同步): fetch the provider's directory, plan it as roster rows with the roster's planner
// and either show the plan (preview) or write it with the roster's writer in one transaction (apply). Nobody is ever deleted: people the
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
  /** What the run does (preview) or did (apply), as the API and the CLI show it. */
  plan: Omit<DirectorySyncResult, 'runId' | 'kind' | 'mode' | 'counts'>
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

function messagesOf(plan: DirectorySyncOutcome['plan']): string[] {
  return plan.errors
    .slice(0, keptMessages)
    .map((e) => (e.employeeNo ? `${e.employeeNo}${e.name ? ` ${e.name}` : ''}：${e.message}` : e.message))
}

/** The directory planned as roster rows against the organisation as it is: nobody deleted, leavers marked. */
function planDirectory(
  snapshot: Awaited<ReturnType<DirectoryClient['fetchDirectory']>>,
  org: PlannedOrganisation,
  today: string,
): { plan: RosterPlan; shown: DirectorySyncOutcome['plan']; counts: SyncCounts } {
  const { roster, plan } = planDirectoryRoster(snapshot, org, today)
  const rowByNumber = new Map(roster.rows.map((r) => [r.row, r]))
  const issueOf = (i: RosterPlan['errors'][number]) => {
    const row = rowByNumber.get(i.row)
    return { employeeNo: row?.employeeNo ?? null, name: row?.name ?? null, message: i.message }
  }
  const nameByNo = new Map(org.people.map((p) => [p.employeeNo, p.name]))
  for (const r of plan.rows) if (r.values) nameByNo.set(r.employeeNo, r.values.name)
  const label = (no: string | null) => (no ? `${no}${nameByNo.has(no) ? ` ${nameByNo.get(no)}` : ''}` : null)
  // The directory's view of a change: the manager as "工号 姓名"; a returning person's cleared leave date is the
  // status change already shown.
  const shownChange = (c: RosterChange): DirectorySyncResult['changed'][number]['changes'] => {
    if (c.field === 'managerNo') return [{ field: 'manager', from: label(c.from), to: label(c.to) }]
    if (c.field === 'leaveDate' || c.field === 'position') return []
    return [{ field: c.field, from: c.from, to: c.to }]
  }
  const shown: DirectorySyncOutcome['plan'] = {
    departmentsToCreate: plan.departmentsToCreate,
    created: plan.rows
      .filter((r) => r.action === 'create')
      .map((r) => {
        const v = r.values!
        const { department, managerNo, phone, email, hireDate } = v
        return { employeeNo: r.employeeNo, name: v.name, department, managerNo, phone, email, hireDate }
      }),
    changed: plan.rows
      .filter((r) => r.action === 'change')
      .map((r) => ({ employeeNo: r.employeeNo, name: r.name, changes: r.changes.flatMap(shownChange) })),
    left: plan.leavers.map((l) => ({
      employeeNo: l.employeeNo,
      name: l.name,
      leaveDate: l.values!.leaveDate!,
    })),
    errors: [...roster.issues, ...plan.errors.map(issueOf), ...plan.warnings.map(issueOf)],
  }
  const counts: SyncCounts = {
    departmentsCreated: plan.counts.departmentsToCreate,
    created: plan.counts.create,
    changed: plan.counts.change,
    unchanged: plan.counts.unchanged,
    markedLeft: plan.counts.leave,
    errors: shown.errors.length,
  }
  return { plan, shown, counts }
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
    const { shown, counts } = planDirectory(snapshot, await loadRosterOrganisation(deps.db, companyId), today)
    const runId = await record(deps.db, 'ok', counts, messagesOf(shown))
    return { runId, kind, mode, counts, plan: shown }
  }

  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockCompany(trx, companyId)
      const today = await companyToday(trx, companyId, deps.now())
      const org = await loadRosterOrganisation(trx, companyId)
      const { plan, shown, counts } = planDirectory(snapshot, org, today)
      await writeRosterPlan(
        trx,
        {
          companyId,
          actorUserId: request.actorUserId,
          now: deps.now(),
          leadingAudit: [],
          reason: `directory.sync ${kind}`,
        },
        plan,
        org,
      )
      const runId = await record(trx, 'ok', counts, messagesOf(shown))
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
      return { runId, kind, mode, counts, plan: shown }
    })
  } catch (error) {
    await record(deps.db, 'failed', noCounts, [(error as Error).message])
    throw error
  }
}

/** The outcome as the API and the CLI show it. */
export function describeSyncOutcome(outcome: DirectorySyncOutcome): DirectorySyncResult {
  const { runId, kind, mode, counts, plan } = outcome
  return { runId, kind, mode, counts, ...plan }
}

/** Where each provider's contact API is, from the server's endpoint settings (env-overridable). */
export function directoryBaseUrls(endpoints: ProviderEndpoints): Record<DirectoryKind, string> {
  return { dingtalk: endpoints.dingtalkOapi, feishu: endpoints.feishuApi, wecom: endpoints.wecomApi }
}
