import type { SetupInput } from '../../contracts/companies.ts'
import { countCompanies } from '../../db/company-repository.ts'
import type { Db } from '../../db/database.ts'
import { type LogInResult, logIn } from '../auth/log-in.ts'
import type { LoginRateLimiter } from '../auth/login-rate-limiter.ts'
import { createCompany } from './create-company.ts'

/** Whether the first-run setup page applies: only while the database holds no company at all. */
export async function isSetupNeeded(db: Db): Promise<boolean> {
  return (await countCompanies(db)) === 0
}

/**
 * The setup page: creates the first company and its admin on an empty database (conflict once any company
 * exists) and signs the admin in, exactly as a login would.
 */
export async function setUpFirstCompany(
  deps: { db: Db; limiter: LoginRateLimiter; now: () => Date },
  input: SetupInput & { clientAddress: string },
): Promise<LogInResult> {
  const company = await createCompany(
    deps,
    {
      name: input.companyName,
      code: input.companyCode,
      adminUsername: input.adminUsername,
      password: input.password,
    },
    { onlyIntoEmptyDatabase: true },
  )
  return logIn(deps, {
    companyCode: company.code,
    username: company.adminUsername,
    password: input.password,
    clientAddress: input.clientAddress,
  })
}
