import { appendAudit } from '../../db/audit-log-repository.ts'
import type { IdentityProviderKind } from '../../db/database.ts'
import {
  findEmployeeStatus,
  findEmployeesMatching,
  findExternalIdentity,
  findIdentityProvider,
  findLoginOfEmployee,
  type IdentityProviderRecord,
  rememberExternalIdentity,
} from '../../db/identity-provider-repository.ts'
import { deleteExpiredSessions, insertSession } from '../../db/session-repository.ts'
import { sessionLifetimeMs } from '../auth/log-in.ts'
import { hashSessionToken, newRandomToken } from '../auth/session-token.ts'
import type { DirectoryIdentity } from './directory-identity.ts'
import type { PendingSignIn } from './pending-sign-ins.ts'
import { signInFlows } from './sign-in-flows.ts'
import { SsoSignInError } from './sso-sign-in-error.ts'
import type { SsoDeps } from './start-sso-sign-in.ts'

export type SsoSession = { token: string; csrfToken: string; expiresAt: Date; companyCode: string }

/**
 * Ends a directory sign-in at the callback: checks the state against the browser's, reads the identity from the
 * provider, finds the one active employee it matches (remembered by subject from then on), and opens a session
 * for that employee's login exactly as a password login does. Every failure is an SsoSignInError.
 */
export async function finishSsoSignIn(
  deps: SsoDeps,
  input: { kind: IdentityProviderKind; callback: URL; browserState: string | undefined },
): Promise<SsoSession> {
  const state = input.callback.searchParams.get('state') ?? ''
  // The state must be the one this browser started with (a cookie), so nobody can sign a victim in as themselves.
  if (!state || state !== input.browserState) throw new SsoSignInError('state_mismatch')
  const pending = deps.pending.take(state, deps.now().getTime())
  if (!pending) throw new SsoSignInError('expired')
  if (pending.kind !== input.kind)
    throw new SsoSignInError('state_mismatch', `${pending.kind} ≠ ${input.kind}`)
  const provider = await findIdentityProvider(deps.db, pending.companyId, pending.kind)
  if (!provider?.enabled) throw new SsoSignInError('not_configured')
  const identity = await signInFlows[input.kind].readIdentity(
    provider,
    pending,
    input.callback,
    deps.endpoints,
  )
  const employeeId = await matchEmployee(deps, provider, identity)
  const login = await findLoginOfEmployee(deps.db, pending.companyId, employeeId)
  if (!login) throw new SsoSignInError('no_account', `employee ${employeeId}`)
  if (login.disabledAt) throw new SsoSignInError('account_disabled', `user ${login.userId}`)
  return openSession(deps, pending, provider, identity, login.userId, employeeId)
}

async function matchEmployee(
  deps: SsoDeps,
  provider: IdentityProviderRecord,
  identity: DirectoryIdentity,
): Promise<number> {
  const remembered = await findExternalIdentity(deps.db, provider.id, identity.subject)
  if (remembered) {
    const employee = await findEmployeeStatus(deps.db, provider.companyId, remembered.employeeId)
    if (employee && employee.status !== 'left') return employee.id
  }
  const value = identity.fields[provider.matchIdentityField]
  if (!value) throw new SsoSignInError('no_identity', `no ${provider.matchIdentityField} in the identity`)
  const matches = await findEmployeesMatching(deps.db, provider.companyId, provider.matchEmployeeField, value)
  if (matches.length === 0) throw new SsoSignInError('no_match', `${provider.matchEmployeeField}=${value}`)
  if (matches.length > 1)
    throw new SsoSignInError('several_matches', `${provider.matchEmployeeField}=${value}`)
  const employee = matches[0]!
  await rememberExternalIdentity(deps.db, {
    companyId: provider.companyId,
    providerId: provider.id,
    subject: identity.subject,
    employeeId: employee.id,
  })
  return employee.id
}

async function openSession(
  deps: SsoDeps,
  pending: PendingSignIn,
  provider: IdentityProviderRecord,
  identity: DirectoryIdentity,
  userId: number,
  employeeId: number,
): Promise<SsoSession> {
  const now = deps.now()
  const token = newRandomToken()
  const csrfToken = newRandomToken()
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs)
  await deleteExpiredSessions(deps.db, now)
  await insertSession(deps.db, {
    idHash: hashSessionToken(token),
    companyId: pending.companyId,
    userId,
    csrfToken,
    expiresAt,
  })
  await appendAudit(
    deps.db,
    {
      companyId: pending.companyId,
      actorUserId: userId,
      action: 'auth.sso_login',
      entity: 'user',
      entityId: userId,
      after: { provider: provider.kind, subject: identity.subject, employeeId },
    },
    now,
  )
  return { token, csrfToken, expiresAt, companyCode: pending.companyCode }
}
