import { describe, expect, it } from 'vitest'
import { createOpenApiDocument } from './create-openapi-document.ts'

describe('createOpenApiDocument', () => {
  it('builds the same document the server serves, without a database', () => {
    const doc = createOpenApiDocument()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('Jixiao API')
    expect(Object.keys(doc.paths ?? {})).toEqual(
      expect.arrayContaining(['/api/employees', '/api/auth/login']),
    )
    expect(doc.components?.securitySchemes).toHaveProperty('cookieAuth')
  })
})
