import type { AccountListQuery, AccountPage } from '../../contracts/accounts.ts'
import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import { findCompanyTimeZone, listAccounts as listRows } from '../../db/account-repository.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../auth/actor.ts'

/** One page of the company's people with their login (or none) and its state, for admin and hr. */
export async function listAccounts(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  query: AccountListQuery,
): Promise<AccountPage> {
  const timeZone = await findCompanyTimeZone(deps.db, actor.companyId)
  const today = dateInZone(deps.now(), timeZone)
  const { items, total } = await listRows(
    deps.db,
    actor.companyId,
    {
      q: query.q || undefined,
      withoutLogin: query.withoutLogin === 'true',
      state: query.state,
      departmentId: query.departmentId,
      page: query.page,
      pageSize: query.pageSize,
    },
    today,
    timeZone,
  )
  return { items, total, page: query.page, pageSize: query.pageSize }
}
