import type { ConsequenceSettings } from '../../contracts/results.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { saveConsequenceSettings as saveRow } from '../../db/pay-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'
import { readConsequenceSettings } from './get-consequence-settings.ts'

/** Sets the consequence rules (dismissal, promotion, improvement, salary table); audited. */
export async function saveConsequenceSettings(
  deps: WorkflowDeps,
  actor: Actor,
  settings: ConsequenceSettings,
): Promise<ConsequenceSettings> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await readConsequenceSettings(trx, actor.companyId)
    await saveRow(trx, actor.companyId, settings)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'consequence_settings.update',
        entity: 'consequence_settings',
        entityId: actor.companyId,
        before,
        after: settings,
      },
      deps.now(),
    )
  })
  return readConsequenceSettings(deps.db, actor.companyId)
}
