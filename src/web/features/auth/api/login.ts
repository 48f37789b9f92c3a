import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { LoginInput, SessionResponse } from '../../../../contracts/auth.ts'
import { changeLanguage, hasStoredLanguage, isLanguage } from '../../../i18n/i18n.ts'
import { apiClient } from '../../../lib/api-client.ts'
import { sessionQueryKey } from './get-session.ts'

// Signs in; the server sets the httpOnly session cookie and answers with the user and the CSRF token.
export async function login(input: LoginInput): Promise<SessionResponse> {
  const session = await apiClient.post<SessionResponse>('/auth/login', input)
  apiClient.setCsrfToken(session.csrfToken)
  return session
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: login,
    onSuccess: async (session) => {
      // someone who never picked a language on this browser gets the one set on their account
      if (!hasStoredLanguage() && isLanguage(session.user.locale)) await changeLanguage(session.user.locale)
      queryClient.setQueryData(sessionQueryKey, session)
    },
  })
}
