import { useMutation } from '@tanstack/react-query'
import type { SimulationRequest, SimulationStarted } from '../../../../contracts/simulations.ts'
import { apiClient } from '../../../lib/api-client.ts'

// Starts a what-if simulation of a draft template or pay scheme on a finished cycle (a job on the server).
export function startSimulation(cycleId: number, request: SimulationRequest): Promise<SimulationStarted> {
  return apiClient.post<SimulationStarted>(`/cycles/${cycleId}/simulations`, request)
}

export function useStartSimulation() {
  return useMutation({
    mutationFn: ({ cycleId, request }: { cycleId: number; request: SimulationRequest }) =>
      startSimulation(cycleId, request),
  })
}
