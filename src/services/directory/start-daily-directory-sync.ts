import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import { type DirectoryKind, directoryKinds } from '../../core/directory/directory-snapshot.ts'
import type { Db } from '../../db/database.ts'
import {
  findCompanyTimeZone,
  lastDailyRun,
  lastSuccessfulRun,
  listActiveAdminIds,
} from '../../db/directory-sync-repository.ts'
import { listDailySyncProviders } from '../../db/identity-provider-repository.ts'
import { companyToday } from '../calendar/company-today.ts'
import { notifyUsers } from '../notifications/notify-users.ts'
import { createSilentLogger, type Logger } from '../telemetry/create-logger.ts'
import type { ProviderHttp } from './call-provider.ts'
import { providerLabel, syncDirectory } from './sync-directory.ts'

// The daily directory sync: each provider with sync_daily set is applied once per company day, but only after a
// person applied its first sync (which needed a preview). A failure is recorded as a failed run and told to the
// company's admins in-app; it never stops the server.

/** How often the server looks for a provider whose daily sync is due. */
export const dailySyncCheckMs = 60 * 60 * 1000

export type DailySyncDeps = {
  db: Db
  now: () => Date
  http: ProviderHttp
  baseUrls: Record<DirectoryKind, string>
}

export type DailySyncReport = {
  companyId: number
  kind: DirectoryKind
  status: 'ok' | 'failed'
  message?: string
}

/** Runs every daily sync that is due now; answers what ran. */
export async function runDueDirectorySyncs(deps: DailySyncDeps): Promise<DailySyncReport[]> {
  const reports: DailySyncReport[] = []
  for (const provider of await listDailySyncProviders(deps.db)) {
    const kind = provider.kind as DirectoryKind
    if (!directoryKinds.includes(kind)) continue
    const { companyId } = provider
    if (!(await lastSuccessfulRun(deps.db, companyId, kind, 'apply'))) continue
    const today = await companyToday(deps.db, companyId, deps.now())
    const last = await lastDailyRun(deps.db, companyId, kind)
    const tz = await findCompanyTimeZone(deps.db, companyId)
    if (last && dateInZone(last, tz) === today) continue
    try {
      await syncDirectory(deps, { companyId, kind, mode: 'apply', trigger: 'daily', actorUserId: null })
      reports.push({ companyId, kind, status: 'ok' })
    } catch (error) {
      const message = (error as Error).message
      reports.push({ companyId, kind, status: 'failed', message })
      await notifyUsers(
        deps.db,
        companyId,
        await listActiveAdminIds(deps.db, companyId),
        {
          kind: 'directory.sync_failed',
          title: `${providerLabel[kind]}通讯录每日同步失败`,
          body: `${today} 的${providerLabel[kind]}通讯录同步没有完成：${message}。请在「设置 → 通讯录与登录」查看并重新同步。`,
          entity: 'directory',
          entityId: kind,
        },
        deps.now(),
      )
    }
  }
  return reports
}

/** Checks now and then every hour; answers the function that stops the timer. */
export function startDailyDirectorySync(deps: DailySyncDeps & { log?: Logger }): () => void {
  const log = deps.log ?? createSilentLogger()
  const check = () => {
    runDueDirectorySyncs(deps)
      .then((reports) => {
        for (const r of reports)
          if (r.status === 'failed')
            log.warn(
              { provider: r.kind, companyId: r.companyId, reason: r.message },
              'daily directory sync failed',
            )
      })
      .catch((error: unknown) => log.error({ err: error }, 'the daily directory sync check failed'))
  }
  check()
  const timer = setInterval(check, dailySyncCheckMs)
  timer.unref()
  return () => clearInterval(timer)
}
