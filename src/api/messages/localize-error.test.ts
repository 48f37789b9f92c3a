import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { coefficientSchema, weightSchema } from '../../contracts/bounds.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { mixedEncoding } from '../../services/ingest/readers/read-rows.ts'
import { readerLimits, tooManyColumns } from '../../services/ingest/readers/reader-limits.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, testCompanyCode } from '../testing/seed-test-organisation.ts'
import { localizeMessage, splitBilingual } from './localize-error.ts'
import { languageOf } from './request-language.ts'
import { zodLocaleByRequestLanguage } from './zod-locale.ts'

// A zh-TW or English user must not read the server's refusals in Simplified Chinese: the web app sends its
// language as Accept-Language and every error answer comes back in it. Without the header nothing changes.

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } }

describe('languageOf', () => {
  it('takes the first language we write, by q-value', () => {
    expect(languageOf(undefined)).toBeUndefined()
    expect(languageOf('fr-FR, de')).toBeUndefined()
    expect(languageOf('zh-TW')).toBe('zh-TW')
    expect(languageOf('zh-Hant-HK;q=0.9')).toBe('zh-TW')
    expect(languageOf('zh')).toBe('zh-CN')
    expect(languageOf('fr;q=1, en-US;q=0.8, zh-CN;q=0.5')).toBe('en')
    expect(languageOf('en;q=0.2, zh-CN')).toBe('zh-CN')
  })
})

describe('localizeMessage', () => {
  it('splits a message that carries its English into clean halves', () => {
    expect(splitBilingual('工资表已审批，输入项不能再改 / the pay sheet is approved')).toEqual({
      zh: '工资表已审批，输入项不能再改',
      en: 'the pay sheet is approved',
    })
    const limit = tooManyColumns('流量.csv', 3, 900, readerLimits).message
    expect(localizeMessage(limit, 'zh-CN')).toBe(
      `流量.csv: 第 3 行有 900 列，超出了每行 ${readerLimits.maxColumns} 列的上限`,
    )
    expect(localizeMessage(limit, 'en')).toBe(
      `流量.csv: row 3 has 900 columns, over the limit of ${readerLimits.maxColumns}`,
    )
    expect(localizeMessage(limit, 'zh-TW')).toBe(
      `流量.csv: 第 3 行有 900 列，超出了每行 ${readerLimits.maxColumns} 列的上限`,
    )
    const issue = tooManyColumns('流量.csv', 3, 900, readerLimits).issues[0]?.message ?? ''
    expect(localizeMessage(issue, 'zh-CN')).toBe(
      `第 3 行有 900 列，超出了每行 ${readerLimits.maxColumns} 列的上限`,
    )
    expect(localizeMessage(issue, 'en')).toBe(
      `row 3 has 900 columns, over the limit of ${readerLimits.maxColumns}`,
    )
    // A bracket that is not English stays in the Chinese.
    expect(splitBilingual('不能包含空字符（NUL, \\u0000）')).toEqual({ zh: '不能包含空字符（NUL, \\u0000）' })
  })

  it('answers the CSV reader’s refusals in each language, keeping the file name in front', () => {
    const mixed = mixedEncoding('推广.csv', 7).message
    expect(localizeMessage(mixed, 'zh-CN')).toBe(
      '推广.csv: 编码不一致：第 7 行是 UTF-8，文件其余部分是 GBK/GB18030，请把整个文件存为同一种编码',
    )
    expect(localizeMessage(mixed, 'zh-TW')).toBe(
      '推廣.csv: 編碼不一致：第 7 行是 UTF-8，檔案其餘部分是 GBK/GB18030，請把整個檔案存為同一種編碼',
    )
    expect(localizeMessage(mixed, 'en')).toBe(
      '推广.csv: line 7 is UTF-8 while the file is GBK/GB18030; save the whole file in one encoding',
    )
  })

  it('puts the bounds of contracts/bounds.ts into English with their numbers', () => {
    const coefficient = coefficientSchema.safeParse(1_000_000).error?.issues[0]?.message ?? ''
    expect(localizeMessage(coefficient, 'en')).toBe('A coefficient must be between 0 and 10')
    expect(localizeMessage(coefficient, 'zh-TW')).toBe('係數應在 0 到 10 之間')
    const weight = weightSchema.safeParse(1e308).error?.issues[0]?.message ?? ''
    expect(localizeMessage(weight, 'en')).toBe('A weight must be between 0 and 100')
  })

  it('answers zod in English only inside an English request', () => {
    z.config(zodLocaleByRequestLanguage())
    expect(z.string().safeParse(5).error?.issues[0]?.message).toBe('无效输入：期望 string，实际接收 数字')
  })
})

describe.each(await testEngines())('error answers in the client’s language on %s', (engine) => {
  let handle: TestDatabase
  let admin: ApiClient
  let request: (path: string, init?: RequestInit) => Promise<Response>

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await seedTestOrganisation(handle.db)
    const app = createApp({
      db: handle.db,
      engine,
      loginRateLimit: { freeFailures: 2, baseDelayMs: 60_000, maxDelayMs: 60_000 },
    })
    request = async (path, init) => app.request(path, init)
    admin = createApiClient((p, i) => app.request(p, i))
    await admin.login('admin')
  })
  afterAll(() => closeTestDatabase(handle))

  const post = async (
    path: string,
    body: string,
    language?: string,
    headers: Record<string, string> = {},
  ) => {
    const response = await admin.raw<ErrorBody>(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': admin.csrfToken ?? '',
        ...(language ? { 'accept-language': language } : {}),
        ...headers,
      },
      body,
    })
    return response
  }

  it('answers a NUL byte in zh-CN, zh-TW and English, naming the field', async () => {
    const body = JSON.stringify({ name: 'a\u0000b' })
    const zhCN = await post('/api/departments', body)
    expect(zhCN.status).toBe(400)
    expect(zhCN.body.error.issues).toEqual([{ path: 'name', message: '不能包含空字符（NUL, \\u0000）' }])
    const zhTW = await post('/api/departments', body, 'zh-TW')
    expect(zhTW.body.error.issues).toEqual([{ path: 'name', message: '不能包含空字元（NUL, \\u0000）' }])
    expect(zhTW.body.error.message).toBe('name: 不能包含空字元（NUL, \\u0000）')
    const en = await post('/api/departments', body, 'en-US,en;q=0.9')
    expect(en.status).toBe(400)
    expect(en.body.error).toEqual({
      code: 'invalid_input',
      message: 'name: must not contain a NUL character (\\u0000)',
      issues: [{ path: 'name', message: 'must not contain a NUL character (\\u0000)' }],
    })
  })

  it('answers zod’s generic messages in the language asked for', async () => {
    const body = JSON.stringify({ name: 5 })
    expect((await post('/api/departments', body)).body.error.issues?.[0]?.message).toBe(
      '无效输入：期望 string，实际接收 数字',
    )
    expect((await post('/api/departments', body, 'zh-TW')).body.error.issues?.[0]?.message).toBe(
      '無效輸入：期望 string，實際接收 數字',
    )
    expect((await post('/api/departments', body, 'en')).body.error.issues?.[0]?.message).toBe(
      'Invalid input: expected string, received number',
    )
  })

  it('answers an id past the database’s range (no such record), an unknown route and a reused Idempotency-Key in English', async () => {
    const id = await admin.raw<ErrorBody>('/api/departments/99999999999', {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': admin.csrfToken ?? '',
        'accept-language': 'en',
      },
      body: JSON.stringify({ name: '客服' }),
    })
    expect(id.status).toBe(404)
    expect(id.body.error.message).toBe('no record with id 99999999999')
    const none = await request('/api/nothing-here', { headers: { 'accept-language': 'en' } })
    expect(none.status).toBe(404)
    expect(((await none.json()) as ErrorBody).error.message).toBe(
      'No such API operation: GET /api/nothing-here',
    )
    const key = { 'idempotency-key': 'localize-test-1' }
    expect((await post('/api/departments', JSON.stringify({ name: '客服一部' }), 'en', key)).status).toBe(201)
    const reused = await post('/api/departments', JSON.stringify({ name: '客服二部' }), 'en', key)
    expect(reused.status).toBe(422)
    expect(reused.body.error.message).toBe('the key was used for a different request')
    expect(reused.body.error.issues?.[0]?.message).toBe('this key was used for a different request')
    const reusedTW = await post('/api/departments', JSON.stringify({ name: '客服二部' }), 'zh-TW', key)
    expect(reusedTW.body.error.message).toBe(
      '同一個 Idempotency-Key 已用於內容不同的請求；請為新的提交生成新的鍵',
    )
  })

  it('answers a wrong password and the throttling after it in each language', async () => {
    const client = createApiClient((p, i) => request(p, i))
    const login = (language: string) =>
      client.raw<ErrorBody>('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body: JSON.stringify({ companyCode: testCompanyCode, username: 'hr', password: 'wrong-password' }),
      })
    expect((await login('en')).body.error.message).toBe('Wrong username or password')
    expect((await login('zh-TW')).body.error.message).toBe('使用者名稱或密碼錯誤')
    const throttled = await login('en')
    expect(throttled.status).toBe(429)
    expect(throttled.body.error.message).toMatch(/^Too many attempts; try again in \d+ (s|min)$/)
    expect((await login('zh-CN')).body.error.message).toMatch(/^尝试过于频繁，请 \d+ (秒|分钟)后再试$/)
  })
})
