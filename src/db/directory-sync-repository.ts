import type { Db, DirectorySyncRunTable } from './database.ts'

// SQL of the directory sync (通讯录同步): the record of each run (migration 0027). Its plan is read and written
// through the roster's repository (roster-repository.ts), as a roster import is.

export type SyncRunValues = {
  companyId: number
  kind: DirectorySyncRunTable['kind']
  mode: DirectorySyncRunTable['mode']
  trigger: DirectorySyncRunTable['trigger']
  actorUserId: number | null
  status: DirectorySyncRunTable['status']
  startedAt: Date
  finishedAt: Date
  counts: {
    departmentsCreated: number
    created: number
    changed: number
    unchanged: number
    markedLeft: number
    errors: number
  }
  messages: string[]
}

export async function insertSyncRun(db: Db, run: SyncRunValues): Promise<number> {
  const row = await db
    .insertInto('directory_sync_runs')
    .values({
      company_id: run.companyId,
      kind: run.kind,
      mode: run.mode,
      trigger: run.trigger,
      actor_user_id: run.actorUserId,
      status: run.status,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      departments_created: run.counts.departmentsCreated,
      created: run.counts.created,
      changed: run.counts.changed,
      unchanged: run.counts.unchanged,
      marked_left: run.counts.markedLeft,
      errors: run.counts.errors,
      messages: JSON.stringify(run.messages),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export type SyncRunRecord = Omit<SyncRunValues, 'companyId'> & { id: number; actorName: string | null }

/** A company's latest runs, newest first. */
export async function listSyncRuns(db: Db, companyId: number, limit: number): Promise<SyncRunRecord[]> {
  const rows = await db
    .selectFrom('directory_sync_runs as r')
    .leftJoin('users as u', 'u.id', 'r.actor_user_id')
    .selectAll('r')
    .select('u.display_name as actorName')
    .where('r.company_id', '=', companyId)
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    trigger: r.trigger,
    actorUserId: r.actor_user_id,
    actorName: r.actorName,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counts: {
      departmentsCreated: r.departments_created,
      created: r.created,
      changed: r.changed,
      unchanged: r.unchanged,
      markedLeft: r.marked_left,
      errors: r.errors,
    },
    messages: r.messages,
  }))
}

/** When a company last ran a successful preview or apply of a provider, if ever. */
export async function lastSuccessfulRun(
  db: Db,
  companyId: number,
  kind: DirectorySyncRunTable['kind'],
  mode: DirectorySyncRunTable['mode'],
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('directory_sync_runs')
    .select((eb) => eb.fn.max('started_at').as('at'))
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .where('mode', '=', mode)
    .where('status', '=', 'ok')
    .executeTakeFirst()
  return row?.at ? new Date(row.at) : undefined
}

/** When a provider's daily sync last ran (successfully or not), so a failing one is not retried every minute. */
export async function lastDailyRun(
  db: Db,
  companyId: number,
  kind: DirectorySyncRunTable['kind'],
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('directory_sync_runs')
    .select((eb) => eb.fn.max('started_at').as('at'))
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .where('trigger', '=', 'daily')
    .executeTakeFirst()
  return row?.at ? new Date(row.at) : undefined
}

/** The company's admins with a working login, who hear about a failed daily sync. */
export async function listActiveAdminIds(db: Db, companyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('company_id', '=', companyId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

/** The company's time zone (default Asia/Shanghai), to tell which company day a run fell on. */
export async function findCompanyTimeZone(db: Db, companyId: number): Promise<string> {
  const row = await db
    .selectFrom('companies')
    .select('time_zone')
    .where('id', '=', companyId)
    .executeTakeFirst()
  return row?.time_zone || 'Asia/Shanghai'
}
