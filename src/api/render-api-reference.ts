import type { createOpenApiDocument } from './create-openapi-document.ts'

type OpenApiDocument = ReturnType<typeof createOpenApiDocument>
type Parameter = { name: string; in: string; required?: boolean; description?: string }
type Operation = {
  summary?: string
  tags?: string[]
  security?: Record<string, string[]>[]
  parameters?: (Parameter | { $ref: string })[]
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> }
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }
  >
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const
const refName = (ref?: string) => (ref ? ref.split('/').pop() : undefined)

/** A Markdown reference of every route, grouped by tag, rendered from the OpenAPI document. */
export function renderApiReference(document: OpenApiDocument): string {
  const shared = (document.components?.parameters ?? {}) as Record<string, Parameter>
  const resolve = (p: Parameter | { $ref: string }) => ('$ref' in p ? shared[refName(p.$ref) ?? ''] : p)
  const byTag = new Map<string, string[]>()
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const op = (item as Record<string, Operation | undefined>)[method]
      if (!op) continue
      const tag = op.tags?.[0] ?? 'other'
      const params = (op.parameters ?? [])
        .map(resolve)
        .filter((p) => p !== undefined)
        .map((p) => `\`${p.name}\` (${p.in}${p.required ? ', required' : ''})`)
      const body = refName(op.requestBody?.content?.['application/json']?.schema?.$ref)
      const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
        const schema = refName(r.content?.['application/json']?.schema?.$ref)
        return `${status}${schema ? ` ${schema}` : ''}`
      })
      const csrf = op.security?.some((s) => 'csrfToken' in s) ? ' · needs `x-csrf-token`' : ''
      const lines = [
        `### \`${method.toUpperCase()} ${path}\``,
        '',
        `${op.summary ?? ''}${csrf}`,
        '',
        ...(params.length ? [`- parameters: ${params.join(', ')}`] : []),
        ...(body ? [`- body: \`${body}\``] : []),
        `- responses: ${responses.join(' · ')}`,
        '',
      ]
      byTag.set(tag, [...(byTag.get(tag) ?? []), lines.join('\n')])
    }
  }
  const sections = [...byTag.entries()].map(([tag, ops]) => `## ${tag}\n\n${ops.join('\n')}`)
  return [
    `# ${document.info.title} ${document.info.version} — API reference`,
    '',
    'Generated from the route schemas by `npm run docs:api`; do not edit by hand. The machine-readable document is `openapi.json` beside this file and `GET /api/openapi.json` on a running server.',
    '',
    ...(Object.keys(shared).length > 0
      ? ['Parameters that many operations take, as listed under each:', '']
      : []),
    ...Object.values(shared).flatMap((p) => [`- \`${p.name}\` (${p.in}): ${p.description ?? ''}`, '']),
    ...sections,
  ].join('\n')
}
