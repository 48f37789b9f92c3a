import { useQuery } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'
import type { Calibration } from './cycle-api-types.ts'
import { cycleQueryKeys } from './cycle-query-keys.ts'

export function getCalibration(id: number): Promise<Calibration> {
  return apiClient.get<Calibration>(`/cycles/${id}/calibration`)
}

// The score distribution of a cycle by department, the sheets open to calibration and quota violations.
export function useCalibration(id: number) {
  return useQuery({ queryKey: cycleQueryKeys.calibration(id), queryFn: () => getCalibration(id) })
}
