import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { adminUsernameSchema, companyCodeSchema, companyNameSchema } from '../../contracts/companies.ts'
import { checkPasswordRules } from '../../core/auth/check-password-rules.ts'
import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  countCompanies,
  findCompanyByCode,
  insertCompanyWithCode,
  lockCompaniesTable,
} from '../../db/company-repository.ts'
import type { Db } from '../../db/database.ts'
import { insertUser } from '../../db/user-repository.ts'
import { hashPassword } from '../auth/password.ts'
import { assignBuiltinPaySchemes } from '../pay/assign-builtin-pay-schemes.ts'
import { installBuiltinTemplates } from '../templates/install-builtin-templates.ts'

export type NewCompanyInput = {
  name: string
  /** 企业代码; generated (c + 6 letters/digits) when left out. */
  code?: string | undefined
  adminUsername: string
  password: string
}

export type CreatedCompany = {
  companyId: number
  code: string
  name: string
  adminUserId: number
  adminUsername: string
  templatesInstalled: number
}

const newCompanySchema = z.object({
  companyName: companyNameSchema,
  companyCode: companyCodeSchema.optional(),
  adminUsername: adminUsernameSchema,
})

/**
 * Creates a company (tenant) with its first admin login, and gives it the built-in template library and
 * pay schemes, in one transaction, audited as company.create and user.create. With onlyIntoEmptyDatabase
 * (the setup page) it refuses once any company exists, even when two setups race.
 */
export async function createCompany(
  deps: { db: Db; now: () => Date },
  input: NewCompanyInput,
  options: { onlyIntoEmptyDatabase?: boolean } = {},
): Promise<CreatedCompany> {
  const parsed = newCompanySchema.safeParse({
    companyName: input.name,
    companyCode: input.code === undefined || input.code.trim() === '' ? undefined : input.code,
    adminUsername: input.adminUsername,
  })
  if (!parsed.success) {
    const issues: ErrorIssue[] = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    }))
    throw new DomainError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('；'), issues)
  }
  const { companyName, adminUsername } = parsed.data
  const code = parsed.data.companyCode ?? (await unusedGeneratedCode(deps.db))
  const breach = checkPasswordRules(input.password, { username: adminUsername, companyCode: code })
  if (breach) {
    throw new DomainError('invalid_input', breach.message, [{ path: 'password', message: breach.message }], {
      rule: breach.rule,
    })
  }
  if (options.onlyIntoEmptyDatabase && (await countCompanies(deps.db)) > 0) throw setupDone()
  const passwordHash = await hashPassword(input.password)

  return deps.db.transaction().execute(async (trx) => {
    await lockCompaniesTable(trx)
    if (options.onlyIntoEmptyDatabase && (await countCompanies(trx)) > 0) throw setupDone()
    if (await findCompanyByCode(trx, code)) {
      const message = `企业代码“${code}”已被使用，请换一个`
      throw new DomainError('conflict', message, [{ path: 'companyCode', message }])
    }
    const companyId = await insertCompanyWithCode(trx, { name: companyName, code })
    const adminUserId = await insertUser(trx, {
      companyId,
      username: adminUsername,
      passwordHash,
      role: 'admin',
      employeeId: null,
      displayName: '系统管理员',
    })
    const templates = await installBuiltinTemplates(trx, companyId)
    // A new company has no positions yet; schemes follow the positions a roster import creates later.
    await assignBuiltinPaySchemes(trx, companyId)
    const now = deps.now()
    await appendAudit(
      trx,
      {
        companyId,
        actorUserId: null,
        action: 'company.create',
        entity: 'company',
        entityId: companyId,
        after: { name: companyName, code, templatesInstalled: templates.installed },
      },
      now,
    )
    await appendAudit(
      trx,
      {
        companyId,
        actorUserId: null,
        action: 'user.create',
        entity: 'user',
        entityId: adminUserId,
        after: { username: adminUsername, role: 'admin', employeeId: null },
      },
      now,
    )
    return {
      companyId,
      code,
      name: companyName,
      adminUserId,
      adminUsername,
      templatesInstalled: templates.installed,
    }
  })
}

function setupDone(): DomainError {
  return new DomainError('conflict', '系统已经设置过公司，请直接登录；再添加公司请用 jixiao company create')
}

async function unusedGeneratedCode(db: Db): Promise<string> {
  for (;;) {
    const code = `c${BigInt(`0x${randomBytes(5).toString('hex')}`)
      .toString(36)
      .slice(0, 6)
      .padStart(6, '0')}`
    if (!(await findCompanyByCode(db, code))) return code
  }
}
