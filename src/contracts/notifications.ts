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
