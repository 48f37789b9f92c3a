import type { Selectable } from 'kysely'
import type { JobTable, WorkflowDb } from './workflow-tables.ts'

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

export async function insertJob(
  db: WorkflowDb,
  values: { companyId: number; kind: string; params: Record<string, unknown>; userId: number | null },
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
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateJob(
  db: WorkflowDb,
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

export async function findJob(db: WorkflowDb, companyId: number, id: number): Promise<JobRecord | undefined> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? toRecord(row) : undefined
}
