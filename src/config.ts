import { join, resolve } from 'node:path'
import { z } from 'zod'

// Environment is parsed once, here; everything else receives a Config.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  JIXIAO_DATA_DIR: z.string().default('./data'),
  JIXIAO_UPLOAD_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  JIXIAO_LOG: z.enum(['silent', 'info', 'debug']).default('info'),
})

export type Config = {
  port: number
  host: string
  dataDir: string
  /** Where uploads wait between the import wizard's steps: owner-only, leftovers deleted after a day. */
  uploadDir: string
  databaseUrl: string | undefined
  log: 'silent' | 'info' | 'debug'
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
  }
}
