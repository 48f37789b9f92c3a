import { z } from 'zod'
import { roleSchema } from './auth.ts'

// Accounts for people (账号管理): which employee has a login, giving many people logins at once, resets,
// disabling and roles, and activating an account from its one-time link.

const id = z.number().int().positive()
const date = z.string().meta({ format: 'date', example: '2026-03-01' })

export const accountStateSchema = z
  .enum(['none', 'pending_activation', 'must_change_password', 'active', 'disabled'])
  .meta({
    id: 'AccountState',
    description:
      'none: no login; pending_activation: created with a link not yet used; must_change_password: signs in ' +
      'with an initial password it must change; active; disabled (by HR/admin, or the employee has left)',
  })
export type AccountState = z.infer<typeof accountStateSchema>

export const accountDeliverySchema = z
  .enum(['activation_link', 'initial_password'])
  .meta({ id: 'AccountDelivery', description: 'How the person receives their one-time secret' })
export type AccountDelivery = z.infer<typeof accountDeliverySchema>

export const accountSchema = z
  .object({
    employeeId: id
      .nullable()
      .meta({ description: 'null for a login linked to no employee (e.g. the admin)' }),
    employeeNo: z.string().nullable(),
    name: z.string(),
    departmentId: id.nullable(),
    departmentName: z.string().nullable(),
    positionName: z.string().nullable(),
    leaveDate: date.nullable(),
    userId: id.nullable().meta({ description: 'null when the employee has no login' }),
    username: z.string().nullable(),
    role: roleSchema.nullable(),
    state: accountStateSchema,
    disabledReason: z.string().nullable().meta({ example: '离职' }),
    disabledDate: date
      .nullable()
      .meta({ description: 'When disabled (company time zone), or the leave date' }),
    lastLoginDate: date.nullable(),
  })
  .meta({ id: 'Account' })
export type Account = z.infer<typeof accountSchema>

export const accountListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().meta({ description: 'Name, employee no or username contains' }),
  withoutLogin: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: only employees without a login (无账号)' }),
  state: accountStateSchema.optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type AccountListQuery = z.infer<typeof accountListQuerySchema>

export const accountPageSchema = z
  .object({
    items: z.array(accountSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AccountPage' })
export type AccountPage = z.infer<typeof accountPageSchema>

/** At most this many employees get logins in one request. */
export const maxAccountsPerRequest = 2000

export const createAccountsInputSchema = z
  .strictObject({
    employeeIds: z
      .array(id)
      .min(1, '请至少选择一名员工')
      .max(maxAccountsPerRequest, `一次最多为 ${maxAccountsPerRequest} 名员工开通账号`),
    delivery: accountDeliverySchema,
    role: roleSchema.optional().meta({
      description: 'Default: supervisor for an employee somebody reports to, else employee',
    }),
  })
  .meta({ id: 'CreateAccountsInput' })
export type CreateAccountsInput = z.infer<typeof createAccountsInputSchema>

/** A one-time secret, shown in this response only: an activation link or an initial password. */
export const accountSecretSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('activation_link'),
      activationPath: z
        .string()
        .meta({ description: 'Relative link; prefix the server address', example: '/activate?token=…' }),
      expiresAt: z.string().meta({ format: 'date-time' }),
    }),
    z.object({ kind: z.literal('initial_password'), password: z.string() }),
  ])
  .meta({ id: 'AccountSecret' })
export type AccountSecret = z.infer<typeof accountSecretSchema>

export const accountRefusalSchema = z
  .enum(['not_found', 'left', 'username_taken', 'role_not_allowed'])
  .meta({ id: 'AccountRefusal' })
export type AccountRefusal = z.infer<typeof accountRefusalSchema>

export const createAccountResultSchema = z
  .object({
    employeeId: id,
    employeeNo: z.string().nullable(),
    name: z.string().nullable(),
    outcome: z.enum(['created', 'already_has_login', 'refused']),
    refusal: accountRefusalSchema.optional(),
    message: z.string().optional().meta({ description: 'Why, when not created' }),
    userId: id.optional(),
    username: z.string().optional(),
    role: roleSchema.optional(),
    secret: accountSecretSchema.optional(),
  })
  .meta({ id: 'CreateAccountResult' })
export type CreateAccountResult = z.infer<typeof createAccountResultSchema>

export const createAccountsResultSchema = z
  .object({
    results: z.array(createAccountResultSchema),
    created: z.number().int(),
    alreadyHadLogin: z.number().int(),
    refused: z.number().int(),
  })
  .meta({ id: 'CreateAccountsResult' })
export type CreateAccountsResult = z.infer<typeof createAccountsResultSchema>

export const userIdParamSchema = z.object({
  userId: z.coerce
    .number()
    .int()
    .positive()
    .meta({ param: { name: 'userId', in: 'path' }, example: 7 }),
})

export const resetAccountInputSchema = z
  .strictObject({ delivery: accountDeliverySchema })
  .meta({ id: 'ResetAccountInput' })
export type ResetAccountInput = z.infer<typeof resetAccountInputSchema>

export const resetAccountResultSchema = z
  .object({
    userId: id,
    username: z.string(),
    secret: accountSecretSchema,
    endedSessions: z.number().int(),
  })
  .meta({ id: 'ResetAccountResult' })
export type ResetAccountResult = z.infer<typeof resetAccountResultSchema>

export const disableAccountInputSchema = z
  .strictObject({ reason: z.string().trim().max(200, '最多 200 个字符').optional() })
  .meta({ id: 'DisableAccountInput' })
export type DisableAccountInput = z.infer<typeof disableAccountInputSchema>

export const accountPatchSchema = z.strictObject({ role: roleSchema }).meta({ id: 'AccountPatch' })
export type AccountPatch = z.infer<typeof accountPatchSchema>

/** A login after a change: its username, role and state. */
export const accountChangeResultSchema = z
  .object({
    userId: id,
    username: z.string(),
    role: roleSchema,
    state: accountStateSchema,
    disabledReason: z.string().nullable(),
    endedSessions: z.number().int().meta({ description: 'Sessions ended by this change' }),
  })
  .meta({ id: 'AccountChangeResult' })
export type AccountChangeResult = z.infer<typeof accountChangeResultSchema>

// Activation (public, like login)
export const activationTokenQuerySchema = z.object({
  token: z.string().max(200).meta({ description: 'The token of the activation link' }),
})

export const activationCheckSchema = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('valid'),
      username: z.string(),
      companyName: z.string(),
      companyCode: z.string(),
      expiresAt: z.string().meta({ format: 'date-time' }),
    }),
    z.object({ status: z.literal('expired') }),
    z.object({ status: z.literal('used') }),
    z.object({ status: z.literal('invalid') }),
  ])
  .meta({ id: 'ActivationCheck' })
export type ActivationCheck = z.infer<typeof activationCheckSchema>

export const activateAccountInputSchema = z
  .strictObject({
    token: z.string().min(1, '缺少激活令牌').max(200),
    // The rules (length, not the username, the company code or a common password) are checked by the server.
    newPassword: z.string().min(1, '请输入新密码').max(200),
  })
  .meta({ id: 'ActivateAccountInput' })
export type ActivateAccountInput = z.infer<typeof activateAccountInputSchema>
