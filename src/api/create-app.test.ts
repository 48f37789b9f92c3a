import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../db/test-database.ts'
import { createApp } from './create-app.ts'
import { type ApiClient, createApiClient } from './testing/api-client.ts'
import { closeTestDatabase } from './testing/close-test-database.ts'
import { seedTestOrganisation } from './testing/seed-test-organisation.ts'

// Edge behaviour of the app as a whole: bad input of every kind, unknown paths, the OpenAPI document.
// Engine-independent, so PGlite alone; the route suites run on both engines.
describe('createApp', () => {
  let handle: TestDatabase
  let api: ApiClient
  let app: ReturnType<typeof createApp>

  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    await seedTestOrganisation(handle.db)
    app = createApp({ db: handle.db, engine: 'pglite' })
    api = createApiClient((p, i) => app.request(p, i))
    expect((await api.login('hr')).status).toBe(200)
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  const post = (body: string, contentType = 'application/json') =>
    api.raw('/api/departments', {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-csrf-token': api.csrfToken! },
      body,
    })

  it('answers malformed JSON with 400 naming the body', async () => {
    const res = await post('{"name": "客服部",')
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      error: {
        code: 'invalid_input',
        message: '请求体不是有效的 JSON',
        issues: [{ path: 'body', message: '请求体不是有效的 JSON' }],
      },
    })
  })

  it('rejects unknown fields and names each one', async () => {
    const res = await post(JSON.stringify({ name: '新部门', manager: 'x', colour: 'red' }))
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({
      error: {
        code: 'invalid_input',
        issues: [
          { path: 'manager', message: expect.stringContaining('manager') },
          { path: 'colour', message: expect.stringContaining('colour') },
        ],
      },
    })
  })

  it('rejects a wrong type and names the field, in Chinese', async () => {
    const res = await post(JSON.stringify({ name: 42 }))
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'name' }] } })
    expect(JSON.stringify(res.body)).toMatch(/[\u4e00-\u9fff]/)
  })

  it('names nested fields by their full path', async () => {
    const res = await api.post('/api/positions', {
      name: '客服专员',
      jobDescription: { duties: [{ title: '', items: ['接待'] }] },
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { issues: [{ path: 'jobDescription.duties.0.title' }] } })
  })

  it('rejects a body that is not JSON with 415', async () => {
    const res = await post('name=客服部', 'application/x-www-form-urlencoded')
    expect(res.status).toBe(415)
    expect(res.body).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'content-type' }] } })
  })

  it('rejects a body over 1 MB with 413', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(1_100_000) }))
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ error: { code: 'too_large' } })
  })

  it('rejects bad path and query parameters naming them', async () => {
    const badId = await api.get('/api/employees/abc')
    expect(badId.status).toBe(400)
    expect(badId.body).toMatchObject({ error: { issues: [{ path: 'id' }] } })
    const badPage = await api.get('/api/employees?pageSize=1000&status=gone')
    expect(badPage.status).toBe(400)
    const paths = (badPage.body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)
    expect(paths.sort()).toEqual(['pageSize', 'status'])
  })

  it('answers unknown /api paths and methods with a JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['PUT', '/api/departments/1'],
      ['GET', '/elsewhere'],
    ] as const) {
      const res = await app.request(path, { method })
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } })
    }
  })

  it('marks API responses as not cacheable and not frameable by any page', async () => {
    const res = await app.request('/api/health')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  describe('GET /api/openapi.json', () => {
    type Doc = {
      openapi: string
      info: { title: string; version: string }
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>
      components: {
        schemas: Record<string, unknown>
        securitySchemes: Record<string, { in: string; name: string }>
      }
    }
    let doc: Doc
    beforeAll(async () => {
      const res = await app.request('/api/openapi.json')
      expect(res.status).toBe(200)
      doc = (await res.json()) as Doc
    })

    it('is an OpenAPI 3.1 document titled "Jixiao API" with the package version', async () => {
      const pkg = (await import('../../package.json', { with: { type: 'json' } })).default
      expect(doc.openapi).toBe('3.1.0')
      expect(doc.info).toMatchObject({ title: 'Jixiao API', version: pkg.version })
    })

    it('documents every route of the organisation contract', () => {
      const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      )
      expect(operations).toEqual(
        expect.arrayContaining([
          'GET /api/health',
          'POST /api/auth/login',
          'POST /api/auth/logout',
          'GET /api/auth/me',
          'GET /api/departments',
          'POST /api/departments',
          'PATCH /api/departments/{id}',
          'DELETE /api/departments/{id}',
          'GET /api/positions',
          'GET /api/positions/{id}',
          'POST /api/positions',
          'PATCH /api/positions/{id}',
          'DELETE /api/positions/{id}',
          'GET /api/employees',
          'GET /api/employees/{id}',
          'POST /api/employees',
          'PATCH /api/employees/{id}',
          'DELETE /api/employees/{id}',
        ]),
      )
    })

    it('declares the cookie and CSRF security schemes and uses them on protected routes', () => {
      expect(doc.components.securitySchemes.cookieAuth).toMatchObject({
        in: 'cookie',
        name: 'jixiao_session',
      })
      expect(doc.components.securitySchemes.csrfToken).toMatchObject({ in: 'header', name: 'x-csrf-token' })
      expect(doc.paths['/api/employees']?.post?.security).toEqual([{ cookieAuth: [], csrfToken: [] }])
      expect(doc.paths['/api/employees']?.get?.security).toEqual([{ cookieAuth: [] }])
      expect(doc.paths['/api/health']?.get?.security).toBeUndefined()
    })

    it('resolves every $ref to a component it defines (schemas, and shared parameters such as Idempotency-Key)', () => {
      const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []
      expect(refs.length).toBeGreaterThan(10)
      for (const ref of refs) {
        const [kind, name] = ref
          .replace(/^"\$ref":"#\/components\//, '')
          .replace(/"$/, '')
          .split('/')
        expect(doc.components, ref).toHaveProperty([kind!, name!])
      }
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining([
          'Employee',
          'EmployeeInput',
          'Position',
          'JobDescription',
          'Department',
          'Me',
          'ErrorResponse',
        ]),
      )
    })
  })
})
