import type { Command } from 'commander'
import { directoryKindSchema } from '../../contracts/directory.ts'
import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { defaultProviderHttp, type ProviderHttp } from '../../services/directory/call-provider.ts'
import {
  describeSyncOutcome,
  directoryBaseUrls,
  providerLabel,
  syncDirectory,
} from '../../services/directory/sync-directory.ts'
import type { ProviderEndpoints } from '../../services/identity/provider-endpoints.ts'
import { formatTable } from '../print-table.ts'

// `jixiao directory sync KIND [--apply] [--json] [--company CODE]`: the directory sync (通讯录同步) without a
// server. Without --apply it only previews (and records the preview, which a first apply needs).

export type OpenDirectoryDeps = (options: { company?: string }) => Promise<{
  db: Db
  companyId: number
  actorUserId: number
  close(): Promise<void>
}>

type Print = (text: string) => void

export function registerDirectoryCommands(
  program: Command,
  openDeps: OpenDirectoryDeps,
  endpoints: () => ProviderEndpoints,
  print: Print = console.log,
  http: ProviderHttp = defaultProviderHttp,
): void {
  const directory = program
    .command('directory')
    .description('directory sync from DingTalk, Feishu or WeCom (通讯录同步)')
  directory
    .command('sync')
    .description('preview (default) or apply a directory sync; nobody is deleted, leavers are marked as left')
    .argument('<kind>', 'dingtalk | feishu | wecom')
    .option('--apply', 'write the changes (the first apply of a provider needs a preview before it)')
    .option('--json', 'print JSON')
    .option('--company <code>', 'company code, id or name (when the database holds several)')
    .action(async (kindArg: string, opts: { apply?: boolean; json?: boolean; company?: string }) => {
      const kind = directoryKindSchema.safeParse(kindArg)
      if (!kind.success)
        throw new DomainError(
          'invalid_input',
          `未知的通讯录来源「${kindArg}」：应为 dingtalk、feishu 或 wecom`,
          [{ path: 'kind', message: '应为 dingtalk、feishu 或 wecom' }],
        )
      const deps = await openDeps({ company: opts.company })
      try {
        const outcome = await syncDirectory(
          { db: deps.db, now: () => new Date(), http, baseUrls: directoryBaseUrls(endpoints()) },
          {
            companyId: deps.companyId,
            kind: kind.data,
            mode: opts.apply ? 'apply' : 'preview',
            trigger: 'cli',
            actorUserId: deps.actorUserId,
          },
        )
        const result = describeSyncOutcome(outcome)
        if (opts.json) {
          print(JSON.stringify(result, null, 2))
          return
        }
        const c = result.counts
        print(
          opts.apply
            ? `${providerLabel[kind.data]}通讯录已同步 (applied, run ${result.runId})`
            : `${providerLabel[kind.data]}通讯录同步预览 (preview only, nothing written; run again with --apply to apply)`,
        )
        print(
          formatTable(
            ['', 'count'],
            [
              ['新增部门 departments created', c.departmentsCreated],
              ['新增 created', c.created],
              ['变更 changed', c.changed],
              ['标记离职 marked left', c.markedLeft],
              ['未变 unchanged', c.unchanged],
              ['错误 errors', c.errors],
            ],
          ),
        )
        if (result.created.length > 0)
          print(
            `\n新增 created\n${formatTable(
              ['工号', '姓名', '部门', '上级工号'],
              result.created.map((p) => [p.employeeNo, p.name, p.department ?? '', p.managerNo ?? '']),
            )}`,
          )
        if (result.changed.length > 0)
          print(
            `\n变更 changed\n${formatTable(
              ['工号', '姓名', '字段', '原值 → 新值'],
              result.changed.flatMap((p) =>
                p.changes.map((ch) => [
                  p.employeeNo,
                  p.name,
                  ch.field,
                  `${ch.from ?? '—'} → ${ch.to ?? '—'}`,
                ]),
              ),
            )}`,
          )
        if (result.left.length > 0)
          print(
            `\n标记离职 marked left\n${formatTable(
              ['工号', '姓名', '离职日期'],
              result.left.map((p) => [p.employeeNo, p.name, p.leaveDate]),
            )}`,
          )
        if (result.errors.length > 0)
          print(
            `\n错误 errors\n${formatTable(
              ['工号', '姓名', '原因'],
              result.errors.map((e) => [e.employeeNo ?? '', e.name ?? '', e.message]),
            )}`,
          )
      } finally {
        await deps.close()
      }
    })
}
