import { createApp } from '../api/create-app.ts'
import { type ApiClient, createApiClient } from '../api/testing/api-client.ts'
import { waitForJob as waitForJobOf } from '../api/testing/wait-for-job.ts'
import type { Db } from '../db/database.ts'
import { createTestDatabase, type TestDatabase } from '../db/test-database.ts'
import { demoExtensions } from '../services/demo/demo-extensions.ts'
import { loadDemoCompany } from '../services/demo/load-demo-company.ts'
import type { ProviderEndpoints } from '../services/identity/provider-endpoints.ts'
import type { FakeApi } from '../web/test-support/fake-api.ts'

// The real Jixiao API on a fresh PGlite database holding the demo company, for component tests: the page talks
// to it through `fetch` like a browser (one session cookie, the CSRF token the app reads from /auth/me), while
// the test arranges data through API clients of its own. Pair with register-dom.ts.

export type RealApi = FakeApi & {
  db: Db
  /** Demo employees by name (小冰, 李娜 …). */
  employeeIds: Map<string, number>
  /** A signed-in API client for a demo account, to arrange data as that person would. */
  as(username: string): Promise<ApiClient>
  /** Signs the page's browser session in as a demo account. */
  signIn(username: string): Promise<void>
  /** Moves the server's clock (deadlines, overdue steps); sessions expire, so the arranging clients sign in again. */
  setNow(at: Date): void
  close(): Promise<void>
}

export async function startRealApi(options: {
  now: Date
  /** Where DingTalk, Feishu and WeCom are (local fakes); omitted, their documented hosts. */
  providerEndpoints?: ProviderEndpoints
}): Promise<RealApi> {
  const handle: TestDatabase = await createTestDatabase('pglite')
  const demo = await loadDemoCompany(handle.db, demoExtensions)
  let clock = options.now
  const app = createApp({
    db: handle.db,
    engine: 'pglite',
    now: () => clock,
    providerEndpoints: options.providerEndpoints,
  })
  const requests: string[] = []
  const clients = new Map<string, ApiClient>()
  let cookie: string | undefined

  const browserFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost')
    const method = init?.method ?? 'GET'
    requests.push(`${method} ${url.pathname}${url.search}`)
    const headers = new Headers(init?.headers)
    if (cookie) headers.set('cookie', cookie)
    const response = await app.request(`${url.pathname}${url.search}`, { ...init, method, headers })
    const issued = response.headers.get('set-cookie')?.split(';')[0]
    if (issued?.startsWith('jixiao_session=')) cookie = issued === 'jixiao_session=' ? undefined : issued
    return response
  }) as typeof fetch

  return {
    fetch: browserFetch,
    requests,
    db: handle.db,
    employeeIds: demo.employeeIds,
    async as(username) {
      const known = clients.get(username)
      if (known) return known
      const client = createApiClient((p, i) => app.request(p, i))
      const login = await client.login(username)
      if (login.status !== 200)
        throw new Error(`${username} could not sign in: ${JSON.stringify(login.body)}`)
      clients.set(username, client)
      return client
    },
    async signIn(username) {
      const response = await browserFetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'jixiao123' }),
      })
      if (response.status !== 200) throw new Error(`${username} could not sign in (${response.status})`)
    },
    setNow(at) {
      clock = at
      clients.clear()
    },
    close: () => handle.close(),
  }
}

/** Waits for a background job (opening or computing a cycle) to succeed. */
export async function waitForJob(api: RealApi, jobId: number): Promise<void> {
  const job = await waitForJobOf(await api.as('admin'), jobId)
  if (job.status === 'failed') throw new Error(`job ${jobId} failed: ${job.error}`)
}

/** Opens a cycle for the named positions as admin and waits for its sheets; answers the cycle's id. */
export async function openCycle(
  api: RealApi,
  input: { name: string; periodStart: string; periodEnd: string; positions: string[]; settings?: unknown },
): Promise<number> {
  const positions = await api.db
    .selectFrom('positions')
    .select('id')
    .where('name', 'in', input.positions)
    .execute()
  const opened = await (await api.as('admin')).post<{ jobId: number; cycle: { id: number } }>('/api/cycles', {
    name: input.name,
    kind: 'monthly',
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    participants: { positionIds: positions.map((p) => p.id) },
    ...(input.settings ? { settings: input.settings } : {}),
  })
  if (opened.status !== 202) throw new Error(`cycle not opened: ${JSON.stringify(opened.body)}`)
  await waitForJob(api, opened.body.jobId)
  return opened.body.cycle.id
}

/** The id of a demo employee's sheet in a cycle. */
export async function sheetOf(api: RealApi, cycleId: number, employeeName: string): Promise<number> {
  const row = await api.db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .select('s.id')
    .where('s.cycle_id', '=', cycleId)
    .where('e.name', '=', employeeName)
    .executeTakeFirstOrThrow()
  return row.id
}

type StepResult = { version: number; state: string }

/** One workflow step as a demo account, failing loudly when refused; answers the sheet after it. */
export async function step(
  api: RealApi,
  username: string,
  method: 'POST' | 'PUT',
  path: string,
  body: Record<string, unknown>,
): Promise<StepResult> {
  const client = await api.as(username)
  const res = await client.raw<StepResult>(path, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken ?? '' },
    body: JSON.stringify(body),
  })
  if (res.status !== 200) throw new Error(`${username} ${method} ${path}: ${JSON.stringify(res.body)}`)
  return res.body
}

/**
 * Takes a 客服专员 sheet of the demo from draft to supervisor_submitted, as the employee and their reviewer
 * would: targets agreed, self review, the shop data (好评率, 投诉处理率) and the supervisor's review.
 */
export async function reviewServiceSheet(
  api: RealApi,
  sheetId: number,
  who: { employee: string; reviewer: string },
  input: { selfScore: number; supervisorScore: number; goodReviews: number },
): Promise<void> {
  const path = (p: string) => `/api/sheets/${sheetId}/${p}`
  const current = async () =>
    (await (await api.as(who.reviewer)).get<StepResult>(`/api/sheets/${sheetId}`)).body.version
  let s = await step(api, who.employee, 'POST', path('confirm-targets'), { expectedVersion: await current() })
  s = await step(api, who.reviewer, 'POST', path('confirm-targets'), { expectedVersion: s.version })
  s = await step(api, who.employee, 'POST', path('start'), { expectedVersion: s.version })
  const review = (score: number) => ({
    indicators: {
      problem_resolution_rate: { actual: 0.95 },
      service_quality: { score, comment: '抽查服务记录' },
    },
  })
  s = await step(api, who.employee, 'PUT', path('self-review'), {
    expectedVersion: s.version,
    review: review(input.selfScore),
    submit: true,
  })
  s = await step(api, who.reviewer, 'PUT', path('data'), {
    expectedVersion: s.version,
    indicators: { customer_reviews: { actual: input.goodReviews }, complaint_handling_rate: { actual: 1 } },
    reason: '生意参谋导出数据',
  })
  await step(api, who.reviewer, 'PUT', path('supervisor-review'), {
    expectedVersion: s.version,
    review: review(input.supervisorScore),
    submit: true,
  })
}

/** A 客服专员 of the demo by name, the account they sign in as, and the scores of their review. */
export type ServiceReview = {
  name: string
  username: string
  selfScore: number
  supervisorScore: number
  goodReviews: number
}

/**
 * Takes the named 客服专员's sheets in a cycle through their review one after another (reviewServiceSheet), with
 * 李娜 (dianzhang) as the reviewer, as she is for every 客服专员 of the demo; answers the sheet ids by name.
 */
export async function reviewServiceSheets(
  api: RealApi,
  cycleId: number,
  reviews: readonly ServiceReview[],
): Promise<Map<string, number>> {
  const sheetIds = new Map<string, number>()
  for (const { name, username, ...scores } of reviews) {
    const sheetId = await sheetOf(api, cycleId, name)
    await reviewServiceSheet(api, sheetId, { employee: username, reviewer: 'dianzhang' }, scores)
    sheetIds.set(name, sheetId)
  }
  return sheetIds
}

/** Computes a cycle as HR and waits for the job. */
export async function computeCycle(api: RealApi, cycleId: number): Promise<void> {
  const started = await (await api.as('hr')).post<{ jobId: number }>(`/api/cycles/${cycleId}/compute`)
  if (started.status !== 202) throw new Error(`compute refused: ${JSON.stringify(started.body)}`)
  await waitForJob(api, started.body.jobId)
}

/**
 * Takes a computed sheet through the feedback meeting and the employee's signature, and files the employee's
 * appeal disputing the given indicators; answers the appeal's id.
 */
export async function fileAppeal(
  api: RealApi,
  sheetId: number,
  who: { employee: string; reviewer: string },
  appeal: { date: string; reasons: string; disputed: string[] },
): Promise<number> {
  const path = (p: string) => `/api/sheets/${sheetId}/${p}`
  const { version } = (await (await api.as(who.reviewer)).get<StepResult>(`/api/sheets/${sheetId}`)).body
  let s = await step(api, who.reviewer, 'POST', path('feedback'), {
    expectedVersion: version,
    date: appeal.date,
    notes: '沟通了本月的服务质量',
    improvements: [],
  })
  s = await step(api, who.employee, 'POST', path('sign'), { expectedVersion: s.version })
  await step(api, who.employee, 'POST', path('appeals'), {
    expectedVersion: s.version,
    reasons: appeal.reasons,
    requestedOutcome: '按实际情况重新评分',
    disputed: appeal.disputed.map((indicatorKey) => ({ indicatorKey })),
  })
  const filed = await api.db
    .selectFrom('appeals')
    .select('id')
    .where('sheet_id', '=', sheetId)
    .executeTakeFirstOrThrow()
  return filed.id
}
