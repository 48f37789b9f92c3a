import type { Db } from '../../db/database.ts'
import { createTemplateRepository, type TemplateSummary } from '../../db/template-repository.ts'
import type { Actor } from '../auth/actor.ts'

/** The company's templates, built-in library first; archived ones only on request. */
export function listTemplates(
  deps: { db: Db },
  actor: Actor,
  includeArchived = false,
): Promise<TemplateSummary[]> {
  return createTemplateRepository(deps.db).list(actor.companyId, includeArchived)
}
