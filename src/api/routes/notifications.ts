import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import {
  notificationListSchema,
  webhookAllowedHostListSchema,
  webhookAllowedHostsSchema,
  webhookSchema,
} from '../../contracts/notifications.ts'
import { markReadSchema, webhookInputSchema } from '../../contracts/workflow.ts'
import { listNotifications } from '../../services/notifications/list-notifications.ts'
import { markNotificationsRead } from '../../services/notifications/mark-notifications-read.ts'
import { getWebhook, setWebhook } from '../../services/notifications/set-webhook.ts'
import {
  getWebhookAllowedHosts,
  setWebhookAllowedHosts,
} from '../../services/notifications/set-webhook-allowed-hosts.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole, requireSignedIn } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// In-app notifications (站内通知) and the company's group-robot webhook (DingTalk, Feishu/Lark, WeCom).

const list = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags: ['notifications'],
  summary: 'My notifications, newest first, with the unread count',
  security: readSecurity,
  middleware: [requireSignedIn()] as const,
  request: { query: z.object({ unread: z.enum(['true', 'false']).optional() }) },
  responses: {
    200: jsonResponse('Notifications', notificationListSchema),
    ...errorResponses(400, 401),
  },
})

const read = createRoute({
  method: 'post',
  path: '/api/notifications/read',
  tags: ['notifications'],
  summary: 'Mark my notifications read (ids, or "all")',
  security: writeSecurity,
  middleware: [requireSignedIn()] as const,
  request: { body: jsonBody(markReadSchema) },
  responses: {
    200: jsonResponse('Marked', z.object({ marked: z.number() })),
    ...errorResponses(400, 401, 403),
  },
})

const getHook = createRoute({
  method: 'get',
  path: '/api/notifications/webhook',
  tags: ['notifications'],
  summary: 'The group-robot webhook (admin)',
  security: readSecurity,
  middleware: [requireRole('admin')] as const,
  responses: { 200: jsonResponse('The webhook', webhookSchema), ...errorResponses(401, 403) },
})

const putHook = createRoute({
  method: 'put',
  path: '/api/notifications/webhook',
  tags: ['notifications'],
  summary:
    'Set or remove (null) the group-robot webhook (admin): https to the platform’s documented robot host, or a host on the allow-list',
  security: writeSecurity,
  middleware: [requireRole('admin')] as const,
  request: { body: jsonBody(webhookInputSchema) },
  responses: { 200: jsonResponse('The webhook', webhookSchema), ...errorResponses(400, 401, 403) },
})

const getHosts = createRoute({
  method: 'get',
  path: '/api/notifications/allowed-hosts',
  tags: ['notifications'],
  summary: 'The hosts the group robot may reach besides DingTalk’s, Feishu’s and WeCom’s own (admin)',
  security: readSecurity,
  middleware: [requireRole('admin')] as const,
  responses: {
    200: jsonResponse('The allow-list', webhookAllowedHostListSchema),
    ...errorResponses(401, 403),
  },
})

const putHosts = createRoute({
  method: 'put',
  path: '/api/notifications/allowed-hosts',
  tags: ['notifications'],
  summary: 'Replace the group robot’s allow-list of hosts (admin); allow-listed hosts may use http',
  security: writeSecurity,
  middleware: [requireRole('admin')] as const,
  request: { body: jsonBody(webhookAllowedHostsSchema) },
  responses: {
    200: jsonResponse('The allow-list', webhookAllowedHostListSchema),
    ...errorResponses(400, 401, 403, 409),
  },
})

export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps = { db: ctx.db, now: ctx.now }
  app.openapi(list, async (c) =>
    c.json(
      await listNotifications(deps, c.get('actor'), { unreadOnly: c.req.valid('query').unread === 'true' }),
      200,
    ),
  )
  app.openapi(read, async (c) =>
    c.json(await markNotificationsRead(deps, c.get('actor'), c.req.valid('json').ids), 200),
  )
  app.openapi(getHook, async (c) => c.json(await getWebhook(deps, c.get('actor')), 200))
  app.openapi(putHook, async (c) => {
    await setWebhook(deps, c.get('actor'), c.req.valid('json'))
    return c.json(await getWebhook(deps, c.get('actor')), 200)
  })
  app.openapi(getHosts, async (c) => c.json(await getWebhookAllowedHosts(deps, c.get('actor')), 200))
  app.openapi(putHosts, async (c) =>
    c.json(await setWebhookAllowedHosts(deps, c.get('actor'), c.req.valid('json').hosts), 200),
  )
}
