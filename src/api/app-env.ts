import type { Db } from '../db/database.ts'
import type { SessionWithUser } from '../db/session-repository.ts'
import type { Actor } from '../services/auth/actor.ts'
import type { LoginRateLimit, LoginRateLimiter } from '../services/auth/login-rate-limiter.ts'

// What the app is built from, and what each request carries through the middleware.

export type AppDeps = {
  db: Db
  engine: 'pglite' | 'postgres'
  now?: () => Date
  /** A built web folder (e.g. dist/web) to serve with SPA fallback; omitted, only /api is served. */
  webRoot?: string
  /** Failed-login limit per username and per client address (default 10 in 10 minutes). */
  loginRateLimit?: LoginRateLimit
  /** The owner-only folder uploads wait in (config uploadDir); omitted, a private temp folder per app. */
  uploadDir?: string
}

/** The dependencies after defaults are applied, shared by every route. */
export type AppContext = {
  db: Db
  engine: 'pglite' | 'postgres'
  now: () => Date
  limiter: LoginRateLimiter
  uploadDir: string | undefined
}

export type AppEnv = {
  Variables: {
    /** The live session named by the cookie, if any. */
    session: SessionWithUser | undefined
    /** The signed-in user, set by requireRole. */
    actor: Actor
  }
}
