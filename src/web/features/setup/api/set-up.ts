import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { SessionResponse } from '../../../../contracts/auth.ts'
import type { SetupInput } from '../../../../contracts/companies.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { sessionQueryKey } from '../../auth/api/get-session.ts'
import { rememberCompanyCode } from '../../auth/remembered-company-code.ts'
import { setupStatusQueryKey } from './get-setup-status.ts'

// Creates the first company and its admin; the server signs the admin in (session cookie + CSRF token).
export async function setUp(input: SetupInput): Promise<SessionResponse> {
  const session = await apiClient.post<SessionResponse>('/setup', input)
  apiClient.setCsrfToken(session.csrfToken)
  return session
}

export function useSetUp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: setUp,
    onSuccess: (session) => {
      rememberCompanyCode(session.user.companyCode)
      queryClient.setQueryData(setupStatusQueryKey, { needed: false })
      queryClient.setQueryData(sessionQueryKey, session)
    },
  })
}
