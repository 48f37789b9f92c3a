import { DomainError } from '../../core/errors.ts'
import { allowAuditRemovalOfDeletedCompanies } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import {
  deleteDemoCompanies,
  insertDemoCompany,
  insertDemoDepartment,
  insertDemoEmployee,
  insertDemoPosition,
  insertDemoUsers,
  listCompanyNames,
} from '../../db/demo-repository.ts'
import { hashPassword } from '../auth/password.ts'
import {
  demoCompanyName,
  demoDepartments,
  demoEmployees,
  demoPassword,
  demoPositions,
  demoUsers,
} from './demo-company-data.ts'

export type DemoAccount = { username: string; password: string; role: string; displayName: string }
export type DemoLoadResult = { companyId: number; accounts: DemoAccount[]; employeeIds: Map<string, number> }

/** Optional steps other features add to the demo (rota, templates …), run inside the same transaction. */
export type DemoExtension = (trx: Db, companyId: number, employeeIds: Map<string, number>) => Promise<void>

/**
 * Loads the demo e-commerce company. Refuses to run on a database that already holds any company,
 * so it can never write over real data; `resetDemoCompany` removes a previous demo first.
 */
export async function loadDemoCompany(db: Db, extensions: DemoExtension[] = []): Promise<DemoLoadResult> {
  const existing = await listCompanyNames(db)
  if (existing.length > 0) {
    throw new DomainError(
      'conflict',
      `The database already holds ${existing.length} company(ies) (${existing.join(', ')}); the demo is loaded only into an empty database. Use \`jixiao demo --reset\` to recreate a previous demo company.`,
    )
  }
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(demoPassword)))

  return db.transaction().execute(async (trx) => {
    const companyId = await insertDemoCompany(trx, demoCompanyName)

    const departmentIds = new Map<string, number>()
    for (const d of demoDepartments) {
      const parentId = d.parent ? departmentIds.get(d.parent)! : null
      departmentIds.set(d.name, await insertDemoDepartment(trx, companyId, { name: d.name, parentId }))
    }

    const positionIds = new Map<string, number>()
    for (const p of demoPositions) {
      const id = await insertDemoPosition(trx, companyId, {
        name: p.name,
        departmentId: departmentIds.get(p.department)!,
        superiorPositionId: p.superior ? positionIds.get(p.superior)! : null,
        jd: p.jd,
      })
      positionIds.set(p.name, id)
    }
    const departmentOfPosition = new Map(demoPositions.map((p) => [p.name, departmentIds.get(p.department)!]))

    const employeeIds = new Map<string, number>()
    for (const e of demoEmployees) {
      const id = await insertDemoEmployee(trx, companyId, {
        employeeNo: e.no,
        name: e.name,
        departmentId: departmentOfPosition.get(e.position)!,
        positionId: positionIds.get(e.position)!,
        managerId: e.manager ? employeeIds.get(e.manager)! : null,
        hireDate: e.hireDate,
        status: e.status ?? 'active',
      })
      employeeIds.set(e.name, id)
    }

    await insertDemoUsers(
      trx,
      companyId,
      demoUsers.map((u, i) => ({
        username: u.username,
        passwordHash: hashes[i]!,
        role: u.role,
        employeeId: u.employee ? employeeIds.get(u.employee)! : null,
        displayName: u.displayName,
      })),
    )

    for (const extend of extensions) await extend(trx, companyId, employeeIds)

    return {
      companyId,
      employeeIds,
      accounts: demoUsers.map((u) => ({
        username: u.username,
        password: demoPassword,
        role: u.role,
        displayName: u.displayName,
      })),
    }
  })
}

/** Removes every company marked as the demo (settings.demo = true), leaving real companies untouched. */
export async function removeDemoCompanies(db: Db): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => removeDemoCompanies(trx))
  // The audit log refuses deletes (migration 0021) but those of a company removed as a whole, as here.
  await allowAuditRemovalOfDeletedCompanies(db)
  return deleteDemoCompanies(db)
}
