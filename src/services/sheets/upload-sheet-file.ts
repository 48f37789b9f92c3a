import { createHash } from 'node:crypto'
import { maxAttachmentBytes } from '../../contracts/workflow.ts'
import { DomainError } from '../../core/errors.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { findSheetRow, insertSheetFile } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { canReadSheet, resolveSheetParty } from './resolve-sheet-party.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** Decoded size of a base64 string, without decoding it. */
export function base64DecodedSize(base64: string): number {
  const clean = base64.replace(/\s/g, '')
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.floor((clean.length * 3) / 4) - padding
}

/**
 * Stores a small file (≤ 2 MB) with a sheet for records, observations and appeal evidence. The size is
 * checked before anything is decoded or written; the employee, the reviewer and HR may attach until the
 * sheet is final.
 */
export async function uploadSheetFile(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { name: string; contentType: string; dataBase64: string },
) {
  const size = base64DecodedSize(input.dataBase64)
  if (size > maxAttachmentBytes)
    throw new DomainError(
      'too_large',
      `附件“${input.name}”大小 ${(size / 1024 / 1024).toFixed(2)} MB，超过 2 MB 上限（attachment over the 2 MB limit）`,
      [{ path: 'dataBase64', message: '超过 2 MB 上限' }],
    )
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(input.dataBase64))
    throw new DomainError('invalid_input', '附件内容不是有效的 base64', [
      { path: 'dataBase64', message: '不是 base64' },
    ])
  const data = Buffer.from(input.dataBase64, 'base64')
  return deps.db.transaction().execute(async (trx) => {
    const db = trx
    const row = await findSheetRow(db, actor.companyId, sheetId)
    const party = row ? await resolveSheetParty(trx, actor, row) : 'other'
    if (!row || !canReadSheet(party, row.state))
      throw new DomainError('not_found', `考核表 ${sheetId} 不存在`)
    if (row.state === 'final')
      throw new DomainError('locked', `考核表 ${sheetId} 已归档，不能再添加附件（the sheet is final）`)
    if (!['owner', 'reviewer', 'hr'].includes(party))
      throw new DomainError('forbidden', '只有被考核人、评分上级和人力资源可以上传附件')
    const meta = await insertSheetFile(db, {
      companyId: actor.companyId,
      sheetId,
      name: input.name,
      contentType: input.contentType,
      data,
      sha256: createHash('sha256').update(data).digest('hex'),
      userId: actor.userId,
    })
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'sheet.attach_file',
        entity: 'appraisal_sheet',
        entityId: sheetId,
        after: { fileId: meta.id, name: meta.name, size: meta.size, sha256: meta.sha256 },
      },
      deps.now(),
    )
    return meta
  })
}
