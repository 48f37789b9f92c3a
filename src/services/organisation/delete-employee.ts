import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  countEmployeeDependents,
  countSheetsReferencing,
  deleteEmployee as deleteRow,
  findEmployee,
  lockCompany,
} from '../../db/organisation-repository.ts'
import type { OrganisationDeps } from './organisation-deps.ts'

/**
 * Deletes an employee entered by mistake. One who still has direct reports or a login account is refused;
 * people who leave are kept with status "left" so their appraisal history stays.
 */
export async function deleteEmployee(deps: OrganisationDeps, id: number): Promise<void> {
  const { actor } = deps
  await deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, actor.companyId)
    const before = await findEmployee(trx, actor.companyId, id)
    if (!before) throw new DomainError('not_found', `员工 ${id} 不存在`)
    const d = await countEmployeeDependents(trx, actor.companyId, id)
    if (d.reports + d.users > 0) {
      throw new DomainError(
        'conflict',
        `员工“${before.name}”仍有 ${d.reports} 名直属下属、${d.users} 个登录账号，请先调整；离职请把状态改为已离职`,
        [],
        d,
      )
    }
    // Used in an appraisal: deleting would blank that history, so only retiring (or leaving) is offered.
    const sheets = await countSheetsReferencing(trx, actor.companyId, 'employee_id', id)
    if (sheets > 0)
      throw new DomainError(
        'conflict',
        `员工“${before.name}”已有 ${sheets} 份考核表，不能删除，请改为办理离职`,
        [],
        { sheets },
      )
    await deleteRow(trx, actor.companyId, id)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'employee.delete',
        entity: 'employee',
        entityId: id,
        before,
      },
      deps.now(),
    )
  })
}
