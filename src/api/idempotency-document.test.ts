import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { createOpenApiDocument } from './create-openapi-document.ts'
import { honoursIdempotencyKey } from './idempotency.ts'

// Issue 12.5: a client can only rely on Idempotency-Key if the API says where it holds. The document declares it
// on exactly the operations whose requests the middleware honours (one rule, honoursIdempotencyKey), and the
// committed reference in docs/api shows it.

type Operation = {
  security?: Record<string, string[]>[]
  parameters?: ({ $ref: string } | { name: string })[]
  requestBody?: { content?: Record<string, unknown> }
  responses?: Record<string, unknown>
}
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const
const keyRef = '#/components/parameters/IdempotencyKey'

const document = createOpenApiDocument()
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  methods.flatMap((method) => {
    const op = (item as Record<string, Operation | undefined>)[method]
    return op ? [{ method, path, op }] : []
  }),
)
const declares = (op: Operation) => (op.parameters ?? []).some((p) => '$ref' in p && p.$ref === keyRef)
const find = (method: string, path: string) => {
  const found = operations.find((o) => o.method === method && o.path === path)
  if (!found) throw new Error(`no operation ${method} ${path}`)
  return found.op
}

describe('Idempotency-Key in the OpenAPI document', () => {
  it('is a header parameter that says what a repeat, a repeat in flight and a reused key get', () => {
    const parameter = document.components?.parameters?.IdempotencyKey as unknown as Record<string, unknown>
    expect(parameter).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false })
    expect(parameter.description).toMatch(/first successful answer/)
    expect(parameter.description).toMatch(/409 `idempotency_in_flight`/)
    expect(parameter.description).toMatch(/422 `idempotency_key_reused`/)
  })

  it('is declared on the money and data operations, with their 409 and 422 answers', () => {
    for (const [method, path] of [
      ['post', '/api/cycles/{id}/pay-sheet/adjustments'],
      ['post', '/api/cycles/{id}/pay-items'],
      ['post', '/api/imports/uploads/{id}/import'],
      ['post', '/api/cycles'],
      ['delete', '/api/cycles/{id}/pay-items/{itemId}'],
    ] as const) {
      const op = find(method, path)
      expect(declares(op), `${method} ${path}`).toBe(true)
      expect(Object.keys(op.responses ?? {}), `${method} ${path}`).toEqual(
        expect.arrayContaining(['409', '422']),
      )
    }
  })

  it('is not declared where the middleware ignores it: reads, sign-in, the raw file upload', () => {
    expect(declares(find('get', '/api/cycles/{id}/pay-sheet'))).toBe(false)
    expect(declares(find('post', '/api/auth/login'))).toBe(false)
    expect(declares(find('post', '/api/imports/uploads'))).toBe(false)
    // Their answers carry one-time passwords and links, which must not be stored for a replay.
    expect(declares(find('post', '/api/accounts'))).toBe(false)
    expect(declares(find('post', '/api/accounts/{userId}/reset'))).toBe(false)
    expect(declares(find('post', '/api/accounts/{userId}/disable'))).toBe(true)
  })

  it('is declared on exactly the operations whose requests honour it', () => {
    let honoured = 0
    for (const { method, path, op } of operations) {
      const signedIn = (op.security ?? []).some((s) => 'cookieAuth' in s)
      const types = Object.keys(op.requestBody?.content ?? {})
      const expected = (types.length > 0 ? types : [undefined]).some((contentType) =>
        honoursIdempotencyKey({ method, signedIn, contentType, path }),
      )
      expect(declares(op), `${method} ${path}`).toBe(expected)
      if (expected) honoured++
    }
    expect(honoured).toBeGreaterThan(40)
  })

  it('is shown in the committed API reference (docs/api/reference.md)', async () => {
    const markdown = await readFile(new URL('../../docs/api/reference.md', import.meta.url), 'utf8')
    expect(markdown).toMatch(/- `Idempotency-Key` \(header\): Names this submission/)
    const section = markdown.split('### `POST /api/cycles/{id}/pay-sheet/adjustments`')[1]?.split('###')[0]
    expect(section).toContain('`Idempotency-Key` (header)')
  })
})
