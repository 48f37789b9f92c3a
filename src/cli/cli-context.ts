import type { Config } from '../config.ts'
import type { Db } from '../db/database.ts'
import type { DatabaseHandle } from '../db/open-database.ts'
import type { Actor } from '../services/auth/actor.ts'
import { CliError, openCliDatabase } from './open-cli-database.ts'

/** What a data command works on: the open database, the company and who acts (the company's first admin). */
export type CliContext = {
  db: Db
  handle: DatabaseHandle
  companyId: number
  actor: Actor
  close(): Promise<void>
}

/** Opens the database and picks the company: the only one, or the one named by --company. */
export async function openCliContext(config: Config, companyOption?: string): Promise<CliContext> {
  const handle = await openCliDatabase(config)
  try {
    const companies = await handle.db
      .selectFrom('companies')
      .select(['id', 'name', 'code'])
      .orderBy('id')
      .execute()
    let company = companies[0]
    if (companyOption !== undefined) {
      company = companies.find(
        (c) =>
          String(c.id) === companyOption ||
          c.name === companyOption ||
          c.code.toLowerCase() === companyOption.toLowerCase(),
      )
      if (!company) throw new CliError(`no company "${companyOption}"; companies: ${describe(companies)}`, 3)
    } else if (companies.length === 0) {
      throw new CliError('the database holds no company yet: run `jixiao demo` or start the server once', 4)
    } else if (companies.length > 1) {
      throw new CliError(`several companies; choose one with --company: ${describe(companies)}`, 2)
    }
    const admin = await handle.db
      .selectFrom('users')
      .select(['id', 'employee_id'])
      .where('company_id', '=', company!.id)
      .where('role', '=', 'admin')
      .orderBy('id')
      .executeTakeFirst()
    if (!admin) throw new CliError(`company ${company!.name} has no admin user to act as`)
    return {
      db: handle.db,
      handle,
      companyId: company!.id,
      actor: { userId: admin.id, companyId: company!.id, role: 'admin', employeeId: admin.employee_id },
      close: () => handle.close(),
    }
  } catch (error) {
    await handle.close()
    throw error
  }
}

function describe(companies: { id: number; name: string }[]): string {
  return companies.map((c) => `${c.id} ${c.name}`).join('; ')
}
