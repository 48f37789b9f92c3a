import { z } from 'zod'

// Companies (tenants) and the first-run setup. The web form, the API and `jixiao company create` share these.

export const companyNameSchema = z
  .string()
  .trim()
  .min(1, '请输入公司名称')
  .max(100, '公司名称最多 100 个字符')

/** 企业代码: what people type on the login page; stored lowercased. */
export const companyCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, '企业代码至少 2 个字符')
  .max(32, '企业代码最多 32 个字符')
  .regex(/^[a-z0-9-]+$/, '企业代码只能包含小写字母、数字和连字符（-）')

export const adminUsernameSchema = z
  .string()
  .trim()
  .min(1, '请输入管理员账号')
  .max(100, '管理员账号最多 100 个字符')
  .regex(/^[^\s/]*$/, '管理员账号不能包含空格或斜杠')

export const setupStatusSchema = z
  .object({
    needed: z.boolean().meta({ description: 'true only while the database holds no company' }),
  })
  .meta({ id: 'SetupStatus' })
export type SetupStatus = z.infer<typeof setupStatusSchema>

export const setupInputSchema = z
  .strictObject({
    companyName: companyNameSchema,
    companyCode: companyCodeSchema,
    adminUsername: adminUsernameSchema,
    // The rules (length, not the username or company code, not common) are checked by the server and named.
    password: z.string().min(1, '请输入密码').max(200),
    passwordRepeat: z.string().max(200),
  })
  .refine((v) => v.password === v.passwordRepeat, {
    path: ['passwordRepeat'],
    message: '两次输入的密码不一致',
  })
  .meta({ id: 'SetupInput' })
export type SetupInput = z.infer<typeof setupInputSchema>

export const companySummarySchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    isDemo: z.boolean(),
    people: z.number().int().meta({ description: 'Employees not marked as left' }),
    logins: z.number().int(),
    created: z.string().meta({ description: 'YYYY-MM-DD' }),
  })
  .meta({ id: 'CompanySummary' })
export type CompanySummary = z.infer<typeof companySummarySchema>
