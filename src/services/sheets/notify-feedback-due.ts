import { insertFeedbackDueNotifications } from '../../db/computed-score-writer.ts'
import type { Db } from '../../db/database.ts'
import { enqueueWebhook, findWebhook } from '../../db/notification-repository.ts'
import { webhookPayload } from '../notifications/webhook-payload.ts'

/** Names listed in a reviewer's "feedback meetings due" notification before "等". */
const feedbackNamesShown = 5

/**
 * After scores are computed (one sheet or a batch): each reviewer hears once that the feedback meetings are due,
 * and the company's group robot, when configured, hears it once (not once per reviewer). Both statements are
 * sent together, so on one connection they queue behind the caller's writes.
 */
export async function notifyFeedbackDue(
  db: Db,
  computed: {
    companyId: number
    cycle: { id: number; name: string }
    sheetIds: readonly number[]
    now: Date
  },
): Promise<void> {
  const { companyId, cycle, sheetIds, now } = computed
  const title = `${cycle.name}：请进行绩效面谈`
  const notified = insertFeedbackDueNotifications(db, {
    companyId,
    cycleId: cycle.id,
    title,
    sheetIds,
    namesShown: feedbackNamesShown,
    now,
  })
  notified.catch(() => undefined)
  const robotMessage = {
    title,
    body: `${sheetIds.length} 张考核表已计算，请各位主管在“我的团队”中进行绩效面谈。`,
  }
  const robot = findWebhook(db, companyId).then((webhook) =>
    webhook?.enabled
      ? enqueueWebhook(db, {
          companyId,
          notificationId: null,
          url: webhook.url,
          payload: webhookPayload(webhook.flavour, robotMessage),
          now,
        })
      : undefined,
  )
  robot.catch(() => undefined)
  await notified
  await robot
}
