import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Template } from '../../core/templates/template.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { demoExtensions } from '../../services/demo/demo-extensions.ts'
import { loadDemoCompany } from '../../services/demo/load-demo-company.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'

type Summary = { id: number; code: string; origin: string; latestVersion: number; positions: string[] }
type Detail = {
  id: number
  version: number
  latestVersion: number
  definition: Template
  versions: { version: number }[]
}

describe.each(await testEngines())('template routes on %s', (engine) => {
  let handle: TestDatabase
  let admin: ApiClient
  let employee: ApiClient

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await loadDemoCompany(handle.db, demoExtensions)
    const app = createApp({ db: handle.db, engine })
    admin = createApiClient((p, i) => app.request(p, i))
    employee = createApiClient((p, i) => app.request(p, i))
    expect((await admin.login('admin')).status).toBe(200)
    expect((await employee.login('xiaobing')).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  const list = async (client: ApiClient, query = '') =>
    (await client.get<{ items: Summary[] }>(`/api/templates${query}`)).body.items

  it('gives a new company the whole built-in library, linked to the demo positions', async () => {
    const items = await list(employee)
    expect(items.length).toBeGreaterThanOrEqual(15)
    expect(items.every((t) => t.origin === 'builtin' && t.latestVersion === 1)).toBe(true)
    expect(items.some((t) => t.positions.includes('客服专员'))).toBe(true)
  })

  it('names the metrics a template reads, so the page shows 好评率 rather than its key', async () => {
    const cs = (await list(admin)).find((t) => t.code === 'seed-000-customer-service')
    const detail = (
      await admin.get<{ metricLabels: Record<string, { zh: string; en: string }> }>(
        `/api/templates/${cs!.id}`,
      )
    ).body
    expect(detail.metricLabels.positive_review_rate?.zh).toBeTruthy()
    expect(detail.metricLabels.positive_review_rate?.zh).not.toBe('positive_review_rate')
  })

  it('saves an edit as a new version, keeps the old one, and refuses a stale save with 409', async () => {
    const [first] = await list(admin)
    const detail = (await admin.get<Detail>(`/api/templates/${first!.id}`)).body
    const edited = { ...detail.definition, name: `${detail.definition.name}（修订）` }
    const saved = await admin.raw<{ version: number }>(`/api/templates/${first!.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken! },
      body: JSON.stringify({ definition: edited, expectedVersion: 1, note: 'rename' }),
    })
    expect(saved.status).toBe(200)
    expect(saved.body.version).toBe(2)
    const stale = await admin.raw<{ error: { code: string } }>(`/api/templates/${first!.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken! },
      body: JSON.stringify({ definition: edited, expectedVersion: 1 }),
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('conflict')
    const v1 = (await admin.get<Detail>(`/api/templates/${first!.id}?version=1`)).body
    expect(v1.definition.name).toBe(detail.definition.name)
    const latest = (await admin.get<Detail>(`/api/templates/${first!.id}`)).body
    expect(latest.versions.map((v) => v.version)).toEqual([2, 1])
    const audit = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'template')
      .execute()
    expect(audit.map((a) => a.action)).toContain('template.version')
  })

  it('rejects an invalid template whole, listing every problem with its path', async () => {
    const [first] = await list(admin)
    const detail = (await admin.get<Detail>(`/api/templates/${first!.id}`)).body
    const broken: Template = structuredClone(detail.definition)
    broken.code = 'broken-copy'
    broken.dimensions[0]!.maxPoints += 7
    const result = await admin.post<{ error: { code: string; issues: { path: string }[] } }>(
      '/api/templates',
      {
        definition: broken,
      },
    )
    expect(result.status, JSON.stringify(result.body)).toBe(400)
    expect(result.body.error.code).toBe('template_invalid')
    expect(result.body.error.issues.some((i) => i.path.startsWith('dimensions[0]'))).toBe(true)
    expect((await list(admin)).some((t) => t.code === 'broken-copy')).toBe(false)
  })

  it('copies and archives templates (admin), but an employee may not change them', async () => {
    const [first] = await list(admin)
    const copy = await admin.post<{ id: number; version: number }>(`/api/templates/${first!.id}/copy`, {
      code: 'my-copy',
      name: '我的模板',
    })
    expect(copy.status).toBe(201)
    expect((await employee.post(`/api/templates/${copy.body.id}/archive`)).status).toBe(403)
    expect((await admin.post(`/api/templates/${copy.body.id}/archive`)).status).toBe(204)
    expect((await list(admin)).some((t) => t.code === 'my-copy')).toBe(false)
    expect((await list(admin, '?includeArchived=true')).some((t) => t.code === 'my-copy')).toBe(true)
  })

  it('previews an unsaved draft: indicator points with explanations, total and grade', async () => {
    const [first] = await list(admin)
    const detail = (await admin.get<Detail>(`/api/templates/${first!.id}`)).body
    const indicator = detail.definition.dimensions[0]!.indicators[0]!
    const result = await employee.post<{
      issues: unknown[]
      score: {
        total: number
        dimensions: { indicators: { key: string; explanation: { 'zh-CN': string } }[] }[]
      }
    }>('/api/templates/preview', { definition: detail.definition, inputs: { indicators: {} } })
    expect(result.status).toBe(200)
    const scored = result.body.score.dimensions[0]!.indicators.find((i) => i.key === indicator.key)
    expect(scored?.explanation['zh-CN'].length).toBeGreaterThan(0)
    expect(typeof result.body.score.total).toBe('number')
  })

  it('previews the pay of the customer-service template under the seed pay system, to the fen', async () => {
    const all = await list(admin, '?includeArchived=true')
    const service = all.find((t) => t.code === 'seed-000-customer-service')
    expect(service, 'the built-in 客服 template').toBeDefined()
    const detail = (await admin.get<Detail>(`/api/templates/${service!.id}`)).body
    type Pay = {
      schemeCode: string
      inputs: string[]
      result: { total: string; lines: { code: string; amount: string; rule: { 'zh-CN': string } }[] } | null
      issues: { path: string; message: string }[]
    }
    const preview = (pay?: unknown) =>
      admin.post<{ score: { total: number; coefficient: number }; pay: Pay; paySchemes: { code: string }[] }>(
        '/api/templates/preview',
        { definition: detail.definition, inputs: { indicators: {} }, ...(pay ? { pay } : {}) },
      )
    const missing = await preview()
    expect(missing.status).toBe(200)
    expect(missing.body.pay.schemeCode).toBe('seed-000-customer-service-pay')
    expect(missing.body.pay.inputs).toEqual(['sales', 'neutral_reviews_revised', 'negative_reviews_revised'])
    expect(missing.body.pay.result).toBeNull()
    expect(missing.body.pay.issues.map((i) => i.path)).toContain('pay.values.sales')
    expect(missing.body.paySchemes.length).toBeGreaterThanOrEqual(4)

    const paid = await preview({
      values: { sales: '35678.50', neutral_reviews_revised: 3, negative_reviews_revised: 1 },
      rewardsPenalties: [{ label: '迟到', amount: '-20' }],
    })
    const { score, pay } = paid.body
    // 500 × coefficient + 2% × 35,678.50 (713.57) + 3 × 10 + 1 × 20 − 20
    const expected = (500 * score.coefficient * 100 + 71357 + 3000 + 2000 - 2000) / 100
    expect(pay.result?.total).toBe(expected.toFixed(2))
    expect(pay.result?.lines.find((l) => l.code === 'commission')?.amount).toBe('713.57')
    expect(pay.issues).toEqual([])

    const unknown = await preview({ schemeCode: 'no-such-scheme' })
    expect(unknown.status).toBe(400)
  })
})
