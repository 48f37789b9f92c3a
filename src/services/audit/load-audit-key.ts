import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DomainError } from '../../core/errors.ts'

// The key that signs audit heads (`jixiao audit head`) lives outside the database: JIXIAO_AUDIT_KEY (the key
// itself), else JIXIAO_AUDIT_KEY_FILE, else `audit-head.key` in the data folder, created on first use with
// owner-only permissions. Whoever can rewrite the audit table should not also hold this key.

export type AuditKeySource = { key?: string; keyFile?: string; dataDir: string }

export type AuditKey = {
  secret: Buffer
  /** The first 16 hex digits of the key's SHA-256: names the key in a head without revealing it. */
  id: string
  /** Where the key came from, for messages (never the key). */
  source: string
}

export const defaultAuditKeyFileName = 'audit-head.key'
const minimumKeyLength = 32

/** Reads the audit key; `create` makes the default key file when no key is configured and none exists yet. */
export function loadAuditKey(source: AuditKeySource, options: { create: boolean }): AuditKey {
  if (source.key) return keyFrom(source.key, 'JIXIAO_AUDIT_KEY')
  const file = source.keyFile ?? join(source.dataDir, defaultAuditKeyFileName)
  const shown = source.keyFile ? `JIXIAO_AUDIT_KEY_FILE ${file}` : file
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    if (!options.create || source.keyFile)
      throw new DomainError(
        'not_found',
        `找不到审计签名密钥 ${shown}；请设置 JIXIAO_AUDIT_KEY 或 JIXIAO_AUDIT_KEY_FILE / no audit key at ${shown}: set JIXIAO_AUDIT_KEY or JIXIAO_AUDIT_KEY_FILE to the key the head was signed with`,
      )
    text = `${randomBytes(32).toString('hex')}\n`
    mkdirSync(dirname(file), { recursive: true })
    try {
      writeFileSync(file, text, { flag: 'wx', mode: 0o600 })
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced
      text = readFileSync(file, 'utf8')
    }
  }
  // Like ssh with a private key: a key file others can read is refused rather than trusted.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
    throw new DomainError(
      'invalid_state',
      `审计签名密钥 ${shown} 可被其他用户读取，请执行 chmod 600 / the audit key ${shown} is readable by other users: chmod 600 it`,
    )
  return keyFrom(text.trim(), shown)
}

function keyFrom(text: string, source: string): AuditKey {
  if (text.length < minimumKeyLength)
    throw new DomainError(
      'invalid_input',
      `审计签名密钥（${source}）至少 ${minimumKeyLength} 个字符 / the audit key (${source}) must be at least ${minimumKeyLength} characters`,
      [{ path: source, message: `at least ${minimumKeyLength} characters` }],
    )
  const secret =
    /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : Buffer.from(text)
  return { secret, id: createHash('sha256').update(secret).digest('hex').slice(0, 16), source }
}
