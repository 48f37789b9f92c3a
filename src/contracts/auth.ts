import { z } from 'zod'

// Login, session and the signed-in user ("Me") as the API and the web share them.
export const roleSchema = z.enum(['admin', 'hr', 'finance', 'supervisor', 'employee']).meta({ id: 'Role' })
export type Role = z.infer<typeof roleSchema>

export const loginInputSchema = z
  .strictObject({
    companyCode: z.string().trim().max(32, '企业代码最多 32 个字符').optional().meta({
      description:
        'The company code (企业代码). May be left out only while the database holds a single company.',
    }),
    username: z.string().trim().min(1, '请输入用户名').max(100),
    password: z.string().min(1, '请输入密码').max(200),
  })
  .meta({ id: 'LoginInput' })
export type LoginInput = z.infer<typeof loginInputSchema>

export const changePasswordInputSchema = z
  .strictObject({
    currentPassword: z.string().min(1, '请输入当前密码').max(200),
    // The rules (length, not the username, not common) are checked by the server and named when broken.
    newPassword: z.string().min(1, '请输入新密码').max(200),
  })
  .meta({ id: 'ChangePasswordInput' })
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>

export const changePasswordResultSchema = z
  .object({
    endedSessions: z.number().int().meta({ description: 'Other sessions of the user that were ended' }),
  })
  .meta({ id: 'ChangePasswordResult' })
export type ChangePasswordResult = z.infer<typeof changePasswordResultSchema>

export const meSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    employeeId: z.number().int().nullable(),
    companyId: z.number().int(),
    companyName: z.string(),
    companyCode: z.string().meta({ description: 'The company code typed on the login page (企业代码)' }),
    companyIsDemo: z.boolean().meta({ description: 'The company is the demo: its passwords are public' }),
    locale: z.string(),
    mustChangePassword: z.boolean().meta({
      description:
        'A new or reset login: every route but /api/auth/* answers 403 password_change_required until it is changed',
    }),
  })
  .meta({ id: 'Me' })
export type Me = z.infer<typeof meSchema>

export const sessionResponseSchema = z
  .object({
    user: meSchema,
    csrfToken: z
      .string()
      .meta({ description: 'Send back as the x-csrf-token header on every non-GET request' }),
  })
  .meta({ id: 'SessionResponse' })
export type SessionResponse = z.infer<typeof sessionResponseSchema>

export const healthSchema = z
  .object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) })
  .meta({ id: 'Health' })
export type Health = z.infer<typeof healthSchema>
