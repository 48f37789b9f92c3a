import { createHash, randomBytes } from 'node:crypto'

// Session ids and CSRF tokens: 32 random bytes, base64url. Only the SHA-256 of a session id is stored.

export function newRandomToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
