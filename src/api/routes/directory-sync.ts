import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  directoryDailyInputSchema,
  directoryDailySchema,
  directoryKindParamSchema,
  directorySyncResultSchema,
  directorySyncRunListSchema,
} from '../../contracts/directory.ts'
import { defaultProviderHttp } from '../../services/directory/call-provider.ts'
import { listDirectorySyncRuns } from '../../services/directory/list-sync-runs.ts'
import { setDailyDirectorySync } from '../../services/directory/set-daily-directory-sync.ts'
import {
  describeSyncOutcome,
  directoryBaseUrls,
  syncDirectory,
} from '../../services/directory/sync-directory.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Directory sync (通讯录同步) from DingTalk, Feishu or WeCom, admin only: preview, apply, and the past runs.

const preview = createRoute({
  method: 'post',
  path: '/api/directory/{kind}/preview',
  tags: ['directory'],
  summary: 'Preview a directory sync: who would be created, changed and marked as left (admin)',
  security: writeSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: directoryKindParamSchema },
  responses: {
    200: jsonResponse(
      'What the sync would do; nothing is written but the run record',
      directorySyncResultSchema,
    ),
    ...errorResponses(400, 401, 403, 404, 409, 502),
  },
})

const apply = createRoute({
  method: 'post',
  path: '/api/directory/{kind}/apply',
  tags: ['directory'],
  summary:
    'Apply a directory sync in one transaction; never deletes anyone (admin). The first needs a preview (409).',
  security: writeSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: directoryKindParamSchema },
  responses: {
    200: jsonResponse('What the sync did', directorySyncResultSchema),
    ...errorResponses(400, 401, 403, 404, 409, 502),
  },
})

const runs = createRoute({
  method: 'get',
  path: '/api/directory/runs',
  tags: ['directory'],
  summary: 'The latest directory sync runs of the company, newest first (admin)',
  security: readSecurity,
  middleware: [requireRole('admin')] as const,
  responses: { 200: jsonResponse('Runs', directorySyncRunListSchema), ...errorResponses(401, 403) },
})

const daily = createRoute({
  method: 'patch',
  path: '/api/directory/{kind}/daily',
  tags: ['directory'],
  summary: 'Turn the daily sync (每日同步) of a provider on or off (admin); it runs after the first apply',
  security: writeSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: directoryKindParamSchema, body: jsonBody(directoryDailyInputSchema) },
  responses: {
    200: jsonResponse('The setting', directoryDailySchema),
    ...errorResponses(400, 401, 403, 404),
  },
})

export function registerDirectorySyncRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps = {
    db: ctx.db,
    now: ctx.now,
    http: defaultProviderHttp,
    baseUrls: directoryBaseUrls(ctx.providerEndpoints),
  }
  for (const [route, mode] of [
    [preview, 'preview'],
    [apply, 'apply'],
  ] as const) {
    app.openapi(route, async (c) => {
      const actor = c.get('actor')
      const outcome = await syncDirectory(deps, {
        companyId: actor.companyId,
        kind: c.req.valid('param').kind,
        mode,
        trigger: 'web',
        actorUserId: actor.userId,
      })
      return c.json(describeSyncOutcome(outcome), 200)
    })
  }
  app.openapi(daily, async (c) => {
    const deps = { db: ctx.db, now: ctx.now, actor: c.get('actor') }
    return c.json(
      await setDailyDirectorySync(deps, c.req.valid('param').kind, c.req.valid('json').syncDaily),
      200,
    )
  })
  app.openapi(runs, async (c) => {
    return c.json({ items: await listDirectorySyncRuns(ctx.db, c.get('actor').companyId) }, 200)
  })
}
