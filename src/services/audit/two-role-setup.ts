import { twoRoleSetupSql } from '../../db/two-role-setup-sql.ts'

/** The SQL an operator runs once for the two-role PostgreSQL setup (owner runs migrations; the app role cannot alter audit_log). */
export function describeTwoRoleSetup(roles: Parameters<typeof twoRoleSetupSql>[0]): string {
  return twoRoleSetupSql(roles)
}
