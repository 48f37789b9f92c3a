import { DomainError } from '../../core/errors.ts'
import {
  type AttributionItem,
  listAttributionRows,
  upsertAttribution,
} from '../../db/attribution-repository.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import type { AttributionSourceKind } from '../../db/fact-tables.ts'
import { findDepartment, findEmployee } from '../../db/organisation-repository.ts'

// Credits a name found in the exports (客服昵称, 主播, account, employee number) to an employee, team and/or shop,
// replacing the name's earlier attribution; audited as created or updated, with the row before and after.
export type SaveAttributionInput = {
  companyId: number
  sourceKind: AttributionSourceKind
  sourceName: string
  employeeId: number | null
  departmentId: number | null
  shop: string | null
  /** Who saves it (the audit row's actor); null for the system. */
  actorUserId?: number | null
}

export async function saveAttribution(
  deps: { db: Db },
  input: SaveAttributionInput,
): Promise<AttributionItem> {
  return deps.db.transaction().execute(async (trx) => {
    if (input.departmentId !== null && !(await findDepartment(trx, input.companyId, input.departmentId)))
      throw new DomainError('not_found', `department #${input.departmentId} not found`)
    if (input.employeeId === null && input.departmentId === null && input.shop === null)
      throw new DomainError(
        'invalid_input',
        `attribution of ${input.sourceName} names no employee, team or shop`,
        [{ path: 'employeeId', message: 'one of employeeId, departmentId, shop is required' }],
      )
    if (input.employeeId !== null && !(await findEmployee(trx, input.companyId, input.employeeId)))
      throw new DomainError('not_found', `employee #${input.employeeId} not found`)
    const before = (await listAttributionRows(trx, input.companyId)).find(
      (a) => a.sourceKind === input.sourceKind && a.sourceName === input.sourceName,
    )
    const id = await upsertAttribution(trx, input.companyId, input)
    const after = (await listAttributionRows(trx, input.companyId)).find((a) => a.id === id)
    if (!after) throw new Error(`attribution #${id} vanished while being saved`)
    await appendAudit(trx, {
      companyId: input.companyId,
      actorUserId: input.actorUserId ?? null,
      action: before ? 'attribution.updated' : 'attribution.created',
      entity: 'attribution',
      entityId: id,
      before: before ?? null,
      after,
    })
    return after
  })
}
