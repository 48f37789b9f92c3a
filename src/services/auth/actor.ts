import type { Role } from '../../db/database.ts'

/** Who is acting: the signed-in user, their company (tenant), role and linked employee. */
export type Actor = {
  userId: number
  companyId: number
  role: Role
  employeeId: number | null
}
