import type { Command } from 'commander'
import type { Config } from '../../config.ts'
import { verifyAuditChain } from '../../db/audit-log-repository.ts'
import { openCliContext } from '../cli-context.ts'
import { CliError } from '../open-cli-database.ts'

// `jixiao audit verify`: recomputes the company's audit hash chain; exit code 1 and the broken row when tampered.
export function registerAuditCommands(program: Command, config: Config): void {
  const audit = program.command('audit').description('the append-only audit log (审计日志)')
  audit
    .command('verify')
    .description(
      'check the hash chain of the audit log; exits 1 and names the first broken row when a row was altered',
    )
    .option('--company <id>', 'company id or name (when the database holds several)')
    .option('--json', 'print JSON')
    .action(async (opts: { company?: string; json?: boolean }) => {
      const ctx = await openCliContext(config, opts.company)
      let failure: string | undefined
      try {
        const check = await verifyAuditChain(ctx.db, ctx.companyId)
        let broken: unknown
        if (!check.ok) {
          broken = await ctx.db
            .selectFrom('audit_log')
            .select(['id', 'action', 'entity', 'entity_id', 'actor_user_id', 'reason', 'created_at'])
            .where('id', '=', check.brokenRowId)
            .executeTakeFirst()
        }
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
            `审计日志完整：${check.rows} 行，哈希链校验通过（audit chain intact: ${check.rows} rows）`,
          )
        if (!check.ok)
          failure = `审计日志被篡改：第 ${check.brokenRowId} 行校验失败（${check.reason}），已检查 ${check.rows} 行（audit chain broken at row ${check.brokenRowId}）${opts.json ? '' : `\n${JSON.stringify(broken)}`}`
      } finally {
        await ctx.close()
      }
      // Thrown after closing: the embedded engine resets process.exitCode when it shuts down.
      if (failure) throw new CliError(failure, 1)
    })
}
