import { DomainError } from '../../core/errors.ts'
import type { Template } from '../../core/templates/template.ts'
import { type AgreedTargets, validateAgreedTargets } from '../../core/workflow/build-sheet-inputs.ts'
import { findTemplateDefinition } from '../../db/sheet-repository.ts'
import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** Sets this period's targets and weights (制定目标); a change clears both confirmations, so both parties agree again. */
export async function setTargets(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { expectedVersion: number; indicators: NonNullable<AgreedTargets['indicators']> },
) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'set_targets',
    expectedVersion: input.expectedVersion,
    patch: async (ctx) => {
      const version = await findTemplateDefinition(ctx.db, ctx.row.template_version_id)
      // Targets derived from history stay frozen beside the agreed ones.
      const derived = (ctx.row.targets as AgreedTargets | null)?.derived
      const targets: AgreedTargets = { indicators: input.indicators, ...(derived ? { derived } : {}) }
      const issues = validateAgreedTargets(version.definition as Template, targets)
      if (issues.length > 0)
        throw new DomainError(
          'invalid_input',
          issues.map((i) => `${i.path}: ${i.message}`).join('；'),
          issues,
        )
      return { targets, owner_confirmed_at: null, reviewer_confirmed_at: null }
    },
  })
}
