import type { RotaDeps } from './rota-deps.ts'

/** Who a dated exception is about (the agent and any cover), for scope checks; undefined when it does not exist. */
export async function findRotaExceptionOwner(
  deps: Pick<RotaDeps, 'db'>,
  companyId: number,
  exceptionId: number,
): Promise<{ employeeId: number; coverEmployeeId: number | null } | undefined> {
  const row = await deps.db
    .withTables<{
      rota_exceptions: {
        id: number
        company_id: number
        employee_id: number
        cover_employee_id: number | null
      }
    }>()
    .selectFrom('rota_exceptions')
    .select(['employee_id', 'cover_employee_id'])
    .where('company_id', '=', companyId)
    .where('id', '=', exceptionId)
    .executeTakeFirst()
  return row && { employeeId: row.employee_id, coverEmployeeId: row.cover_employee_id }
}
