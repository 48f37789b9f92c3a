// Query keys of the cycles feature, so that writes refresh exactly what they change.
export const cycleQueryKeys = {
  all: ['cycles'] as const,
  list: () => ['cycles', 'list'] as const,
  detail: (id: number) => ['cycles', 'detail', id] as const,
  board: (id: number) => ['cycles', 'board', id] as const,
  calibration: (id: number) => ['cycles', 'calibration', id] as const,
  job: (id: number) => ['jobs', id] as const,
}
