import { DomainError } from '../../core/errors.ts'
import { findSheetFile } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { getSheet } from './get-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** An attachment of a sheet the actor may read (as getSheet decides); anyone else gets not_found. */
export async function getSheetFile(deps: WorkflowDeps, actor: Actor, sheetId: number, fileId: number) {
  await getSheet(deps, actor, sheetId)
  const file = await findSheetFile(deps.db, actor.companyId, sheetId, fileId)
  if (!file) throw new DomainError('not_found', `附件 ${fileId} 不存在`)
  return file
}
