import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { type IdentityProviderInput, identityProviderKindSchema } from '../../contracts/identity-providers.ts'
import { DomainError } from '../../core/errors.ts'
import { type EmployeeMatchField, employeeMatchFields } from '../../core/identity/identity-provider-rules.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../services/auth/actor.ts'
import { listCompanyIdentityProviders } from '../../services/identity/list-identity-providers.ts'
import { saveIdentityProvider } from '../../services/identity/save-identity-provider.ts'
import { formatTable } from '../print-table.ts'

// `jixiao sso list|set`: sign-in with the company's DingTalk, Feishu, WeCom or OpenID Connect, configured
// without a server, through the same services (and audit log) as the admin's page.

export type OpenSsoDeps = (company?: string) => Promise<{ db: Db; actor: Actor; close(): Promise<void> }>

type Print = (text: string) => void

/** Stands in for the server's address in the callback URLs printed here. */
const placeholderOrigin = 'https://<host>'

function invalid(path: string, message: string): DomainError {
  return new DomainError('invalid_input', `${path}: ${message}`, [{ path, message }])
}

/** `mobile=phone` → the identity field and the employee field it matches. */
export function parseMatchRule(rule: string): { identityField: string; employeeField: EmployeeMatchField } {
  const [identityField = '', employeeField = '', extra] = rule.split('=').map((s) => s.trim())
  if (
    !identityField ||
    extra !== undefined ||
    !(employeeMatchFields as readonly string[]).includes(employeeField)
  )
    throw invalid(
      'match',
      `应写成 身份字段=员工字段，员工字段为 ${employeeMatchFields.join(' / ')}，例如 mobile=phone`,
    )
  return { identityField, employeeField: employeeField as EmployeeMatchField }
}

export function registerSsoCommands(
  program: Command,
  openDeps: OpenSsoDeps,
  print: Print = console.log,
): void {
  const sso = program
    .command('sso')
    .description(
      'sign-in with the company’s DingTalk, Feishu, WeCom or OpenID Connect (钉钉/飞书/企业微信登录)',
    )

  sso
    .command('list')
    .description('the company’s sign-in providers (secrets are never shown)')
    .option('--company <company>', 'company (when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (opts: { company?: string; json?: boolean }) => {
      const deps = await openDeps(opts.company)
      try {
        const items = await listCompanyIdentityProviders(deps.db, deps.actor, placeholderOrigin)
        if (opts.json) return print(JSON.stringify({ items }, null, 2))
        if (items.length === 0)
          return print('no sign-in provider is set up; add one with `jixiao sso set KIND …`')
        print(
          formatTable(
            [
              'kind',
              'name 名称',
              'client id',
              'secret',
              'match 匹配',
              'enabled 启用',
              'callback URL 回调地址',
            ],
            items.map((p) => [
              p.kind,
              p.displayName,
              p.clientId,
              p.hasSecret ? 'saved' : 'missing',
              `${p.matchIdentityField} → ${p.matchEmployeeField}`,
              p.enabled ? 'yes' : 'no',
              p.redirectUrl,
            ]),
          ),
        )
      } finally {
        await deps.close()
      }
    })

  sso
    .command('set')
    .description('create or update the provider of one kind: oidc, dingtalk, feishu or wecom')
    .argument('<kind>', 'oidc | dingtalk | feishu | wecom')
    .option('--client-id <id>', 'OIDC client id / DingTalk Client ID / Feishu App ID (WeCom: use --corp-id)')
    .option('--secret-file <file>', 'file holding the app secret (required when creating; omitted, kept)')
    .option('--issuer <url>', 'OpenID Connect issuer (https; http only for localhost)')
    .option('--corp-id <id>', 'WeCom 企业ID (CorpID)')
    .option('--agent-id <id>', 'WeCom AgentId')
    .requiredOption(
      '--match <rule>',
      'IDENTITY_FIELD=EMPLOYEE_FIELD, e.g. mobile=phone, userid=employee_no, email=email',
    )
    .option('--display-name <name>', 'name on the login button')
    .option('--disable', 'save it switched off (nobody can sign in with it)')
    .option('--company <company>', 'company (when the database holds several)')
    .action(
      async (
        kindArg: string,
        opts: {
          clientId?: string
          secretFile?: string
          issuer?: string
          corpId?: string
          agentId?: string
          match: string
          displayName?: string
          disable?: boolean
          company?: string
        },
      ) => {
        const kind = identityProviderKindSchema.safeParse(kindArg)
        if (!kind.success) throw invalid('kind', '应为 oidc、dingtalk、feishu 或 wecom')
        const rule = parseMatchRule(opts.match)
        let clientSecret: string | undefined
        if (opts.secretFile !== undefined) {
          // The secret comes from a file so it never shows in the shell history or the process list.
          clientSecret = (
            await readFile(opts.secretFile, 'utf8').catch(() => {
              throw invalid('secret-file', `读不到文件 ${opts.secretFile}`)
            })
          ).trim()
          if (!clientSecret) throw invalid('secret-file', '文件是空的')
        }
        const input: IdentityProviderInput = {
          displayName: opts.displayName,
          clientId: opts.clientId,
          ...(clientSecret === undefined ? {} : { clientSecret }),
          issuer: opts.issuer,
          corpId: opts.corpId,
          agentId: opts.agentId,
          matchIdentityField: rule.identityField,
          matchEmployeeField: rule.employeeField,
          enabled: !opts.disable,
        }
        const deps = await openDeps(opts.company)
        try {
          const saved = await saveIdentityProvider(
            { db: deps.db, now: () => new Date() },
            deps.actor,
            kind.data,
            input,
            placeholderOrigin,
          )
          print(
            `${saved.displayName} (${saved.kind}) saved, ${saved.enabled ? 'enabled' : 'disabled'}; ` +
              `match ${saved.matchIdentityField} → ${saved.matchEmployeeField}\n` +
              `register this callback URL with the provider: ${saved.redirectUrl}`,
          )
        } finally {
          await deps.close()
        }
      },
    )
}
