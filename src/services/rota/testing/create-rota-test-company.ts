import type { Db } from '../../../db/database.ts'
import { seedDemoRota } from '../seed-demo-rota.ts'

// Test support: a company with 小冰, 小焦 and a 运营经理 and the seed rota, plus a second company to prove isolation.

export type RotaTestCompany = {
  companyId: number
  otherCompanyId: number
  xiaoBing: number
  xiaoJiao: number
  manager: number
  outsider: number
}

/** Creates the two companies, their employees and (unless told not to) the seed rota in the first one. */
export async function createRotaTestCompany(
  db: Db,
  options: { timeZone?: string; seedRota?: boolean } = {},
): Promise<RotaTestCompany> {
  const company = await db
    .insertInto('companies')
    .values({
      name: `客服部 ${Math.random().toString(36).slice(2, 8)}`,
      time_zone: options.timeZone ?? 'Asia/Shanghai',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const other = await db
    .insertInto('companies')
    .values({ name: `别家 ${Math.random().toString(36).slice(2, 8)}` })
    .returning('id')
    .executeTakeFirstOrThrow()
  const employee = async (companyId: number, no: string, name: string) =>
    (
      await db
        .insertInto('employees')
        .values({ company_id: companyId, employee_no: no, name, hire_date: '2024-01-01', status: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const result = {
    companyId: company.id,
    otherCompanyId: other.id,
    xiaoBing: await employee(company.id, 'CS01', '小冰'),
    xiaoJiao: await employee(company.id, 'CS02', '小焦'),
    manager: await employee(company.id, 'OP01', '运营经理'),
    outsider: await employee(other.id, 'X01', '外人'),
  }
  if (options.seedRota !== false)
    await seedDemoRota(
      db,
      company.id,
      new Map([
        ['小冰', result.xiaoBing],
        ['小焦', result.xiaoJiao],
        ['运营经理', result.manager],
      ]),
    )
  return result
}
