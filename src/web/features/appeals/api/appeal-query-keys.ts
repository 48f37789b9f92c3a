// Query keys of the appeals feature.
export const appealQueryKeys = {
  all: ['appeals'] as const,
  list: (status?: string) => ['appeals', 'list', status ?? 'all'] as const,
  detail: (id: number) => ['appeals', 'detail', id] as const,
  handlers: () => ['appeals', 'handlers'] as const,
}
