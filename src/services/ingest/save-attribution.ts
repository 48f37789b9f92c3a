import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import type { AttributionSourceKind } from '../../db/fact-tables.ts'

// Credits a name found in the exports (客服昵称, 主播, account, employee number) to an employee, team and/or shop.
export type SaveAttributionInput = {
  companyId: number
  sourceKind: AttributionSourceKind
  sourceName: string
  employeeId: number | null
  departmentId: number | null
  shop: string | null
}

export async function saveAttribution(
  deps: { db: Db },
  input: SaveAttributionInput,
): Promise<{ id: number }> {
  if (input.employeeId === null && input.departmentId === null && input.shop === null)
    throw new DomainError(
      'invalid_input',
      `attribution of ${input.sourceName} names no employee, team or shop`,
      [{ path: 'employeeId', message: 'one of employeeId, departmentId, shop is required' }],
    )
  if (input.employeeId !== null) {
    const employee = await deps.db
      .selectFrom('employees')
      .select('id')
      .where('company_id', '=', input.companyId)
      .where('id', '=', input.employeeId)
      .executeTakeFirst()
    if (!employee) throw new DomainError('not_found', `employee #${input.employeeId} not found`)
  }
  const values = {
    employee_id: input.employeeId,
    department_id: input.departmentId,
    shop: input.shop,
  }
  const row = await deps.db
    .insertInto('attributions')
    .values({
      company_id: input.companyId,
      source_kind: input.sourceKind,
      source_name: input.sourceName,
      ...values,
    })
    .onConflict((oc) => oc.columns(['company_id', 'source_kind', 'source_name']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id }
}
