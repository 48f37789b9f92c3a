import { DomainError } from '../../core/errors.ts'
import type { Template } from '../../core/templates/template.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { createTemplateRepository } from '../../db/template-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { checkTemplate } from './check-template.ts'

function requireTemplateEditor(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'hr') {
    throw new DomainError('forbidden', 'only admin and HR may change templates')
  }
}

/** Creates a custom template (version 1) after validating it whole. */
export async function createTemplate(
  deps: { db: Db },
  actor: Actor,
  input: unknown,
  note: string | null = null,
): Promise<{ id: number; version: number }> {
  requireTemplateEditor(actor)
  const definition = checkTemplate(input)
  return deps.db.transaction().execute(async (trx) => {
    const repo = createTemplateRepository(trx)
    if (await repo.findByCode(actor.companyId, definition.code)) {
      throw new DomainError('conflict', `a template with code "${definition.code}" already exists`, [
        { path: 'code', message: 'already used by another template' },
      ])
    }
    const id = await repo.insert(actor.companyId, definition, 'custom', actor.userId, note)
    await appendAudit(trx, {
      companyId: actor.companyId,
      actorUserId: actor.userId,
      action: 'template.create',
      entity: 'template',
      entityId: id,
      after: { code: definition.code, version: 1 },
      reason: note,
    })
    return { id, version: 1 }
  })
}

/**
 * Saves an edit as a new version; cycles keep the version they pinned. `expectedVersion` is the version
 * the editor started from: if someone saved in between, the save is refused with the current version.
 */
export async function saveTemplateVersion(
  deps: { db: Db },
  actor: Actor,
  templateId: number,
  expectedVersion: number,
  input: unknown,
  note: string | null = null,
): Promise<{ id: number; version: number }> {
  requireTemplateEditor(actor)
  const definition = checkTemplate(input)
  return deps.db.transaction().execute(async (trx) => {
    const repo = createTemplateRepository(trx)
    const row = await repo.findById(actor.companyId, templateId)
    if (!row) throw new DomainError('not_found', `template ${templateId} does not exist`)
    if (row.status === 'archived') throw new DomainError('locked', `template ${row.code} is archived`)
    if (definition.code !== row.code) {
      throw new DomainError('invalid_input', 'a template keeps its code across versions', [
        { path: 'code', message: `must stay "${row.code}"` },
      ])
    }
    const saved = await repo.addVersion(
      actor.companyId,
      templateId,
      expectedVersion,
      definition,
      actor.userId,
      note,
    )
    if (!saved) {
      throw new DomainError(
        'conflict',
        `template ${row.code} was saved by someone else: the latest version is ${row.latest_version}, you edited version ${expectedVersion}`,
        [],
        { latestVersion: row.latest_version },
      )
    }
    await appendAudit(trx, {
      companyId: actor.companyId,
      actorUserId: actor.userId,
      action: 'template.version',
      entity: 'template',
      entityId: templateId,
      before: { version: expectedVersion },
      after: { version: expectedVersion + 1 },
      reason: note,
    })
    return { id: templateId, version: expectedVersion + 1 }
  })
}

/** Copies a template (at its latest version) under a new code and name, as a custom template. */
export async function copyTemplate(
  deps: { db: Db },
  actor: Actor,
  templateId: number,
  code: string,
  name: string,
): Promise<{ id: number; version: number }> {
  requireTemplateEditor(actor)
  const repo = createTemplateRepository(deps.db)
  const row = await repo.findById(actor.companyId, templateId)
  if (!row) throw new DomainError('not_found', `template ${templateId} does not exist`)
  const source = await repo.findVersion(actor.companyId, templateId, row.latest_version)
  const copy: Template = { ...(source!.definition as Template), code, name }
  return createTemplate(deps, actor, copy, `copied from ${row.code} v${row.latest_version}`)
}

/** Archives or restores a template; archived templates cannot be edited or chosen for new cycles. */
export async function setTemplateArchived(
  deps: { db: Db },
  actor: Actor,
  templateId: number,
  archived: boolean,
): Promise<void> {
  requireTemplateEditor(actor)
  await deps.db.transaction().execute(async (trx) => {
    const repo = createTemplateRepository(trx)
    const row = await repo.findById(actor.companyId, templateId)
    if (!row) throw new DomainError('not_found', `template ${templateId} does not exist`)
    const status = archived ? 'archived' : 'active'
    await repo.setStatus(actor.companyId, templateId, status)
    await appendAudit(trx, {
      companyId: actor.companyId,
      actorUserId: actor.userId,
      action: archived ? 'template.archive' : 'template.restore',
      entity: 'template',
      entityId: templateId,
      before: { status: row.status },
      after: { status },
    })
  })
}
