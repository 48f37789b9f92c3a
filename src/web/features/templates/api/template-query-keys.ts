// Query keys of the templates feature, so that writes can refresh exactly what they change.
export const templateQueryKeys = {
  all: ['templates'] as const,
  list: (includeArchived: boolean) => ['templates', 'list', includeArchived] as const,
  detail: (id: number, version?: number) => ['templates', 'detail', id, version ?? 'latest'] as const,
}
