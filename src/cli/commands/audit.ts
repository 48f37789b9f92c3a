import { readFile, writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { auditQuerySchema } from '../../contracts/audit.ts'
import { DomainError } from '../../core/errors.ts'
import { type AuditHeadFile, auditHeadFileSchema } from '../../services/audit/audit-head-file.ts'
import { checkAuditHead } from '../../services/audit/check-audit-head.ts'
import { exportAuditHead } from '../../services/audit/export-audit-head.ts'
import { listAuditPage } from '../../services/audit/list-audit-page.ts'
import { loadAuditKey } from '../../services/audit/load-audit-key.ts'
import { describeTwoRoleSetup } from '../../services/audit/two-role-setup.ts'
import { verifyCompanyAuditLog } from '../../services/audit/verify-company-audit-log.ts'
import { openCliContext } from '../cli-context.ts'
import { CliError, openCliDatabase } from '../open-cli-database.ts'

// `jixiao audit list`, `jixiao audit verify [--head FILE]`, `jixiao audit head [--out FILE]` and `jixiao audit
// roles-sql`: the list reads each row as the audit page does, a sentence and its changed fields; the hash chain
// alone shows an altered row; a signed head kept elsewhere also shows rows cut from its end.
export function registerAuditCommands(program: Command, config: Config): void {
  const audit = program.command('audit').description('the append-only audit log (审计日志)')
  const keySource = { ...config.auditKey, dataDir: config.dataDir }

  audit
    .command('list')
    .description(
      'list the audit log, newest first, each row as a sentence with its changed fields (as on the audit page)',
    )
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--lang <lang>', 'zh-CN, zh-TW or en', 'zh-CN')
    .option('--entity <kind>', 'only rows about this kind of record (e.g. bonus_pool, appraisal_sheet)')
    .option('--entity-id <id>', 'only rows about this record')
    .option('--page <n>', 'page number', '1')
    .option('--limit <n>', 'rows per page (at most 200)', '50')
    .option('--json', 'print JSON (sentences, changes and the raw rows)')
    .action(
      async (opts: {
        company?: string
        lang: string
        entity?: string
        entityId?: string
        page: string
        limit: string
        json?: boolean
      }) => {
        const parsed = auditQuerySchema.safeParse({
          lang: opts.lang,
          entity: opts.entity,
          entityId: opts.entityId,
          page: opts.page,
          pageSize: opts.limit,
        })
        if (!parsed.success)
          throw new DomainError(
            'invalid_input',
            '审计日志查询参数有误 / invalid audit list options',
            parsed.error.issues.map((i) => ({
              path: `--${i.path.join('.').replace('pageSize', 'limit').replace('entityId', 'entity-id')}`,
              message: i.message,
            })),
          )
        const ctx = await openCliContext(config, opts.company)
        let page: Awaited<ReturnType<typeof listAuditPage>>
        try {
          page = await listAuditPage(ctx, ctx.companyId, parsed.data)
        } finally {
          await ctx.close()
        }
        if (opts.json) return void console.log(JSON.stringify(page, null, 2))
        console.log(describeAuditPageAsText(page, parsed.data.lang))
      },
    )

  audit
    .command('verify')
    .description(
      'check the hash chain of the audit log; exits 1 and names the first broken row when a row was altered, ' +
        'and with --head FILE also when rows were deleted or the chain rewritten after that head',
    )
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--head <file>', 'a head written by `jixiao audit head`, kept outside the server')
    .option('--json', 'print JSON')
    .action(async (opts: { company?: string; head?: string; json?: boolean }) => {
      if (opts.head) return verifyAgainstHead(config, keySource, opts as { head: string })
      const ctx = await openCliContext(config, opts.company)
      let failure: string | undefined
      try {
        const { check, brokenRow: broken } = await verifyCompanyAuditLog(ctx, ctx.companyId)
        if (opts.json)
          console.log(
            JSON.stringify(
              { companyId: ctx.companyId, ...check, ...(broken ? { brokenRow: broken } : {}) },
              null,
              2,
            ),
          )
        else if (check.ok)
          console.log(
            `审计日志完整：${check.rows} 行，哈希链校验通过（audit chain intact: ${check.rows} rows; ` +
              'rows cut from its end show only against a head: --head FILE）',
          )
        if (!check.ok)
          failure = `审计日志被篡改：第 ${check.brokenRowId} 行校验失败（${check.reason}），已检查 ${check.rows} 行（audit chain broken at row ${check.brokenRowId}）${opts.json ? '' : `\n${JSON.stringify(broken)}`}`
      } finally {
        await ctx.close()
      }
      // Thrown after closing: the embedded engine resets process.exitCode when it shuts down.
      if (failure) throw new CliError(failure, 1)
    })

  audit
    .command('head')
    .description(
      'write where the audit chain of each company ends now (rows, last row, its hash, time), signed with the ' +
        'audit key; keep the file outside the server and check it later with `audit verify --head FILE`',
    )
    .option('--company <id>', 'only this company (id or name)')
    .option('--out <file>', 'write the head to FILE instead of printing it')
    .option('--json', 'with --out, still print the head as JSON')
    .action(async (opts: { company?: string; out?: string; json?: boolean }) => {
      const key = loadAuditKey(keySource, { create: true })
      const ctx = opts.company ? await openCliContext(config, opts.company) : undefined
      const handle = ctx?.handle ?? (await openCliDatabase(config))
      let head: AuditHeadFile
      try {
        head = await exportAuditHead({ db: handle.db, now: () => new Date() }, key, ctx?.companyId)
      } finally {
        await handle.close()
      }
      const text = `${JSON.stringify(head, null, 2)}\n`
      if (!opts.out) return void process.stdout.write(text)
      await writeFile(opts.out, text)
      if (opts.json) return void process.stdout.write(text)
      console.log(`审计头已写入 ${opts.out}（audit head written to ${opts.out}, key ${key.id}）：`)
      for (const h of head.heads)
        console.log(
          `  company ${h.companyId}: ${h.rows} rows, last row ${h.lastId ?? '-'}, hash ${h.lastHash}`,
        )
    })

  audit
    .command('roles-sql')
    .description(
      'print the SQL of the two-role PostgreSQL setup: an owner role that runs migrations, and the application ' +
        'role the server runs as, without UPDATE, DELETE or TRUNCATE on audit_log',
    )
    .option('--owner <role>', 'the owner role (runs `jixiao migrate`)', 'jixiao_owner')
    .option('--app <role>', 'the application role (DATABASE_URL of the server)', 'jixiao_app')
    .action((opts: { owner: string; app: string }) => {
      console.log(describeTwoRoleSetup(opts))
    })
}

async function verifyAgainstHead(
  config: Config,
  keySource: Parameters<typeof loadAuditKey>[0],
  opts: { head: string; company?: string; json?: boolean },
): Promise<void> {
  const file = await readHeadFile(opts.head)
  const key = loadAuditKey(keySource, { create: false })
  const ctx = opts.company ? await openCliContext(config, opts.company) : undefined
  const handle = ctx?.handle ?? (await openCliDatabase(config))
  let checks: Awaited<ReturnType<typeof checkAuditHead>>
  try {
    checks = await checkAuditHead(handle.db, key, file, ctx?.companyId)
  } finally {
    await handle.close()
  }
  if (checks.length === 0)
    throw new CliError(
      `审计头 ${opts.head} 中没有该公司 / the head ${opts.head} holds no head${opts.company ? ` of company ${opts.company}` : ''}`,
      1,
    )
  if (opts.json) console.log(JSON.stringify({ head: opts.head, keyId: key.id, checks }, null, 2))
  else for (const c of checks.filter((c) => c.ok)) console.log(c.message)
  const failed = checks.filter((c) => !c.ok)
  if (failed.length > 0)
    throw new CliError(
      `审计日志与审计头 ${opts.head} 不符 / the audit log does not match the head ${opts.head}:\n${failed
        .map((c) => `  ${c.message}`)
        .join('\n')}`,
      1,
    )
}

async function readHeadFile(path: string): Promise<AuditHeadFile> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new CliError(`cannot read the audit head ${path}: ${(error as Error).message}`, 2)
  }
  const parsed = auditHeadFileSchema.safeParse(json)
  if (!parsed.success)
    throw new DomainError(
      'invalid_input',
      `${path} 不是审计头文件 / ${path} is not an audit head written by \`jixiao audit head\``,
      parsed.error.issues
        .slice(0, 10)
        .map((i) => ({ path: i.path.join('.') || '(file)', message: i.message })),
    )
  return parsed.data
}

const auditListWords = {
  'zh-CN': {
    reason: '原因',
    total: (n: number, p: number) => `共 ${n} 条，第 ${p} 页`,
    none: '没有审计记录',
  },
  'zh-TW': {
    reason: '原因',
    total: (n: number, p: number) => `共 ${n} 筆，第 ${p} 頁`,
    none: '沒有審計記錄',
  },
  en: { reason: 'Reason', total: (n: number, p: number) => `${n} rows, page ${p}`, none: 'No audit rows' },
} as const

const twoDigits = (n: number) => String(n).padStart(2, '0')

/** The audit page as lines: when, the sentence, then the reason and each changed field indented under it. */
function describeAuditPageAsText(
  page: Awaited<ReturnType<typeof listAuditPage>>,
  lang: keyof typeof auditListWords,
): string {
  const words = auditListWords[lang]
  if (page.items.length === 0) return words.none
  const lines: string[] = []
  for (const row of page.items) {
    const t = row.createdAt
    const when = `${t.getFullYear()}-${twoDigits(t.getMonth() + 1)}-${twoDigits(t.getDate())} ${twoDigits(t.getHours())}:${twoDigits(t.getMinutes())}`
    lines.push(`${when}  ${row.sentence}`)
    if (row.reason) lines.push(`                  ${words.reason}: ${row.reason}`)
    for (const c of row.changes) lines.push(`                  ${c.label}: ${c.before} → ${c.after}`)
  }
  lines.push('', words.total(page.total, page.page))
  return lines.join('\n')
}
