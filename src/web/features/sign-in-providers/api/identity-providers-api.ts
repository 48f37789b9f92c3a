import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  IdentityProvider,
  IdentityProviderInput,
  IdentityProviderKind,
  IdentityProviderList,
  SsoProviderList,
} from '../../../../contracts/identity-providers.ts'
import { apiClient } from '../../../lib/api-client.ts'

const key = ['identity-providers'] as const

// The company's sign-in/directory providers (admin); secrets never come back, only hasSecret.
export function useIdentityProviders() {
  return useQuery({
    queryKey: key,
    queryFn: () => apiClient.get<IdentityProviderList>('/identity-providers'),
  })
}

// Creates or updates the provider of one kind; a missing secret keeps the stored one.
export function useSaveIdentityProvider(kind: IdentityProviderKind) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: IdentityProviderInput) =>
      apiClient.put<IdentityProvider>(`/identity-providers/${kind}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  })
}

export function useDeleteIdentityProvider(kind: IdentityProviderKind) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiClient.delete(`/identity-providers/${kind}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  })
}

// The directory sign-ins a company offers, for its login page (public).
export function useSsoProviders(companyCode: string | undefined) {
  const code = companyCode?.trim()
  return useQuery({
    queryKey: ['sso-providers', code?.toLowerCase()],
    queryFn: () => apiClient.get<SsoProviderList>('/auth/sso/providers', { company: code }),
    enabled: Boolean(code),
    retry: false,
  })
}
