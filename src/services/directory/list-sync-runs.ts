import type { DirectorySyncRun } from '../../contracts/directory.ts'
import type { Db } from '../../db/database.ts'
import { listSyncRuns } from '../../db/directory-sync-repository.ts'

/** A company's latest directory sync runs (every provider), newest first. */
export async function listDirectorySyncRuns(
  db: Db,
  companyId: number,
  limit = 20,
): Promise<DirectorySyncRun[]> {
  const runs = await listSyncRuns(db, companyId, limit)
  return runs.map((r) => ({
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    trigger: r.trigger,
    status: r.status,
    actorName: r.actorName,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    counts: r.counts,
    messages: r.messages,
  }))
}
