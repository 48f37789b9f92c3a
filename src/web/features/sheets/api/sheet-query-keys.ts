// Query keys of the sheets feature, so that a step can refresh exactly the lists and the sheet it changes.
export const sheetQueryKeys = {
  all: ['sheets'] as const,
  detail: (id: number) => ['sheets', 'detail', id] as const,
  mine: ['sheets', 'mine'] as const,
  overdue: ['sheets', 'overdue'] as const,
  team: (cycleId?: number) => ['sheets', 'team', cycleId ?? 'all'] as const,
}
