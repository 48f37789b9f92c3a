import { sql } from 'kysely'
import { DomainError } from '../../core/errors.ts'
import { allowAuditRemovalOfDeletedCompanies } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
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
  const existing = await db.selectFrom('companies').select(['id', 'name']).execute()
  if (existing.length > 0) {
    throw new DomainError(
      'conflict',
      `The database already holds ${existing.length} company(ies) (${existing.map((c) => c.name).join(', ')}); the demo is loaded only into an empty database. Use \`jixiao demo --reset\` to recreate a previous demo company.`,
    )
  }
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(demoPassword)))

  return db.transaction().execute(async (trx) => {
    const company = await trx
      .insertInto('companies')
      .values({ name: demoCompanyName, code: 'demo', settings: JSON.stringify({ demo: true }) })
      .returning('id')
      .executeTakeFirstOrThrow()
    const companyId = company.id

    const departmentIds = new Map<string, number>()
    for (const d of demoDepartments) {
      const row = await trx
        .insertInto('departments')
        .values({
          company_id: companyId,
          name: d.name,
          parent_id: d.parent ? departmentIds.get(d.parent)! : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      departmentIds.set(d.name, row.id)
    }

    const positionIds = new Map<string, number>()
    for (const p of demoPositions) {
      const row = await trx
        .insertInto('positions')
        .values({
          company_id: companyId,
          name: p.name,
          department_id: departmentIds.get(p.department)!,
          superior_position_id: p.superior ? positionIds.get(p.superior)! : null,
          job_description: JSON.stringify(p.jd),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      positionIds.set(p.name, row.id)
    }
    const departmentOfPosition = new Map(demoPositions.map((p) => [p.name, departmentIds.get(p.department)!]))

    const employeeIds = new Map<string, number>()
    for (const e of demoEmployees) {
      const row = await trx
        .insertInto('employees')
        .values({
          company_id: companyId,
          employee_no: e.no,
          name: e.name,
          department_id: departmentOfPosition.get(e.position)!,
          position_id: positionIds.get(e.position)!,
          manager_id: e.manager ? employeeIds.get(e.manager)! : null,
          hire_date: e.hireDate,
          leave_date: null,
          status: e.status ?? 'active',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      employeeIds.set(e.name, row.id)
    }

    await trx
      .insertInto('users')
      .values(
        demoUsers.map((u, i) => ({
          company_id: companyId,
          username: u.username,
          password_hash: hashes[i]!,
          role: u.role,
          employee_id: u.employee ? employeeIds.get(u.employee)! : null,
          display_name: u.displayName,
        })),
      )
      .execute()

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
  const result = await db
    .deleteFrom('companies')
    .where(sql<boolean>`(settings->>'demo')::boolean is true`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
