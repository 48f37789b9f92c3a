import { readFile } from 'node:fs/promises'
import { hostname, userInfo } from 'node:os'
import { createInterface } from 'node:readline/promises'
import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import type { CompanyDataSummary } from '../../contracts/company-archive.ts'
import { createCompany } from '../../services/companies/create-company.ts'
import { deleteCompany } from '../../services/companies/delete-company.ts'
import { exportCompany } from '../../services/companies/export-company.ts'
import { importCompany } from '../../services/companies/import-company.ts'
import { listCompanies } from '../../services/companies/list-companies.ts'
import { readHostLog } from '../../services/companies/read-host-log.ts'
import { CliError, openCliDatabase } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'
import { readSecret } from '../read-secret.ts'

// `jixiao company create|list|export|import|delete`: companies (tenants) of this installation.
export function registerCompanyCommands(program: Command, config: Config): void {
  const company = program
    .command('company')
    .description('create, list, export, import and delete companies (tenants)')

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

  registerCompanyDataCommands(company, config)
}

/** Who runs a command that touches a whole company, for the host log. */
function commandLineActor(): string {
  return `${userInfo().username}@${hostname()} (command line)`
}

function registerCompanyDataCommands(company: Command, config: Config): void {
  company
    .command('export')
    .description("write every row of one company to a restorable archive (gzip'd JSON lines)")
    .requiredOption('--company <code>', 'the company code (企业代码)')
    .requiredOption('--out <file>', 'the archive to write')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { company: string; out: string; json?: boolean }) => {
      const handle = await openCliDatabase(config)
      try {
        const summary = await exportCompany(
          { db: handle.db, now: () => new Date(), actor: commandLineActor() },
          { code: opts.company, outFile: opts.out },
        )
        printSummary(summary, `exported to ${opts.out}`, opts.json)
      } finally {
        await handle.close()
      }
    })

  company
    .command('import')
    .description('restore a company archive into this database (ids kept; the company must not be here yet)')
    .argument('<file>', 'an archive written by `jixiao company export`')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const handle = await openCliDatabase(config)
      try {
        const summary = await importCompany(
          { db: handle.db, now: () => new Date(), actor: commandLineActor() },
          { file },
        )
        printSummary(summary, `imported from ${file}`, opts.json)
      } finally {
        await handle.close()
      }
    })

  company
    .command('delete')
    .description('delete a company and all its data in one transaction (recorded in the host log)')
    .requiredOption('--company <code>', 'the company code (企业代码)')
    .option('--yes', 'do not ask to type the company code')
    .option('--reason <text>', 'why, for the host log (e.g. a deletion request)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { company: string; yes?: boolean; reason?: string; json?: boolean }) => {
      const confirmCode = opts.yes ? opts.company : await askForCode(opts.company)
      const handle = await openCliDatabase(config)
      try {
        const summary = await deleteCompany(
          { db: handle.db, now: () => new Date(), actor: commandLineActor() },
          { code: opts.company, confirmCode, reason: opts.reason },
        )
        printSummary(summary, 'deleted', opts.json)
      } finally {
        await handle.close()
      }
    })

  company
    .command('log')
    .description('the host log: exports, imports and deletions of whole companies, newest first')
    .option('--company <code>', 'only those of this company code')
    .option('--json', 'print as JSON')
    .action(async (opts: { company?: string; json?: boolean }) => {
      const handle = await openCliDatabase(config)
      try {
        const entries = await readHostLog(handle.db, { companyCode: opts.company })
        if (opts.json) {
          console.log(JSON.stringify(entries, null, 2))
          return
        }
        if (entries.length === 0) {
          console.log('the host log is empty')
          return
        }
        const rows = entries.map((e) => [
          e.at.toISOString().replace('T', ' ').slice(0, 19),
          e.action,
          e.companyCode,
          e.companyName,
          e.actor,
        ])
        console.log(formatTable(['at (UTC)', 'action', 'code', 'company', 'by'], rows))
      } finally {
        await handle.close()
      }
    })
}

/** The typed confirmation of a delete; without a terminal, --yes is required. */
async function askForCode(code: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new CliError(`no terminal to confirm on: add --yes to delete company ${code} and all its data`, 2)
  const prompt = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await prompt.question(
      `This deletes company ${code} and all its data for good. Type its code to confirm: `,
    )
  } finally {
    prompt.close()
  }
}

function printSummary(summary: CompanyDataSummary, what: string, json: boolean | undefined): void {
  if (json) {
    console.log(JSON.stringify(summary, null, 2))
    return
  }
  console.log(
    `company ${summary.name} (code ${summary.code}, id ${summary.companyId}) ${what}: ${summary.totalRows} rows`,
  )
  const rows = Object.entries(summary.rows)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => [table, n])
  if (rows.length > 0) console.log(formatTable(['table', 'rows'], rows))
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
