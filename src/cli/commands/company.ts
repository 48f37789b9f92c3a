import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { createCompany } from '../../services/companies/create-company.ts'
import { listCompanies } from '../../services/companies/list-companies.ts'
import { CliError, openCliDatabase } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'
import { readSecret } from '../read-secret.ts'

// `jixiao company create` and `jixiao company list`: companies (tenants) of this installation.
export function registerCompanyCommands(program: Command, config: Config): void {
  const company = program.command('company').description('create and list companies (tenants)')

  company
    .command('create')
    .description('create a company with its admin login, the built-in templates and pay schemes')
    .requiredOption('--name <name>', 'company name (公司名称)')
    .requiredOption('--admin <username>', 'username of the first admin')
    .option('--code <code>', 'company code people type when signing in (企业代码); generated when left out')
    .option('--password-file <file>', 'read the admin password from the first line of this file')
    .option('--json', 'print the result as JSON')
    .action(
      async (opts: { name: string; admin: string; code?: string; passwordFile?: string; json?: boolean }) => {
        const password = await readAdminPassword(opts.passwordFile)
        const handle = await openCliDatabase(config)
        try {
          const created = await createCompany(
            { db: handle.db, now: () => new Date() },
            { name: opts.name, code: opts.code, adminUsername: opts.admin, password },
          )
          if (opts.json) {
            console.log(JSON.stringify(created, null, 2))
            return
          }
          console.log(`company created: ${created.name} (code ${created.code}, id ${created.companyId})`)
          console.log(`admin login: ${created.adminUsername}`)
          console.log(`${created.templatesInstalled} built-in templates installed`)
          console.log(`sign in at /login?company=${created.code} with company code ${created.code}`)
        } finally {
          await handle.close()
        }
      },
    )

  company
    .command('list')
    .description('list the companies: code, name, people, logins, created')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const handle = await openCliDatabase(config)
      try {
        const companies = await listCompanies(handle)
        if (opts.json) {
          console.log(JSON.stringify(companies, null, 2))
          return
        }
        if (companies.length === 0) {
          console.log('no company yet: `jixiao company create --name … --admin …`, or the setup page')
          return
        }
        const rows = companies.map((c) => [
          c.code,
          c.isDemo ? `${c.name} (demo)` : c.name,
          c.people,
          c.logins,
          c.created,
        ])
        console.log(formatTable(['code', 'name', 'people', 'logins', 'created'], rows))
      } finally {
        await handle.close()
      }
    })
}

/** The admin password: from --password-file, else typed twice on the terminal with echo off. */
async function readAdminPassword(passwordFile: string | undefined): Promise<string> {
  if (passwordFile !== undefined) {
    let text: string
    try {
      text = await readFile(passwordFile, 'utf8')
    } catch (error) {
      throw new CliError(`cannot read --password-file ${passwordFile}: ${(error as Error).message}`, 2)
    }
    const password = text.split(/\r?\n/)[0] ?? ''
    if (password === '') throw new CliError(`--password-file ${passwordFile}: the first line is empty`, 2)
    return password
  }
  if (!process.stdin.isTTY) {
    throw new CliError(
      'no terminal to type the admin password on: run it in a terminal, or give --password-file FILE',
      2,
    )
  }
  const password = await readSecret('admin password (at least 10 characters): ')
  const repeat = await readSecret('repeat the password: ')
  if (password !== repeat) throw new CliError('the two passwords differ; nothing was created', 2)
  return password
}
