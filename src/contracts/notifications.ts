import { z } from 'zod'
import { normaliseAllowedHost } from '../core/notifications/check-webhook-address.ts'

// The group robot's allow-list (允许的主机): hosts besides the platforms' documented robot hosts that the admin
// lets the robot reach, e.g. a relay inside the company network; they may use http.

export const maxAllowedWebhookHosts = 20

export const allowedWebhookHostSchema = z
  .string()
  .max(260)
  .transform((entry, ctx) => {
    const host = normaliseAllowedHost(entry)
    if (host === undefined) {
      ctx.addIssue({ code: 'custom', message: '应为主机名或 IP 地址，可带端口，如 robot.example.com:8080' })
      return z.NEVER
    }
    return host
  })
  .meta({ example: 'robot.example.com:8080' })

export const webhookAllowedHostsSchema = z
  .strictObject({
    hosts: z
      .array(allowedWebhookHostSchema)
      .max(maxAllowedWebhookHosts, `最多 ${maxAllowedWebhookHosts} 个主机`)
      .transform((hosts) => [...new Set(hosts)]),
  })
  .meta({ id: 'WebhookAllowedHosts' })
export type WebhookAllowedHosts = z.infer<typeof webhookAllowedHostsSchema>

// In-app notifications (站内通知) and the company's group robot (群机器人), as the notifications routes answer.

const timestamp = z.string().meta({ format: 'date-time' })

export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    entity: z.string().meta({ description: 'What the notification is about, e.g. appraisal_sheet' }),
    entityId: z.string(),
    readAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Notification' })

export const notificationListSchema = z
  .object({ items: z.array(notificationSchema), unread: z.number().int() })
  .meta({ id: 'NotificationList', description: 'My notifications, newest first, with the unread count' })

export const webhookFlavours = ['dingtalk', 'feishu', 'wecom'] as const

export const webhookSchema = z
  .object({ flavour: z.enum(webhookFlavours), url: z.string(), enabled: z.boolean() })
  .nullable()
  .meta({ id: 'Webhook' })

export const webhookAllowedHostListSchema = z.object({ hosts: z.array(z.string()) }).meta({
  id: 'WebhookAllowedHostList',
  description: 'Hosts besides the platforms’ own that the robot may reach',
})

export type AppNotification = z.infer<typeof notificationSchema>
export type NotificationList = z.infer<typeof notificationListSchema>
export type WebhookFlavour = (typeof webhookFlavours)[number]
export type Webhook = NonNullable<z.infer<typeof webhookSchema>>
