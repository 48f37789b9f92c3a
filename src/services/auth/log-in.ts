import { hasLeft } from '../../core/auth/has-left.ts'
import { DomainError } from '../../core/errors.ts'
import { findAccount, touchLastLogin } from '../../db/account-repository.ts'
import { countCompanies, findCompanyByCode, findSoleCompany } from '../../db/company-repository.ts'
import type { Db } from '../../db/database.ts'
import { deleteExpiredSessions, insertSession } from '../../db/session-repository.ts'
import { findUserByUsername } from '../../db/user-repository.ts'
import { disableLeavers } from './disable-leavers.ts'
import type { LoginRateLimiter } from './login-rate-limiter.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { hashSessionToken, newRandomToken } from './session-token.ts'
import { throwIfThrottled } from './throw-if-throttled.ts'

// Checks a company code, username and password and opens a session. Unknown companies, unknown users and
// wrong passwords fail identically and take about as long (they are checked against a dummy hash).
// Without a company code, a database of exactly one company means that company (single-company installs).

/** The throttle key of a login: company code and username, lowercased. */
export function throttleAccount(companyCode: string, username: string): string {
  return `${companyCode}/${username}`.toLowerCase()
}

async function resolveCompany(db: Db, companyCode: string | undefined) {
  const code = companyCode?.trim()
  if (code) return findCompanyByCode(db, code)
  if ((await countCompanies(db)) <= 1) return findSoleCompany(db)
  const message = '请输入企业代码'
  throw new DomainError('invalid_input', message, [{ path: 'companyCode', message }])
}

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
    companyCode: string
    companyIsDemo: boolean
    locale: string
    /** A new or reset login must change its password before anything else. */
    mustChangePassword: boolean
  }
}

export async function logIn(
  deps: { db: Db; limiter: LoginRateLimiter; now: () => Date },
  input: { companyCode?: string | undefined; username: string; password: string; clientAddress: string },
): Promise<LogInResult> {
  const { db, limiter } = deps
  const company = await resolveCompany(db, input.companyCode)
  // Throttled per (account, address): an attacker's failures delay the attacker, never the owner elsewhere.
  const account = throttleAccount(company?.code ?? input.companyCode ?? '', input.username)
  throwIfThrottled(limiter, account, input.clientAddress, deps.now())
  const user = company ? await findUserByUsername(db, company.id, input.username) : undefined
  dummyHash ??= hashPassword(newRandomToken())
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash))
  if (!user || !ok) {
    limiter.recordFailure(account, input.clientAddress, deps.now().getTime())
    throw new DomainError('unauthenticated', '用户名或密码错误')
  }
  limiter.recordSuccess(account, input.clientAddress)
  const now = deps.now()
  // A disabled login, or one whose employee has left, is told so, but only after the right password.
  const state = await findAccount(db, user.companyId, user.id)
  if (!state || state.disabledAt !== null || hasLeft(state, now)) {
    if (state && state.disabledAt === null) await disableLeavers(deps, user.companyId)
    throw new DomainError('account_disabled', '账号已停用，请联系管理员或人事')
  }
  const token = newRandomToken()
  const csrfToken = newRandomToken()
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs)
  await deleteExpiredSessions(db, now)
  await insertSession(db, {
    idHash: hashSessionToken(token),
    companyId: user.companyId,
    userId: user.id,
    csrfToken,
    expiresAt,
  })
  await touchLastLogin(db, user.companyId, user.id, now)
  const { passwordHash: _omit, ...me } = user
  return { token, csrfToken, expiresAt, user: { ...me, mustChangePassword: state.mustChangePassword } }
}
