import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiClient } from '../../../lib/api-client.ts'
import { sessionQueryKey } from './get-session.ts'

// Ends the session on the server (with everywhere, every session of the user on every device), then forgets
// every cached answer so the next user starts clean.
export async function logout(options: { everywhere?: boolean } = {}): Promise<void> {
  await apiClient.post<void>(options.everywhere ? '/auth/logout?everywhere=true' : '/auth/logout')
  apiClient.setCsrfToken(null)
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      apiClient.setCsrfToken(null)
      // the session query stays (now null) so that RequireSession hears of it and leaves the signed-in pages
      queryClient.setQueryData(sessionQueryKey, null)
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] })
    },
  })
}
