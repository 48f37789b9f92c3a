import type { Db } from './database.ts'

// Who a command-line action is done as: a company's first admin (the CLI acts with admin rights).

export async function findFirstAdmin(
  db: Db,
  companyId: number,
): Promise<{ id: number; employeeId: number | null } | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'employee_id'])
    .where('company_id', '=', companyId)
    .where('role', '=', 'admin')
    .orderBy('id')
    .executeTakeFirst()
  return row ? { id: row.id, employeeId: row.employee_id } : undefined
}
