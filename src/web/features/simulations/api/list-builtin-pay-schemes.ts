import { useQuery } from '@tanstack/react-query'
import type { PaySchemeDraft } from '../../../../contracts/simulations.ts'
import { apiClient } from '../../../lib/api-client.ts'

// The built-in pay schemes, the starting points a pay scheme draft is edited from.
export function useBuiltinPaySchemes() {
  return useQuery({
    queryKey: ['pay', 'builtin-schemes'],
    queryFn: () => apiClient.get<{ items: { scheme: PaySchemeDraft }[] }>('/pay/builtin-schemes'),
  })
}
