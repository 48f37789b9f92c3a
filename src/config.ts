import { isIP } from 'node:net'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { type ProviderEndpoints, readProviderEndpoints } from './services/identity/provider-endpoints.ts'

/** Whether an entry of JIXIAO_TRUSTED_PROXIES is an IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function isTrustedProxyEntry(entry: string): boolean {
  const [ip = '', bits, extra] = entry.split('/')
  const version = isIP(ip)
  if (version === 0 || extra !== undefined) return false
  if (bits === undefined) return true
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32)
}

// Environment is parsed once, here; everything else receives a Config.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Unset: 127.0.0.1 while the database holds the demo company (its passwords are public), else 0.0.0.0.
  HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  JIXIAO_DATA_DIR: z.string().default('./data'),
  JIXIAO_UPLOAD_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  JIXIAO_LOG: z.enum(['silent', 'info', 'debug']).default('info'),
  // PostgreSQL connections per process; a pool bigger than the server's max_connections only queues there.
  JIXIAO_DB_POOL_SIZE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number()
      .int('expected a whole number of connections')
      .min(1, 'expected at least 1 connection')
      .max(500, 'expected at most 500 connections')
      .default(10),
  ),
  // Bearer token for GET /api/prometheus; unset, /api/prometheus answers 404.
  JIXIAO_METRICS_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(16, 'expected a token of at least 16 characters').optional(),
  ),
  JIXIAO_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .refine(
      (list) => list.every(isTrustedProxyEntry),
      'expected comma-separated IP addresses or CIDR ranges',
    ),
  JIXIAO_AUDIT_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  JIXIAO_AUDIT_KEY_FILE: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
})

export type Config = {
  port: number
  /** HOST; undefined when not set (then `jixiao serve` decides, see chooseListenHost). */
  host: string | undefined
  dataDir: string
  /** Where uploads wait between the import wizard's steps: owner-only, leftovers deleted after a day. */
  uploadDir: string
  databaseUrl: string | undefined
  log: 'silent' | 'info' | 'debug'
  /** PostgreSQL pool size (JIXIAO_DB_POOL_SIZE, default 10); PGlite has one connection. */
  dbPoolSize: number
  /** Bearer token that opens GET /api/prometheus (JIXIAO_METRICS_TOKEN); undefined, /api/prometheus is not served. */
  metricsToken: string | undefined
  /** Reverse proxies whose X-Forwarded-For is believed (IPs and CIDR ranges); empty, none is. */
  trustedProxies: string[]
  /** The key that signs audit heads, kept outside the database (services/audit/load-audit-key.ts). */
  auditKey: { key?: string; keyFile?: string }
  /** DingTalk/Feishu/WeCom hosts: documented defaults, JIXIAO_DINGTALK_API_URL etc. for private gateways and tests. */
  providerEndpoints: ProviderEndpoints
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(`Invalid environment variable ${String(first?.path[0])}: ${first?.message}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.JIXIAO_DATA_DIR),
    uploadDir: resolve(e.JIXIAO_UPLOAD_DIR ?? join(e.JIXIAO_DATA_DIR, 'uploads')),
    databaseUrl: e.DATABASE_URL || undefined,
    log: e.JIXIAO_LOG,
    dbPoolSize: e.JIXIAO_DB_POOL_SIZE,
    metricsToken: e.JIXIAO_METRICS_TOKEN,
    trustedProxies: e.JIXIAO_TRUSTED_PROXIES,
    auditKey: {
      key: e.JIXIAO_AUDIT_KEY,
      keyFile: e.JIXIAO_AUDIT_KEY_FILE === undefined ? undefined : resolve(e.JIXIAO_AUDIT_KEY_FILE),
    },
    providerEndpoints: readProviderEndpoints(env),
  }
}
