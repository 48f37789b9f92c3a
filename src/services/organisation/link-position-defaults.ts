import { builtinTemplates } from '../../core/library/builtin-templates.ts'
import type { Db } from '../../db/database.ts'
import { createTemplateRepository } from '../../db/template-repository.ts'
import { assignBuiltinPaySchemes } from '../pay/assign-builtin-pay-schemes.ts'
import { installBuiltinTemplates } from '../templates/install-builtin-templates.ts'

/**
 * A position created after setup (by hand, from the roster or from the directory) and named like a seed role
 * (客服专员, 店长 …) gets that role's built-in template and pay scheme, as the positions present at setup did;
 * positions already linked keep their template and scheme. Only a company that has the built-in library (every
 * company made by setup or `jixiao company create`) is linked. Run inside the transaction that created them.
 */
export async function linkPositionDefaults(db: Db, companyId: number): Promise<void> {
  const first = builtinTemplates[0]
  if (!first || !(await createTemplateRepository(db).findByCode(companyId, first.code))) return
  await installBuiltinTemplates(db, companyId)
  await assignBuiltinPaySchemes(db, companyId)
}
