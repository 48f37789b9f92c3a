import type { Db } from '../../db/database.ts'
import { type ApiClient, testPassword } from './api-client.ts'

/** The company code (企业代码) of a company, for logins and sign-in URLs in tests. */
export async function companyCodeOf(db: Db, companyId: number): Promise<string> {
  const row = await db
    .selectFrom('companies')
    .select('code')
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow()
  return row.code
}

/** Signs a test client in with company code, username and the test password; keeps the CSRF token. */
export async function logInToCompany(
  client: ApiClient,
  companyCode: string,
  username: string,
): Promise<number> {
  const result = await client.post<{ csrfToken?: string }>('/api/auth/login', {
    companyCode,
    username,
    password: testPassword,
  })
  if (result.status === 200) client.csrfToken = result.body.csrfToken
  return result.status
}
