import { builtinPositionTemplates } from '../../core/library/builtin-positions.ts'
import { builtinTemplates } from '../../core/library/builtin-templates.ts'
import type { Db } from '../../db/database.ts'
import { createTemplateRepository } from '../../db/template-repository.ts'

/**
 * Gives a company the whole built-in library (each seed table as a template, version 1) and links its
 * positions to their default template by position name. Templates the company already has are kept, and so
 * is every position's existing link (a position HR linked to another template keeps it).
 */
export async function installBuiltinTemplates(
  db: Db,
  companyId: number,
  /** The seed role a company's position name stands for, where the names differ (物流售后主管 → 发货部主管). */
  seedRoleOf: Readonly<Record<string, string>> = {},
): Promise<{ installed: number; linked: number }> {
  const repo = createTemplateRepository(db)
  let installed = 0
  const idByCode = new Map<string, number>()
  for (const template of builtinTemplates) {
    const existing = await repo.findByCode(companyId, template.code)
    if (existing) {
      idByCode.set(template.code, existing.id)
      continue
    }
    idByCode.set(template.code, await repo.insert(companyId, template, 'builtin', null, 'built-in library'))
    installed++
  }
  const positions = await repo.listPositionsWithoutTemplate(companyId)
  let linked = 0
  for (const position of positions) {
    const code = builtinPositionTemplates[seedRoleOf[position.name] ?? position.name]
    const templateId = code ? idByCode.get(code) : undefined
    if (templateId === undefined) continue
    await repo.assignToPosition(companyId, position.id, templateId)
    linked++
  }
  return { installed, linked }
}
