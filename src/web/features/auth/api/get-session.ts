import { useQuery } from '@tanstack/react-query'
import type { SessionResponse } from '../../../../contracts/auth.ts'
import { apiClient, isApiError } from '../../../lib/api-client.ts'

export const sessionQueryKey = ['auth', 'session'] as const

// The current session, or null when nobody is signed in (401); remembers the CSRF token for later writes.
export async function getSession(): Promise<SessionResponse | null> {
  try {
    const session = await apiClient.get<SessionResponse>('/auth/me')
    apiClient.setCsrfToken(session.csrfToken)
    return session
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) {
      apiClient.setCsrfToken(null)
      return null
    }
    throw error
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: 5 * 60_000 })
}
