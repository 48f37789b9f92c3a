import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { createOpenApiDocument } from './create-openapi-document.ts'
import { renderApiReference } from './render-api-reference.ts'

// The API reference in docs/api is generated from the code; this keeps the committed copy from going stale.
describe('the committed API reference', () => {
  it('matches the document generated from the routes (run `npm run docs:api` after changing a route)', async () => {
    const document = createOpenApiDocument()
    const committed = await readFile(new URL('../../docs/api/openapi.json', import.meta.url), 'utf8')
    expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(document)))
    const markdown = await readFile(new URL('../../docs/api/reference.md', import.meta.url), 'utf8')
    expect(markdown).toBe(renderApiReference(document))
  })

  it('lists every route with its method, path and responses', () => {
    const markdown = renderApiReference(createOpenApiDocument())
    expect(markdown).toContain('### `POST /api/auth/login`')
    expect(markdown).toContain('### `PUT /api/templates/{id}`')
    expect(markdown).toMatch(/needs `x-csrf-token`/)
  })
})
