import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import { DomainError } from '../../core/errors.ts'
import {
  type AccountRecord,
  findAccountByUsername,
  findCompanyTimeZone,
  findEmployeeIdsWithoutLogin,
  findEmployeesByNo,
} from '../../db/account-repository.ts'
import type { Db } from '../../db/database.ts'

// Who a command-line account action names: a login by username, employees by number (工号), or everyone
// still employed without a login.

export async function findAccount(
  deps: { db: Db },
  companyId: number,
  username: string,
): Promise<AccountRecord | undefined> {
  return findAccountByUsername(deps.db, companyId, username)
}

/** The employees with these numbers, in the order given; not_found names every number nobody has. */
export async function findEmployeeIdsByNo(
  deps: { db: Db },
  companyId: number,
  employeeNos: readonly string[],
): Promise<number[]> {
  const found = await findEmployeesByNo(deps.db, companyId, employeeNos)
  const byNo = new Map(found.map((e) => [e.employeeNo, e.id]))
  const missing = employeeNos.filter((no) => !byNo.has(no))
  if (missing.length > 0)
    throw new DomainError(
      'not_found',
      `no employee with number ${missing.join(', ')}`,
      missing.map((no) => ({ path: 'employee', message: `工号 ${no} 不存在` })),
    )
  return employeeNos.map((no) => byNo.get(no) as number)
}

/** Employees without a login who still work here on the company's today. */
export async function findEmployeesWithoutLogin(
  deps: { db: Db },
  companyId: number,
  now: Date,
): Promise<number[]> {
  const today = dateInZone(now, await findCompanyTimeZone(deps.db, companyId))
  return findEmployeeIdsWithoutLogin(deps.db, companyId, today)
}
