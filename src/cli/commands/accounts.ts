import type { Command } from 'commander'
import type { AccountDelivery, AccountSecret } from '../../contracts/accounts.ts'
import { accountStateSchema, maxAccountsPerRequest } from '../../contracts/accounts.ts'
import { roleSchema } from '../../contracts/auth.ts'
import type { Db } from '../../db/database.ts'
import { changeAccountRole } from '../../services/accounts/change-account-role.ts'
import {
  findAccount,
  findEmployeeIdsByNo,
  findEmployeesWithoutLogin,
} from '../../services/accounts/choose-account-holders.ts'
import { createAccounts } from '../../services/accounts/create-accounts.ts'
import { disableAccount } from '../../services/accounts/disable-account.ts'
import { enableAccount } from '../../services/accounts/enable-account.ts'
import { listAccounts } from '../../services/accounts/list-accounts.ts'
import { resetAccount } from '../../services/accounts/reset-account.ts'
import type { Actor } from '../../services/auth/actor.ts'
import { CliError } from '../open-cli-database.ts'
import { formatTable } from '../print-table.ts'

// `jixiao accounts list|create|reset|disable|enable|role`: logins for people (账号管理) without a server. The
// CLI acts as the company's first admin; one-time links and initial passwords are printed once, never stored.

export type OpenAccountDeps = (options: { company?: string }) => Promise<{
  db: Db
  companyId: number
  actor: Actor
  close(): Promise<void>
}>

type Print = (text: string) => void

const deliveries: Record<string, AccountDelivery> = { password: 'initial_password', link: 'activation_link' }

function deliveryOption(value: string | undefined): AccountDelivery {
  const delivery = deliveries[value ?? 'password']
  if (!delivery) throw new CliError(`--delivery must be password or link, not "${value}"`, 2)
  return delivery
}

function describeSecret(secret: AccountSecret | undefined): string {
  if (!secret) return ''
  return secret.kind === 'initial_password' ? secret.password : secret.activationPath
}

const stateLabels = {
  none: '无账号 none',
  pending_activation: '待激活 pending activation',
  must_change_password: '需改密码 must change password',
  active: '正常 active',
  disabled: '已停用 disabled',
} as const

export function registerAccountCommands(
  program: Command,
  openDeps: OpenAccountDeps,
  print: Print = console.log,
): void {
  const accounts = program
    .command('accounts')
    .description('logins for people: list, create, reset, disable (账号管理)')
  const withDeps = async <T>(
    company: string | undefined,
    work: (deps: Awaited<ReturnType<OpenAccountDeps>>) => Promise<T>,
  ) => {
    const deps = await openDeps({ company })
    try {
      return await work(deps)
    } finally {
      await deps.close()
    }
  }
  const findLogin = async (deps: Awaited<ReturnType<OpenAccountDeps>>, username: string) => {
    const account = await findAccount(deps, deps.companyId, username)
    if (!account) throw new CliError(`no login "${username}" in this company`, 3)
    return account
  }

  accounts
    .command('list')
    .description('every employee with their login and its state')
    .option('--without-login', 'only employees without a login (无账号)')
    .option('--state <state>', `only this state: ${accountStateSchema.options.join(', ')}`)
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (opts: { withoutLogin?: boolean; state?: string; company?: string; json?: boolean }) => {
      const state = opts.state === undefined ? undefined : accountStateSchema.safeParse(opts.state)
      if (state && !state.success)
        throw new CliError(`--state must be one of ${accountStateSchema.options.join(', ')}`, 2)
      await withDeps(opts.company, async (deps) => {
        const items = []
        for (let page = 1; ; page++) {
          const result = await listAccounts({ db: deps.db, now: () => new Date() }, deps.actor, {
            withoutLogin: opts.withoutLogin ? 'true' : undefined,
            state: state?.data,
            page,
            pageSize: 200,
          })
          items.push(...result.items)
          if (page * result.pageSize >= result.total) break
        }
        if (opts.json) {
          print(JSON.stringify(items, null, 2))
          return
        }
        print(
          formatTable(
            [
              '工号 no',
              '姓名 name',
              '部门 department',
              '账号 login',
              '角色 role',
              '状态 state',
              '最近登录 last login',
            ],
            items.map((a) => [
              a.employeeNo ?? '',
              a.name,
              a.departmentName ?? '',
              a.username ?? '',
              a.role ?? '',
              stateLabels[a.state] +
                (a.disabledReason ? ` (${a.disabledReason} ${a.disabledDate ?? ''})` : ''),
              a.lastLoginDate ?? '',
            ]),
          ),
        )
        print(`${items.length} people`)
      })
    })

  accounts
    .command('create')
    .description('give employees a login; prints each one-time password or activation link once')
    .option('--employee <no...>', 'employee number (工号), repeatable')
    .option('--all-without-login', 'every employee who has no login and has not left')
    .option('--role <role>', 'role for all (default: supervisor for managers, else employee)')
    .option('--delivery <how>', 'password (initial password, default) or link (activation link, 7 days)')
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        employee?: string[]
        allWithoutLogin?: boolean
        role?: string
        delivery?: string
        company?: string
        json?: boolean
      }) => {
        const delivery = deliveryOption(opts.delivery)
        const role = opts.role === undefined ? undefined : roleSchema.safeParse(opts.role)
        if (role && !role.success)
          throw new CliError(`--role must be one of ${roleSchema.options.join(', ')}`, 2)
        if (!opts.employee?.length && !opts.allWithoutLogin)
          throw new CliError('name employees with --employee NO (repeatable) or use --all-without-login', 2)
        await withDeps(opts.company, async (deps) => {
          const ids: number[] = []
          if (opts.employee?.length) {
            ids.push(...(await findEmployeeIdsByNo(deps, deps.companyId, opts.employee)))
          }
          if (opts.allWithoutLogin) {
            ids.push(...(await findEmployeesWithoutLogin(deps, deps.companyId, new Date())))
          }
          const unique = [...new Set(ids)]
          if (unique.length === 0) {
            print('nobody without a login: nothing to do')
            return
          }
          const results = []
          let created = 0
          for (let start = 0; start < unique.length; start += maxAccountsPerRequest) {
            const batch = await createAccounts(
              { db: deps.db, now: () => new Date(), actor: deps.actor },
              { employeeIds: unique.slice(start, start + maxAccountsPerRequest), delivery, role: role?.data },
            )
            results.push(...batch.results)
            created += batch.created
          }
          if (opts.json) {
            print(JSON.stringify(results, null, 2))
            return
          }
          print(
            formatTable(
              [
                '工号 no',
                '姓名 name',
                '账号 login',
                '角色 role',
                '结果 outcome',
                delivery === 'initial_password' ? '初始密码 password' : '激活链接 link',
              ],
              results.map((r) => [
                r.employeeNo ?? String(r.employeeId),
                r.name ?? '',
                r.username ?? '',
                r.role ?? '',
                r.outcome === 'created' ? 'created' : `${r.outcome}: ${r.message ?? ''}`,
                describeSecret(r.secret),
              ]),
            ),
          )
          print(`${created} created. The secrets above are shown only now: hand each to its person.`)
          if (delivery === 'activation_link')
            print(
              'Links are relative: put the server address in front (https://jixiao.example.com/activate?token=…).',
            )
        })
      },
    )

  accounts
    .command('reset <username>')
    .description('new initial password or activation link for a login; ends all its sessions')
    .option('--delivery <how>', 'password (default) or link')
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .action(async (username: string, opts: { delivery?: string; company?: string }) => {
      const delivery = deliveryOption(opts.delivery)
      await withDeps(opts.company, async (deps) => {
        const account = await findLogin(deps, username)
        const result = await resetAccount(
          { db: deps.db, now: () => new Date(), actor: deps.actor },
          account.id,
          {
            delivery,
          },
        )
        print(`${result.username}: ${describeSecret(result.secret)}`)
        print(`${result.endedSessions} session(s) ended. Shown only now: hand it to its person.`)
      })
    })

  accounts
    .command('disable <username>')
    .description('disable a login; all its sessions end at once')
    .option('--reason <text>', 'why (shown on the accounts page)')
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .action(async (username: string, opts: { reason?: string; company?: string }) => {
      await withDeps(opts.company, async (deps) => {
        const account = await findLogin(deps, username)
        const result = await disableAccount(
          { db: deps.db, now: () => new Date(), actor: deps.actor },
          account.id,
          {
            reason: opts.reason,
          },
        )
        print(`${result.username} disabled; ${result.endedSessions} session(s) ended`)
      })
    })

  accounts
    .command('enable <username>')
    .description('enable a disabled login again')
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .action(async (username: string, opts: { company?: string }) => {
      await withDeps(opts.company, async (deps) => {
        const account = await findLogin(deps, username)
        const result = await enableAccount(
          { db: deps.db, now: () => new Date(), actor: deps.actor },
          account.id,
        )
        print(`${result.username} enabled (${result.state})`)
      })
    })

  accounts
    .command('role <username> <role>')
    .description(`give a login another role: ${roleSchema.options.join(', ')}`)
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .action(async (username: string, roleName: string, opts: { company?: string }) => {
      const role = roleSchema.safeParse(roleName)
      if (!role.success) throw new CliError(`role must be one of ${roleSchema.options.join(', ')}`, 2)
      await withDeps(opts.company, async (deps) => {
        const account = await findLogin(deps, username)
        const result = await changeAccountRole(
          { db: deps.db, now: () => new Date(), actor: deps.actor },
          account.id,
          role.data,
        )
        print(`${result.username} is now ${result.role}`)
      })
    })
}
