import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { AppContext, AppEnv } from './app-env.ts'

/** An incoming X-Request-Id is kept when it is a plain token (a proxy's id); anything else gets a fresh one. */
const saneRequestId = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

export function requestIdOf(incoming: string | undefined): string {
  return incoming !== undefined && saneRequestId.test(incoming) ? incoming : randomUUID()
}

/**
 * First middleware: gives the request an id (answered in `x-request-id`, bound to every log line made
 * through `c.var.log`), then logs one line when it is answered and counts it in the latency histogram under
 * the route pattern that answered, so `/api/sheets/17` and `/api/sheets/18` are one series.
 */
export function requestLog(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const requestId = requestIdOf(c.req.header('x-request-id'))
    const log = ctx.log.child({ reqId: requestId })
    c.set('requestId', requestId)
    c.set('log', log)
    c.header('x-request-id', requestId)
    // While the server drains, each answer closes its connection so the client reconnects to another instance.
    if (ctx.isShuttingDown()) c.header('Connection', 'close')
    await next()
    const seconds = (performance.now() - started) / 1000
    const route = routePath(c) || 'unmatched'
    const status = c.res.status
    ctx.telemetry.observeRequest({ method: c.req.method, route, status, seconds })
    const line = { method: c.req.method, route, path: c.req.path, status, ms: Math.round(seconds * 1000) }
    if (status >= 500) log.error(line, 'request failed')
    else log.info(line, 'request')
  }
}
