import type {
  CreateAccountResult,
  CreateAccountsInput,
  CreateAccountsResult,
} from '../../contracts/accounts.ts'
import { checkAccountChange } from '../../core/auth/check-account-change.ts'
import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import { DomainError } from '../../core/errors.ts'
import {
  findAccountCandidates,
  findCompanyTimeZone,
  findTakenUsernames,
  insertAccounts,
  insertAccountTokens,
  type NewAccount,
} from '../../db/account-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { lockCompany } from '../../db/organisation-repository.ts'
import type { AccountDeps } from './account-deps.ts'
import { type IssuedSecret, issueAccountSecret } from './issue-account-secret.ts'

/**
 * Gives many employees a login at once (开通账号). The username is the employee number, lowercased; the role
 * is the one asked for, else supervisor for someone others report to, else employee. Each employee is
 * answered: created (with its one-time link or initial password, shown only here), already had a login, or
 * refused with the reason (unknown employee, left, username taken). Every login must change its password
 * at first sign-in; each creation is audited without its secret.
 */
export async function createAccounts(
  deps: AccountDeps,
  input: CreateAccountsInput,
): Promise<CreateAccountsResult> {
  const { actor } = deps
  if (input.role) {
    const refusal = checkAccountChange(actor, undefined, { kind: 'create', role: input.role })
    if (refusal) throw new DomainError('forbidden', refusal, [{ path: 'role', message: refusal }])
  }
  const employeeIds = [...new Set(input.employeeIds)]
  const now = deps.now()
  // Initial passwords are hashed before the company is locked (scrypt takes a while for 2,000 people).
  const expected = (await findAccountCandidates(deps.db, actor.companyId, employeeIds)).filter(
    (c) => c.userId === null,
  ).length
  const pool = await issueSecrets(input.delivery, now, expected)
  return deps.db.transaction().execute(async (trx) => {
    // One creation at a time per company: two HR tabs cannot both give one employee a login.
    await lockCompany(trx, actor.companyId)
    const today = dateInZone(now, await findCompanyTimeZone(trx, actor.companyId))
    const candidates = new Map(
      (await findAccountCandidates(trx, actor.companyId, employeeIds)).map((c) => [c.id, c]),
    )
    const wanted = [...candidates.values()].filter((c) => c.userId === null)
    const taken = await findTakenUsernames(
      trx,
      actor.companyId,
      wanted.map((c) => c.employeeNo.trim().toLowerCase()),
    )
    const results: CreateAccountResult[] = []
    const toCreate: { result: CreateAccountResult; account: NewAccount }[] = []
    const claimed = new Set<string>()
    for (const employeeId of employeeIds) {
      const c = candidates.get(employeeId)
      if (!c) {
        results.push(refused(employeeId, null, null, 'not_found', `员工 ${employeeId} 不存在`))
        continue
      }
      if (c.userId !== null) {
        results.push({
          employeeId,
          employeeNo: c.employeeNo,
          name: c.name,
          outcome: 'already_has_login',
          message: `已有账号 ${c.username}`,
          userId: c.userId,
          username: c.username ?? undefined,
        })
        continue
      }
      if (c.status === 'left' || (c.leaveDate !== null && c.leaveDate <= today)) {
        const when = c.leaveDate ? `（${c.leaveDate}）` : ''
        results.push(
          refused(employeeId, c.employeeNo, c.name, 'left', `${c.name} 已离职${when}，不能开通账号`),
        )
        continue
      }
      const username = c.employeeNo.trim().toLowerCase()
      if (taken.has(username) || claimed.has(username)) {
        results.push(
          refused(employeeId, c.employeeNo, c.name, 'username_taken', `账号名 ${username} 已被其他账号使用`),
        )
        continue
      }
      claimed.add(username)
      const role = input.role ?? (c.managesSomeone ? 'supervisor' : 'employee')
      const result: CreateAccountResult = {
        employeeId,
        employeeNo: c.employeeNo,
        name: c.name,
        outcome: 'created',
        username,
        role,
      }
      results.push(result)
      toCreate.push({
        result,
        account: { username, passwordHash: '', role, employeeId, displayName: c.name },
      })
    }
    const secrets = pool.slice(0, toCreate.length)
    if (secrets.length < toCreate.length)
      secrets.push(...(await issueSecrets(input.delivery, now, toCreate.length - secrets.length)))
    toCreate.forEach((item, i) => {
      item.account.passwordHash = secrets[i]!.passwordHash
    })
    const userIds = await insertAccounts(
      trx,
      actor.companyId,
      toCreate.map((item) => item.account),
    )
    const tokens = []
    for (const [i, item] of toCreate.entries()) {
      const userId = userIds[i]!
      const issued = secrets[i]!
      item.result.userId = userId
      item.result.secret = issued.secret
      if (issued.token) tokens.push({ ...issued.token, userId })
      await appendAudit(
        trx,
        {
          companyId: actor.companyId,
          actorUserId: actor.userId,
          action: 'account.create',
          entity: 'user',
          entityId: userId,
          after: {
            username: item.account.username,
            role: item.account.role,
            employeeId: item.account.employeeId,
            delivery: input.delivery,
          },
        },
        now,
      )
    }
    await insertAccountTokens(trx, actor.companyId, tokens)
    const count = (outcome: CreateAccountResult['outcome']) =>
      results.filter((r) => r.outcome === outcome).length
    return {
      results,
      created: count('created'),
      alreadyHadLogin: count('already_has_login'),
      refused: count('refused'),
    }
  })
}

// scrypt runs on libuv's thread pool: a few at a time use every core without queueing thousands.
async function issueSecrets(delivery: CreateAccountsInput['delivery'], now: Date, count: number) {
  const secrets: IssuedSecret[] = []
  for (let start = 0; start < count; start += 8) {
    const batch = Math.min(8, count - start)
    secrets.push(
      ...(await Promise.all(Array.from({ length: batch }, () => issueAccountSecret(delivery, now)))),
    )
  }
  return secrets
}

function refused(
  employeeId: number,
  employeeNo: string | null,
  name: string | null,
  refusal: NonNullable<CreateAccountResult['refusal']>,
  message: string,
): CreateAccountResult {
  return { employeeId, employeeNo, name, outcome: 'refused', refusal, message }
}
