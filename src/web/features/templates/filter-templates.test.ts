import { describe, expect, it } from 'vitest'
import type { TemplateSummary } from '../../../contracts/template-api.ts'
import { filterTemplates } from './filter-templates.ts'

const row = (id: number, patch: Partial<TemplateSummary>): TemplateSummary => ({
  id,
  code: `t${id}`,
  name: `模板${id}`,
  status: 'active',
  origin: 'builtin',
  latestVersion: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  positions: [],
  ...patch,
})

describe('filterTemplates', () => {
  const rows = [
    row(1, { name: '网管绩效考核表', positions: ['网管'] }),
    row(2, { name: '网络推广月绩效考核表', origin: 'custom' }),
    row(3, { code: 'seed-002-t9', status: 'archived', positions: ['电商部负责人'] }),
  ]
  const all = { search: '', origin: 'all', status: 'all' } as const

  it('searches name, code and the positions using a template', () => {
    expect(filterTemplates(rows, { ...all, search: '网管' }).map((r) => r.id)).toEqual([1])
    expect(filterTemplates(rows, { ...all, search: 'SEED-002' }).map((r) => r.id)).toEqual([3])
    expect(filterTemplates(rows, { ...all, search: '负责人' }).map((r) => r.id)).toEqual([3])
  })

  it('filters by origin and status', () => {
    expect(filterTemplates(rows, { ...all, origin: 'custom' }).map((r) => r.id)).toEqual([2])
    expect(filterTemplates(rows, { ...all, status: 'active' }).map((r) => r.id)).toEqual([1, 2])
  })
})
