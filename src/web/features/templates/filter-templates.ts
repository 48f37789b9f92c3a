import type { TemplateOrigin, TemplateStatus, TemplateSummary } from '../../../contracts/template-api.ts'

export type TemplateFilter = {
  search: string
  origin: TemplateOrigin | 'all'
  status: TemplateStatus | 'all'
}

// The library rows matching a search (name, code or a position using the template) and the origin/status filters.
export function filterTemplates(rows: readonly TemplateSummary[], filter: TemplateFilter): TemplateSummary[] {
  const needle = filter.search.trim().toLowerCase()
  return rows.filter(
    (row) =>
      (filter.origin === 'all' || row.origin === filter.origin) &&
      (filter.status === 'all' || row.status === filter.status) &&
      (needle === '' ||
        row.name.toLowerCase().includes(needle) ||
        row.code.toLowerCase().includes(needle) ||
        row.positions.some((p) => p.toLowerCase().includes(needle))),
  )
}
