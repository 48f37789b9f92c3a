import { DomainError } from '../../core/errors.ts'
import { webhookAddressProblem } from '../../core/notifications/check-webhook-address.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { findWebhook, findWebhookAllowedHosts, saveWebhook } from '../../db/notification-repository.ts'
import type { WebhookFlavour } from '../../db/workflow-tables.ts'
import type { Actor } from '../auth/actor.ts'
import type { NotificationDeps } from './notification-deps.ts'

/**
 * Admin configures (or removes, with null) the group robot that receives notifications: DingTalk, Feishu/Lark or
 * WeCom, at an https address of the platform's documented host, or at a host on the company's allow-list.
 */
export async function setWebhook(
  deps: NotificationDeps,
  actor: Actor,
  value: { flavour: WebhookFlavour; url: string; enabled: boolean } | null,
) {
  if (actor.role !== 'admin') throw new DomainError('forbidden', '只有管理员可以配置通知机器人')
  await deps.db.transaction().execute(async (trx) => {
    const db = trx
    if (value) {
      const problem = webhookAddressProblem(
        value.url,
        await findWebhookAllowedHosts(db, actor.companyId),
        value.flavour,
      )
      if (problem)
        throw new DomainError('invalid_input', `url: ${problem}`, [{ path: 'url', message: problem }])
    }
    const before = await findWebhook(db, actor.companyId)
    await saveWebhook(db, actor.companyId, value)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'notifications.webhook',
        entity: 'company',
        entityId: actor.companyId,
        before: before ? { flavour: before.flavour, enabled: before.enabled } : null,
        after: value ? { flavour: value.flavour, enabled: value.enabled } : null,
      },
      deps.now(),
    )
  })
}

export async function getWebhook(deps: NotificationDeps, actor: Actor) {
  if (actor.role !== 'admin') throw new DomainError('forbidden', '只有管理员可以查看通知机器人')
  const row = await findWebhook(deps.db, actor.companyId)
  return row ? { flavour: row.flavour, url: row.url, enabled: row.enabled } : null
}
