// React Query keys of the results pages (pay sheet, bonus pools, consequence lists, plans).
export const resultsQueryKeys = {
  paySheet: (cycleId: number) => ['results', 'pay-sheet', cycleId] as const,
  bonusPools: () => ['results', 'bonus-pools'] as const,
  bonusPool: (id: number) => ['results', 'bonus-pools', id] as const,
  consequences: (year: number, cycleId: number | undefined) =>
    ['results', 'consequences', year, cycleId] as const,
  plans: () => ['results', 'plans'] as const,
}
