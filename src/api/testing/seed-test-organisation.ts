import { insertCompanyWithCode } from '../../db/company-repository.ts'
import type { Db, Role } from '../../db/database.ts'
import { insertDepartment, insertEmployee, insertPosition } from '../../db/organisation-repository.ts'
import { insertUser } from '../../db/user-repository.ts'
import { hashPassword } from '../../services/auth/password.ts'
import { setDefaultLoginCompanyCode, testPassword } from './api-client.ts'

// A small shop for API tests, written straight through the repositories (no demo loader):
//   张店长 E001 (店长, supervisor "dianzhang")
//   ├─ 李主管 E002 (客服主管, supervisor "zhuguan")
//   │   ├─ 小冰 E003 (客服专员, employee "xiaobing")
//   │   └─ 小焦 E004 (客服专员)
//   └─ 王运营 E005 (运营专员)
//   赵美工 E006 (美工, no manager: another team)
// and a second company 乙店 with one employee, to prove tenant isolation. Logins of API clients default to
// 甲店's code; sign in to 乙店 with `login('b_admin', testPassword, otherTestCompanyCode)`.

export const testCompanyCode = 'jiadian'
export const otherTestCompanyCode = 'yidian'

export type TestOrganisation = {
  companyId: number
  otherCompanyId: number
  departments: { ecommerce: number; service: number; operations: number }
  positions: { manager: number; serviceLead: number; service: number; operator: number; designer: number }
  employees: Record<'E001' | 'E002' | 'E003' | 'E004' | 'E005' | 'E006' | 'B001', number>
  users: Record<
    'admin' | 'hr' | 'finance' | 'dianzhang' | 'zhuguan' | 'xiaobing' | 'nolink' | 'b_admin',
    number
  >
}

/** The usernames by role that the RBAC tests log in as. */
export const usernameByRole: Record<Role, string> = {
  admin: 'admin',
  hr: 'hr',
  finance: 'finance',
  supervisor: 'dianzhang',
  employee: 'xiaobing',
}

export async function seedTestOrganisation(db: Db): Promise<TestOrganisation> {
  const passwordHash = await hashPassword(testPassword)
  const companyId = await insertCompanyWithCode(db, { name: '甲店', code: testCompanyCode })
  const otherCompanyId = await insertCompanyWithCode(db, { name: '乙店', code: otherTestCompanyCode })
  setDefaultLoginCompanyCode(testCompanyCode)
  const ecommerce = (await insertDepartment(db, companyId, { name: '电商部', parentId: null })).id
  const service = (await insertDepartment(db, companyId, { name: '客服部', parentId: ecommerce })).id
  const operations = (await insertDepartment(db, companyId, { name: '运营部', parentId: ecommerce })).id
  await insertDepartment(db, otherCompanyId, { name: '电商部', parentId: null })

  const jd = { duties: [] }
  const manager = await insertPosition(db, companyId, {
    name: '店长',
    departmentId: ecommerce,
    superiorPositionId: null,
    jobDescription: jd,
  })
  const serviceLead = await insertPosition(db, companyId, {
    name: '客服主管',
    departmentId: service,
    superiorPositionId: manager,
    jobDescription: jd,
  })
  const serviceRep = await insertPosition(db, companyId, {
    name: '客服专员',
    departmentId: service,
    superiorPositionId: serviceLead,
    jobDescription: jd,
  })
  const operator = await insertPosition(db, companyId, {
    name: '运营专员',
    departmentId: operations,
    superiorPositionId: manager,
    jobDescription: jd,
  })
  const designer = await insertPosition(db, companyId, {
    name: '美工',
    departmentId: ecommerce,
    superiorPositionId: null,
    jobDescription: jd,
  })

  const add = (
    company: number,
    employeeNo: string,
    name: string,
    departmentId: number | null,
    positionId: number | null,
    managerId: number | null,
  ) =>
    insertEmployee(db, company, {
      employeeNo,
      name,
      departmentId,
      positionId,
      managerId,
      hireDate: '2024-03-01',
      leaveDate: null,
      status: 'active',
    })
  const E001 = await add(companyId, 'E001', '张店长', ecommerce, manager, null)
  const E002 = await add(companyId, 'E002', '李主管', service, serviceLead, E001)
  const E003 = await add(companyId, 'E003', '小冰', service, serviceRep, E002)
  const E004 = await add(companyId, 'E004', '小焦', service, serviceRep, E002)
  const E005 = await add(companyId, 'E005', '王运营', operations, operator, E001)
  const E006 = await add(companyId, 'E006', '赵美工', ecommerce, designer, null)
  const B001 = await add(otherCompanyId, 'B001', '乙店员工', null, null, null)

  const user = (
    company: number,
    username: string,
    role: Role,
    employeeId: number | null,
    displayName: string,
  ) => insertUser(db, { companyId: company, username, passwordHash, role, employeeId, displayName })
  const users = {
    admin: await user(companyId, 'admin', 'admin', null, '管理员'),
    hr: await user(companyId, 'hr', 'hr', null, '人事'),
    finance: await user(companyId, 'finance', 'finance', null, '财务'),
    dianzhang: await user(companyId, 'dianzhang', 'supervisor', E001, '张店长'),
    zhuguan: await user(companyId, 'zhuguan', 'supervisor', E002, '李主管'),
    xiaobing: await user(companyId, 'xiaobing', 'employee', E003, '小冰'),
    nolink: await user(companyId, 'nolink', 'employee', null, '未关联员工的账号'),
    b_admin: await user(otherCompanyId, 'b_admin', 'admin', null, '乙店管理员'),
  }
  return {
    companyId,
    otherCompanyId,
    departments: { ecommerce, service, operations },
    positions: { manager, serviceLead, service: serviceRep, operator, designer },
    employees: { E001, E002, E003, E004, E005, E006, B001 },
    users,
  }
}
