// React Query keys of the dashboards, so a page's filters each get their own cache entry.
export const dashboardQueryKeys = {
  all: ['dashboards'] as const,
  cycles: () => ['dashboards', 'cycles'] as const,
  hr: (filter: object) => ['dashboards', 'hr', filter] as const,
  team: (filter: object) => ['dashboards', 'team', filter] as const,
  me: (filter: object) => ['dashboards', 'me', filter] as const,
}
