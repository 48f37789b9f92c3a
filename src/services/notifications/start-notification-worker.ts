import { webhookAddressProblem } from '../../core/notifications/check-webhook-address.ts'
import type { Db } from '../../db/database.ts'
import {
  claimDueDeliveries,
  findWebhookAllowedHosts,
  type OutboxItem,
  postponeDeliveries,
  recordDelivery,
} from '../../db/notification-repository.ts'

export type NotificationWorkerOptions = {
  db: Db
  /** How often the outbox is polled (default 5 s). */
  intervalMs?: number
  /** Attempts before a delivery is marked failed (default 6). */
  maxAttempts?: number
  /** First retry delay; doubles per attempt (default 30 s). */
  backoffMs?: number
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number
  batchSize?: number
  fetch?: typeof fetch
  now?: () => Date
  onError?: (error: unknown) => void
}

/** The delay before retry n (1-based): backoff × 2^(n−1), capped at one hour. */
export function retryDelayMs(attempt: number, backoffMs: number): number {
  return Math.min(3_600_000, backoffMs * 2 ** Math.max(0, attempt - 1))
}

/** Robots answer HTTP 200 with an error code in the body (DingTalk/WeCom errcode, Feishu code) when they refuse. */
function robotError(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errcode?: number; code?: number; errmsg?: string; msg?: string }
    const code = parsed.errcode ?? parsed.code
    if (typeof code === 'number' && code !== 0)
      return `robot error ${code}: ${parsed.errmsg ?? parsed.msg ?? ''}`
  } catch {
    // Not JSON: a plain 2xx is success.
  }
  return undefined
}

/**
 * Sends queued webhook notifications in the background: claims due outbox rows (skip locked), POSTs each
 * JSON payload, marks it sent, or schedules a retry with exponential backoff until maxAttempts, then
 * marks it failed. Never runs inside a request. Returns a stop function that waits for the current pass.
 */
export function startNotificationWorker(options: NotificationWorkerOptions): () => Promise<void> {
  const db = options.db
  const intervalMs = options.intervalMs ?? 5000
  const maxAttempts = options.maxAttempts ?? 6
  const backoffMs = options.backoffMs ?? 30_000
  const timeoutMs = options.timeoutMs ?? 10_000
  const batchSize = options.batchSize ?? 20
  const send = options.fetch ?? fetch
  const now = options.now ?? (() => new Date())
  let stopped = false
  let running: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined

  const deliver = async (item: OutboxItem, allowedHosts: string[]) => {
    // The address was checked when the admin saved it; checked again here, because the allow-list may have
    // shrunk since the row was queued. A refused address is never retried.
    const refused = webhookAddressProblem(item.url, allowedHosts)
    if (refused) {
      await recordDelivery(db, item.id, {
        sent: false,
        error: `address refused: ${refused}`,
        nextAttemptAt: null,
      })
      return
    }
    let error: string | undefined
    try {
      const response = await send(item.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(item.payload),
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect could lead the server to an internal address: it is reported, never followed.
        redirect: 'manual',
      })
      const body = await response.text()
      if (response.status >= 300 && response.status < 400)
        error = `HTTP ${response.status}: redirect to ${response.headers.get('location') ?? '(none)'} not followed`
      else if (!response.ok) error = `HTTP ${response.status}: ${body.slice(0, 200)}`
      else error = robotError(body)
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
    }
    if (error === undefined) {
      await recordDelivery(db, item.id, { sent: true, now: now() })
      return
    }
    const attempt = item.attempts + 1
    await recordDelivery(db, item.id, {
      sent: false,
      error,
      nextAttemptAt:
        attempt >= maxAttempts ? null : new Date(now().getTime() + retryDelayMs(attempt, backoffMs)),
    })
  }

  const pass = async () => {
    // Claim inside a short transaction, send outside it: a slow robot never holds a database lock.
    const claimed = await options.db.transaction().execute(async (trx) => {
      const items = await claimDueDeliveries(trx, now(), batchSize)
      await postponeDeliveries(
        trx,
        items.map((i) => i.id),
        new Date(now().getTime() + timeoutMs * 2),
      )
      return items
    })
    const allowedHosts = new Map<number, string[]>()
    for (const item of claimed) {
      if (stopped) break
      if (!allowedHosts.has(item.companyId))
        allowedHosts.set(item.companyId, await findWebhookAllowedHosts(db, item.companyId))
      await deliver(item, allowedHosts.get(item.companyId)!)
    }
  }

  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      running = pass()
        .catch((error) => options.onError?.(error))
        .finally(schedule)
    }, intervalMs)
    timer.unref?.()
  }
  running = pass()
    .catch((error) => options.onError?.(error))
    .finally(schedule)

  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await running
  }
}
