import { sql } from 'kysely'
import type { Db } from './database.ts'
import type { JobStatus } from './workflow-tables.ts'

// What /api/ready and /metrics ask the database: that it answers, and how many jobs wait or run.

/** A `select 1`: resolves when the database answers a query, rejects otherwise. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}

/** Jobs still queued or running in the job store, by status (every company). */
export async function countUnfinishedJobs(db: Db): Promise<Record<'queued' | 'running', number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', 'in', ['queued', 'running'] satisfies JobStatus[])
    .groupBy('status')
    .execute()
  const counts = { queued: 0, running: 0 }
  for (const row of rows)
    if (row.status === 'queued' || row.status === 'running') counts[row.status] = Number(row.count)
  return counts
}
