import type { Config } from '../config.ts'
import type { Db } from '../db/database.ts'
import type { DatabaseHandle } from '../db/open-database.ts'
import type { Actor } from '../services/auth/actor.ts'
import { chooseActingCompany } from '../services/companies/choose-acting-company.ts'
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
    const chosen = await chooseActingCompany(handle.db, companyOption)
    if (!chosen.ok) {
      if (chosen.reason === 'no_admin')
        throw new CliError(`company ${chosen.companyName} has no admin user to act as`)
      if (chosen.reason === 'not_found')
        throw new CliError(`no company "${companyOption}"; companies: ${describe(chosen.companies)}`, 3)
      if (chosen.reason === 'no_company')
        throw new CliError('the database holds no company yet: run `jixiao demo` or start the server once', 4)
      throw new CliError(`several companies; choose one with --company: ${describe(chosen.companies)}`, 2)
    }
    return {
      db: handle.db,
      handle,
      companyId: chosen.companyId,
      actor: chosen.actor,
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
