import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { sessionQueryKey } from '../features/auth/api/get-session.ts'
import { isApiError } from '../lib/api-client.ts'

// One query client for the app: client errors (4xx) are final, so only network and server failures are retried;
// any request that meets an ended session (401) marks the session as gone, which sends the user to the login page.
export function createQueryClient(): QueryClient {
  const endSessionOn401 = (error: unknown) => {
    if (isApiError(error, 'unauthenticated') && queryClient.getQueryData(sessionQueryKey)) {
      queryClient.setQueryData(sessionQueryKey, null)
    }
  }
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: endSessionOn401 }),
    mutationCache: new MutationCache({ onError: endSessionOn401 }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  })
  return queryClient
}
