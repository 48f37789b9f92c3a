import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formulaFunctionTable } from './formula-functions.ts'

describe('formula function docs', () => {
  // The docs list exactly the whitelist: a function added to or taken from the engine changes docs/scoring.md.
  it('docs/scoring.md carries the whitelist table', () => {
    const docs = readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8')
    expect(docs).toContain(formulaFunctionTable())
  })
})
