import type { Db } from '../db/database.ts'
import type { Actor } from '../services/auth/actor.ts'
import type { LoginRateLimit, LoginRateLimiter } from '../services/auth/login-rate-limiter.ts'
import type { SessionWithUser } from '../services/auth/resolve-session.ts'
import type { ProviderEndpoints } from '../services/identity/provider-endpoints.ts'
import type { Logger } from '../services/telemetry/create-logger.ts'
import type { Telemetry } from '../services/telemetry/create-telemetry.ts'
import type { TrustedProxies } from './client-address.ts'

// What the app is built from, and what each request carries through the middleware.

export type AppDeps = {
  db: Db
  engine: 'pglite' | 'postgres'
  now?: () => Date
  /** A built web folder (e.g. dist/web) to serve with SPA fallback; omitted, only /api is served. */
  webRoot?: string
  /** Failed-login throttle per (account, client address) and per address (services/auth/login-rate-limiter.ts). */
  loginRateLimit?: Partial<LoginRateLimit>
  /** Reverse proxies (IPs, CIDR ranges) whose X-Forwarded-For names the client; omitted, none is trusted. */
  trustedProxies?: readonly string[]
  /** The owner-only folder uploads wait in (config uploadDir); omitted, a private temp folder per app. */
  uploadDir?: string
  /** DingTalk/Feishu/WeCom hosts (config providerEndpoints); omitted, their documented hosts. */
  providerEndpoints?: ProviderEndpoints
  /** The structured log (services/telemetry/create-logger.ts); omitted, nothing is logged. */
  log?: Logger
  /** The process's Prometheus metrics; omitted, the app keeps its own. */
  telemetry?: Telemetry
  /** Bearer token for GET /api/prometheus (config metricsToken); omitted, /api/prometheus answers 404. */
  metricsToken?: string
  /** Set by `jixiao serve` once it stops: /api/ready answers 503 so a proxy sends no more requests here. */
  isShuttingDown?: () => boolean
}

/** The dependencies after defaults are applied, shared by every route. */
export type AppContext = {
  db: Db
  engine: 'pglite' | 'postgres'
  now: () => Date
  limiter: LoginRateLimiter
  isTrustedProxy: TrustedProxies
  uploadDir: string | undefined
  /** Where DingTalk, Feishu and WeCom are reached (services/identity/provider-endpoints.ts). */
  providerEndpoints: ProviderEndpoints
  log: Logger
  telemetry: Telemetry
  metricsToken: string | undefined
  isShuttingDown: () => boolean
}

export type AppEnv = {
  Variables: {
    /** The live session named by the cookie, if any. */
    session: SessionWithUser | undefined
    /** The signed-in user, set by requireRole. */
    actor: Actor
    /** The request's id (x-request-id), on every log line of the request. */
    requestId: string
    /** The log with the request id bound. */
    log: Logger
  }
}
