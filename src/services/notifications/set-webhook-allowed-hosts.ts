import { DomainError } from '../../core/errors.ts'
import { webhookAddressProblem } from '../../core/notifications/check-webhook-address.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import {
  findWebhook,
  findWebhookAllowedHosts,
  saveWebhookAllowedHosts,
} from '../../db/notification-repository.ts'
import type { Actor } from '../auth/actor.ts'
import type { NotificationDeps } from './notification-deps.ts'

/**
 * Admin sets the hosts besides DingTalk's, Feishu's and WeCom's own that the group robot may reach (允许的主机).
 * A list that would strand the robot's current address is refused: remove or change the robot first.
 */
export async function setWebhookAllowedHosts(deps: NotificationDeps, actor: Actor, hosts: string[]) {
  if (actor.role !== 'admin') throw new DomainError('forbidden', '只有管理员可以配置通知机器人')
  await deps.db.transaction().execute(async (trx) => {
    const db = trx
    const before = await findWebhookAllowedHosts(db, actor.companyId)
    const webhook = await findWebhook(db, actor.companyId)
    if (webhook && webhookAddressProblem(webhook.url, hosts, webhook.flavour)) {
      const host = new URL(webhook.url).host
      throw new DomainError('invalid_state', `群机器人地址仍使用主机 ${host}，请先修改或移除群机器人`, [
        { path: 'hosts', message: `群机器人地址仍使用 ${host}` },
      ])
    }
    await saveWebhookAllowedHosts(db, actor.companyId, hosts)
    await appendAudit(
      trx,
      {
        companyId: actor.companyId,
        actorUserId: actor.userId,
        action: 'notifications.allowed_hosts',
        entity: 'company',
        entityId: actor.companyId,
        before: { hosts: before },
        after: { hosts },
      },
      deps.now(),
    )
  })
  return getWebhookAllowedHosts(deps, actor)
}

export async function getWebhookAllowedHosts(deps: NotificationDeps, actor: Actor) {
  if (actor.role !== 'admin') throw new DomainError('forbidden', '只有管理员可以查看通知机器人')
  return { hosts: await findWebhookAllowedHosts(deps.db, actor.companyId) }
}
