import { useQuery } from '@tanstack/react-query'
import type { SimulationStatus } from '../../../../contracts/simulations.ts'
import { apiClient } from '../../../lib/api-client.ts'

// A simulation's progress and, once done, its comparison; polled while the job runs.
export function getSimulation(cycleId: number, simulationId: number): Promise<SimulationStatus> {
  return apiClient.get<SimulationStatus>(`/cycles/${cycleId}/simulations/${simulationId}`)
}

export function useSimulation(target: { cycleId: number; simulationId: number } | undefined) {
  return useQuery({
    queryKey: ['simulations', target?.cycleId, target?.simulationId],
    queryFn: () => getSimulation(target!.cycleId, target!.simulationId),
    enabled: target !== undefined,
    refetchInterval: (query) => {
      const status = query.state.data?.status
      return status === 'succeeded' || status === 'failed' ? false : 500
    },
  })
}
