import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Db } from '../db/database.ts'
import type { ProviderEndpoints } from '../services/identity/provider-endpoints.ts'
import { type AppDeps, createApp } from './create-app.ts'
import { prepareTraditionalChinese } from './messages/traditional-chinese.ts'

export type StartServerOptions = {
  db: Db
  engine: 'pglite' | 'postgres'
  /** 0 picks a free port. */
  port: number
  host: string
  /** A built web folder (e.g. dist/web); served with SPA fallback when it exists. */
  webRoot?: string
  now?: () => Date
  /** Where uploads wait between the import wizard's steps (config uploadDir). */
  uploadDir?: string
  /** Reverse proxies whose X-Forwarded-For is believed (config trustedProxies). */
  trustedProxies?: readonly string[]
  /** DingTalk/Feishu/WeCom hosts (config providerEndpoints). */
  providerEndpoints?: ProviderEndpoints
} & Pick<AppDeps, 'log' | 'telemetry' | 'metricsToken' | 'isShuttingDown'>

export type RunningServer = {
  url: string
  port: number
  /**
   * Stops listening. Without `graceMs` open connections are cut at once (tests). With it, requests in flight
   * are answered first and idle connections closed as they free up; whatever is still open after `graceMs`
   * is cut. Resolves once every connection is closed.
   */
  close(options?: { graceMs?: number }): Promise<void>
}

/** Starts the HTTP server and resolves once it listens. */
export function startServer(options: StartServerOptions): Promise<RunningServer> {
  // The zh-TW converter takes about 2 s to build: before listening, not during the first zh-TW request.
  prepareTraditionalChinese()
  const app = createApp({
    db: options.db,
    engine: options.engine,
    now: options.now,
    webRoot: options.webRoot,
    uploadDir: options.uploadDir,
    providerEndpoints: options.providerEndpoints,
    trustedProxies: options.trustedProxies,
    log: options.log,
    telemetry: options.telemetry,
    metricsToken: options.metricsToken,
    isShuttingDown: options.isShuttingDown,
  })
  return new Promise((resolvePromise, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        const host = ['0.0.0.0', '::', ''].includes(options.host)
          ? 'localhost'
          : info.family === 'IPv6'
            ? `[${info.address}]`
            : info.address
        resolvePromise({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: (closeOptions) =>
            new Promise<void>((done, fail) => {
              server.close((err) => (err ? fail(err) : done()))
              if (!('closeAllConnections' in server)) return
              const graceMs = closeOptions?.graceMs ?? 0
              if (graceMs <= 0) {
                server.closeAllConnections()
                return
              }
              // A keep-alive connection whose request was answered is idle: close it rather than wait for it.
              server.closeIdleConnections()
              const sweep = setInterval(() => server.closeIdleConnections(), 50)
              const cap = setTimeout(() => server.closeAllConnections(), graceMs)
              server.once('close', () => {
                clearInterval(sweep)
                clearTimeout(cap)
              })
            }),
        })
      },
    )
    // Under load queued requests can wait longer than Node's 5 s keep-alive default; keep idle connections
    // open longer than a reverse proxy's usual 60 s so neither side closes a socket the other is about to use.
    if ('keepAliveTimeout' in server) server.keepAliveTimeout = 65_000
    server.once('error', reject)
  })
}
