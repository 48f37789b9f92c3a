import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { deleteExpiredSessions, insertSession } from '../../db/session-repository.ts'
import { findUserByUsername } from '../../db/user-repository.ts'
import type { LoginRateLimiter } from './login-rate-limiter.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { hashSessionToken, newRandomToken } from './session-token.ts'
import { throwIfThrottled } from './throw-if-throttled.ts'

// Checks a username and password and opens a session. Unknown users and wrong passwords fail identically
// and take about as long (an unknown user is checked against a dummy hash).

export const sessionLifetimeMs = 12 * 60 * 60 * 1000

let dummyHash: Promise<string> | undefined

export type LogInResult = {
  token: string
  csrfToken: string
  expiresAt: Date
  user: {
    id: number
    username: string
    displayName: string
    role: 'admin' | 'hr' | 'finance' | 'supervisor' | 'employee'
    employeeId: number | null
    companyId: number
    companyName: string
    locale: string
  }
}

export async function logIn(
  deps: { db: Db; limiter: LoginRateLimiter; now: () => Date },
  input: { username: string; password: string; clientAddress: string },
): Promise<LogInResult> {
  const { db, limiter } = deps
  // Throttled per (account, address): an attacker's failures delay the attacker, never the owner elsewhere.
  const account = input.username
  throwIfThrottled(limiter, account, input.clientAddress, deps.now())
  const user = await findUserByUsername(db, input.username)
  dummyHash ??= hashPassword(newRandomToken())
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash))
  if (!user || !ok) {
    limiter.recordFailure(account, input.clientAddress, deps.now().getTime())
    throw new DomainError('unauthenticated', '用户名或密码错误')
  }
  limiter.recordSuccess(account, input.clientAddress)
  const token = newRandomToken()
  const csrfToken = newRandomToken()
  const now = deps.now()
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs)
  await deleteExpiredSessions(db, now)
  await insertSession(db, {
    idHash: hashSessionToken(token),
    companyId: user.companyId,
    userId: user.id,
    csrfToken,
    expiresAt,
  })
  const { passwordHash: _omit, ...me } = user
  return { token, csrfToken, expiresAt, user: me }
}
