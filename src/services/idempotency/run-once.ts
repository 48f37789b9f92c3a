import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteIdempotencyKeysBefore,
  findIdempotencyKey,
  type IdempotencyScope,
  releaseIdempotencyKey,
} from '../../db/idempotency-key-repository.ts'

/** An answer as it is kept and replayed. */
export type StoredAnswer = { status: number; type: string | null; body: string }

export type RunOnceOptions = {
  /** How long a duplicate waits for the first request to finish before it is told 409 (ms). */
  waitMs?: number
  pollMs?: number
  /** A first request in flight for longer than this is taken to have died with its process (ms). */
  abandonedAfterMs?: number
}

/** Keys are kept this long; a repeat after that runs again. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60 * 1000
const cleanupEveryMs = 60 * 1000
const lastCleanup = new WeakMap<Db, number>()

const issue = (message: string) => [{ path: 'Idempotency-Key', message }]
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs a state-changing request once per Idempotency-Key (per company, user, method and path): the first request
 * runs and its successful (2xx) answer is kept; a repeat gets that answer back; a repeat while the first is still
 * running waits for it (then 409); the same key with another body is refused (422). A failed first request frees
 * the key, so a retry runs again. The key table is shared by every server process on the database.
 */
export async function runOnce(
  db: Db,
  scope: IdempotencyScope,
  requestHash: string,
  run: () => Promise<StoredAnswer>,
  options: RunOnceOptions = {},
): Promise<{ answer: StoredAnswer; replayed: boolean }> {
  const waitMs = options.waitMs ?? 30_000
  const pollMs = options.pollMs ?? 25
  const abandonedAfterMs = options.abandonedAfterMs ?? 10 * 60 * 1000
  await cleanUpOldKeys(db)
  const deadline = Date.now() + waitMs
  for (;;) {
    if (await claimIdempotencyKey(db, scope, requestHash)) {
      let answer: StoredAnswer
      try {
        answer = await run()
      } catch (error) {
        await releaseIdempotencyKey(db, scope)
        throw error
      }
      if (answer.status >= 200 && answer.status < 300) await completeIdempotencyKey(db, scope, answer)
      else await releaseIdempotencyKey(db, scope)
      return { answer, replayed: false }
    }
    const existing = await findIdempotencyKey(db, scope)
    if (!existing) continue // the first request failed and freed the key: try to claim it again
    if (existing.requestHash !== requestHash)
      throw new DomainError(
        'idempotency_key_reused',
        '同一个 Idempotency-Key 已用于内容不同的请求；请为新的提交生成新的键 / the key was used for a different request',
        issue('该键已用于内容不同的请求'),
      )
    if (existing.state === 'done')
      return {
        answer: {
          status: existing.responseStatus ?? 200,
          type: existing.responseType,
          body: existing.responseBody ?? '',
        },
        replayed: true,
      }
    if (Date.now() - existing.createdAt.getTime() > abandonedAfterMs) {
      await releaseIdempotencyKey(db, scope, new Date(Date.now() - abandonedAfterMs))
      continue
    }
    if (Date.now() >= deadline)
      throw new DomainError(
        'idempotency_in_flight',
        '同一请求仍在处理中，请稍后再试 / the same request is still being processed, try again shortly',
        issue('使用该键的请求仍在处理中'),
      )
    await sleep(pollMs)
  }
}

// Removes keys older than a day, at most once a minute per database handle.
async function cleanUpOldKeys(db: Db): Promise<void> {
  const now = Date.now()
  if (now - (lastCleanup.get(db) ?? 0) < cleanupEveryMs) return
  lastCleanup.set(db, now)
  await deleteIdempotencyKeysBefore(db, new Date(now - idempotencyKeyLifetimeMs))
}
