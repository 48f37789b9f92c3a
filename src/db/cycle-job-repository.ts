import { type Selectable, sql } from 'kysely'
import type { Db } from './database.ts'
import type { JobTable } from './workflow-tables.ts'

// Long work as a job row (opening a cycle, computing it): status, progress done/total, error, result.

export type JobRecord = {
  id: number
  kind: string
  status: Selectable<JobTable>['status']
  done: number
  total: number
  error: string | null
  params: Record<string, unknown>
  result: Record<string, unknown> | null
  createdAt: Date
  updatedAt: Date
}

function toRecord(r: Selectable<JobTable>): JobRecord {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    done: r.done,
    total: r.total,
    error: r.error,
    params: r.params,
    result: r.result,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  }
}

/** The process running a job (see services/jobs/process-owner.ts). */
export type JobOwner = { host: string; pid: number; token: string }

export async function insertJob(
  db: Db,
  values: {
    companyId: number
    kind: string
    params: Record<string, unknown>
    userId: number | null
    owner?: JobOwner
  },
): Promise<number> {
  const row = await db
    .insertInto('jobs')
    .values({
      company_id: values.companyId,
      kind: values.kind,
      status: 'queued',
      params: JSON.stringify(values.params),
      created_by_user_id: values.userId,
      error: null,
      result: null,
      owner_host: values.owner?.host ?? null,
      owner_pid: values.owner?.pid ?? null,
      owner_token: values.owner?.token ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateJob(
  db: Db,
  id: number,
  patch: Partial<{
    status: JobRecord['status']
    done: number
    total: number
    error: string | null
    result: Record<string, unknown>
  }>,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.done !== undefined ? { done: patch.done } : {}),
      ...(patch.total !== undefined ? { total: patch.total } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.result ? { result: JSON.stringify(patch.result) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute()
}

export async function findJob(db: Db, companyId: number, id: number): Promise<JobRecord | undefined> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? toRecord(row) : undefined
}

export type UnfinishedJob = JobRecord & {
  companyId: number
  owner: { host: string | null; pid: number | null; token: string | null }
}

/** Jobs of every company still queued or running, oldest first, with the process that owns each. */
export async function listUnfinishedJobs(db: Db): Promise<UnfinishedJob[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', 'in', ['queued', 'running'])
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    ...toRecord(r),
    companyId: r.company_id,
    owner: { host: r.owner_host, pid: r.owner_pid, token: r.owner_token },
  }))
}

/** Marks a job failed unless it finished meanwhile; answers whether it did. */
export async function failUnfinishedJob(
  db: Db,
  id: number,
  values: { error: string; result: Record<string, unknown>; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      error: values.error,
      result: JSON.stringify(values.result),
      updated_at: values.now,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** The newest job of `kind` on a cycle (its params name the cycle), or undefined. */
export async function findLatestCycleJob(
  db: Db,
  companyId: number,
  kind: string,
  cycleId: number,
): Promise<JobRecord | undefined> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('kind', '=', kind)
    .where(sql<boolean>`params->>'cycleId' = ${String(cycleId)}`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? toRecord(row) : undefined
}
