import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  identityProviderInputSchema,
  identityProviderKindParamSchema,
  identityProviderListSchema,
  identityProviderSchema,
} from '../../contracts/identity-providers.ts'
import { deleteIdentityProvider } from '../../services/identity/delete-identity-provider.ts'
import { listCompanyIdentityProviders } from '../../services/identity/list-identity-providers.ts'
import { saveIdentityProvider } from '../../services/identity/save-identity-provider.ts'
import type { AppContext, AppEnv } from '../app-env.ts'
import { requestOrigin } from '../request-origin.ts'
import { requireRole } from '../require-role.ts'
import { errorResponses, jsonBody, jsonResponse, readSecurity, writeSecurity } from '../route-responses.ts'

// Sign-in with the company's directory: the admin configures one provider per kind. Secrets go in, never out.

const list = createRoute({
  method: 'get',
  path: '/api/identity-providers',
  tags: ['identity providers'],
  summary: 'The company’s sign-in/directory providers (admin); secrets are never returned (hasSecret)',
  security: readSecurity,
  middleware: [requireRole('admin')] as const,
  responses: { 200: jsonResponse('Providers', identityProviderListSchema), ...errorResponses(401, 403) },
})

const save = createRoute({
  method: 'put',
  path: '/api/identity-providers/{kind}',
  tags: ['identity providers'],
  summary: 'Create or update the company’s provider of one kind (admin); audited without the secret',
  description:
    'clientSecret is required on create; omitted on update, the stored secret is kept. oidc needs clientId, ' +
    'clientSecret and an https issuer (http only for localhost/127.0.0.1); dingtalk and feishu need clientId and ' +
    'clientSecret; wecom needs corpId, agentId and clientSecret (the app Secret). matchIdentityField must be a ' +
    'field the provider returns (any claim name for oidc). Every problem is a 400 naming its field.',
  security: writeSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: identityProviderKindParamSchema, body: jsonBody(identityProviderInputSchema) },
  responses: { 200: jsonResponse('Saved', identityProviderSchema), ...errorResponses(400, 401, 403) },
})

const remove = createRoute({
  method: 'delete',
  path: '/api/identity-providers/{kind}',
  tags: ['identity providers'],
  summary: 'Remove the company’s provider of one kind and the identities matched through it (admin); audited',
  security: writeSecurity,
  middleware: [requireRole('admin')] as const,
  request: { params: identityProviderKindParamSchema },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
})

export function registerIdentityProviderRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(list, async (c) => {
    const items = await listCompanyIdentityProviders(ctx.db, c.get('actor'), requestOrigin(c))
    return c.json({ items }, 200)
  })

  app.openapi(save, async (c) => {
    const saved = await saveIdentityProvider(
      ctx,
      c.get('actor'),
      c.req.valid('param').kind,
      c.req.valid('json'),
      requestOrigin(c),
    )
    return c.json(saved, 200)
  })

  app.openapi(remove, async (c) => {
    await deleteIdentityProvider(ctx, c.get('actor'), c.req.valid('param').kind)
    return c.body(null, 204)
  })
}
