// Shapes of the notifications HTTP API as the web reads them (src/api/routes/notifications.ts).

/** One in-app notification (站内通知); `entity` and `entityId` name what it is about, e.g. appraisal_sheet 12. */
export type AppNotification = {
  id: number
  kind: string
  title: string
  body: string
  entity: string
  entityId: string
  readAt: string | null
  createdAt: string
}

export type NotificationListing = { items: AppNotification[]; unread: number }

export const webhookFlavours = ['dingtalk', 'feishu', 'wecom'] as const
export type WebhookFlavour = (typeof webhookFlavours)[number]

/** The company's group robot (群机器人) that also receives every notification. */
export type Webhook = { flavour: WebhookFlavour; url: string; enabled: boolean }
