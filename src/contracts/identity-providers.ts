import { z } from 'zod'
import { employeeMatchFields, identityProviderKinds } from '../core/identity/identity-provider-rules.ts'

export {
  defaultDisplayNameByKind,
  identityFieldsByKind,
  suggestedMatchByKind,
} from '../core/identity/identity-provider-rules.ts'

// Sign-in with the company's directory: a company's providers as the admin configures them, and the public list
// the login page shows. The secret goes in, never out (hasSecret).

export const identityProviderKindSchema = z.enum(identityProviderKinds).meta({
  id: 'IdentityProviderKind',
  description: 'oidc (OpenID Connect), dingtalk 钉钉, feishu 飞书, wecom 企业微信',
})
export type IdentityProviderKind = z.infer<typeof identityProviderKindSchema>

export const employeeMatchFieldSchema = z
  .enum(employeeMatchFields)
  .meta({ id: 'EmployeeMatchField', description: 'employee_no 工号, email 邮箱, phone 手机号' })

export const identityProviderKindParamSchema = z.object({
  kind: identityProviderKindSchema.meta({ param: { name: 'kind', in: 'path' }, example: 'dingtalk' }),
})

const optionalText = (max: number) => z.string().trim().max(max, `最多 ${max} 个字符`).nullable().optional()

export const identityProviderInputSchema = z
  .strictObject({
    displayName: optionalText(50).meta({ description: 'Name on the login button; default per provider' }),
    clientId: optionalText(200).meta({
      description:
        'OIDC client id / DingTalk Client ID (AppKey) / Feishu App ID; WeCom: omitted (the corp id)',
    }),
    clientSecret: z
      .string()
      .min(1, '不能为空')
      .max(500, '最多 500 个字符')
      .optional()
      .meta({ description: 'Required on create; omitted on update keeps the stored secret' }),
    issuer: optionalText(500).meta({ description: 'OIDC issuer URL (https; http only for localhost)' }),
    corpId: optionalText(100).meta({ description: 'WeCom 企业ID (CorpID)' }),
    agentId: optionalText(20).meta({ description: 'WeCom AgentId of the self-built app' }),
    matchIdentityField: z
      .string()
      .trim()
      .min(1, '不能为空')
      .max(64, '最多 64 个字符')
      .meta({ description: 'Field of the provider identity, e.g. mobile, email, userid, employee_no, sub' }),
    matchEmployeeField: employeeMatchFieldSchema,
    enabled: z.boolean().default(true),
  })
  .meta({ id: 'IdentityProviderInput' })
export type IdentityProviderInput = z.input<typeof identityProviderInputSchema>

export const identityProviderSchema = z
  .object({
    kind: identityProviderKindSchema,
    displayName: z.string(),
    clientId: z.string(),
    hasSecret: z.boolean().meta({ description: 'A secret is stored; it is never returned' }),
    issuer: z.string().nullable(),
    corpId: z.string().nullable(),
    agentId: z.string().nullable(),
    matchIdentityField: z.string(),
    matchEmployeeField: employeeMatchFieldSchema,
    enabled: z.boolean(),
    syncDaily: z.boolean(),
    redirectUrl: z.string().meta({ description: 'The callback URL to register in the provider console' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'IdentityProvider' })
export type IdentityProvider = z.infer<typeof identityProviderSchema>

export const identityProviderListSchema = z
  .object({ items: z.array(identityProviderSchema) })
  .meta({ id: 'IdentityProviderList' })
export type IdentityProviderList = z.infer<typeof identityProviderListSchema>

export const ssoProviderSchema = z
  .object({
    kind: identityProviderKindSchema,
    displayName: z.string(),
    startUrl: z.string().meta({ description: 'Open this URL in the browser to sign in with the provider' }),
  })
  .meta({ id: 'SsoProvider' })
export type SsoProvider = z.infer<typeof ssoProviderSchema>

export const ssoProviderListSchema = z
  .object({ items: z.array(ssoProviderSchema) })
  .meta({ id: 'SsoProviderList' })
export type SsoProviderList = z.infer<typeof ssoProviderListSchema>

export const companyCodeQuerySchema = z.object({
  company: z
    .string()
    .trim()
    .min(1, '请填写企业代码')
    .max(64, '最多 64 个字符')
    .meta({
      param: { name: 'company', in: 'query' },
      description: '企业代码 (company code)',
      example: 'demo',
    }),
})

/** The start link's company: a link without it still ends on the login page (unknown_company), not in a 400. */
export const ssoStartQuerySchema = z.object({
  company: z
    .string()
    .max(200)
    .optional()
    .meta({
      param: { name: 'company', in: 'query' },
      description: '企业代码 (company code)',
      example: 'demo',
    }),
})

/**
 * Why a directory sign-in ended on the login page (/login?sso_error=CODE); the web app shows each in the
 * reader's language.
 */
export const ssoErrorCodes = [
  'unknown_company',
  'not_configured',
  'expired',
  'state_mismatch',
  'denied',
  'provider_error',
  'no_identity',
  'no_match',
  'several_matches',
  'no_account',
  'account_disabled',
] as const
export type SsoErrorCode = (typeof ssoErrorCodes)[number]
