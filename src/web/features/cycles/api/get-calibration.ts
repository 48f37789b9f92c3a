import { useQuery } from '@tanstack/react-query'
import type { CycleCalibration } from '../../../../contracts/cycles.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

export function getCalibration(id: number): Promise<CycleCalibration> {
  return apiClient.get<CycleCalibration>(`/cycles/${id}/calibration`)
}

// The score distribution of a cycle by department, the sheets open to calibration and quota violations.
export function useCalibration(id: number) {
  return useQuery({ queryKey: cycleQueryKeys.calibration(id), queryFn: () => getCalibration(id) })
}
