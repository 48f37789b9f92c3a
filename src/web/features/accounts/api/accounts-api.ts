import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AccountChangeResult,
  AccountDelivery,
  AccountListQuery,
  AccountPage,
  ActivationCheck,
  CreateAccountsResult,
  ResetAccountResult,
} from '../../../../contracts/accounts.ts'
import type { Role, SessionResponse } from '../../../../contracts/auth.ts'
import { apiClient } from '../../../lib/api-client.ts'

// The account operations of 账号管理 and the public activation page.

const accountsKey = ['accounts'] as const

export function listAccounts(query: Partial<AccountListQuery>): Promise<AccountPage> {
  return apiClient.get<AccountPage>('/accounts', query)
}

export function useAccounts(query: Partial<AccountListQuery>) {
  return useQuery({ queryKey: [...accountsKey, query], queryFn: () => listAccounts(query) })
}

function useAccountMutation<I, R>(mutationFn: (input: I) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  })
}

export const useCreateAccounts = () =>
  useAccountMutation((input: { employeeIds: number[]; delivery: AccountDelivery; role?: Role }) =>
    apiClient.post<CreateAccountsResult>('/accounts', input),
  )

export const useResetAccount = () =>
  useAccountMutation((input: { userId: number; delivery: AccountDelivery }) =>
    apiClient.post<ResetAccountResult>(`/accounts/${input.userId}/reset`, { delivery: input.delivery }),
  )

export const useDisableAccount = () =>
  useAccountMutation((input: { userId: number; reason?: string }) =>
    apiClient.post<AccountChangeResult>(`/accounts/${input.userId}/disable`, { reason: input.reason }),
  )

export const useEnableAccount = () =>
  useAccountMutation((userId: number) => apiClient.post<AccountChangeResult>(`/accounts/${userId}/enable`))

export const useChangeAccountRole = () =>
  useAccountMutation((input: { userId: number; role: Role }) =>
    apiClient.patch<AccountChangeResult>(`/accounts/${input.userId}`, { role: input.role }),
  )

export function checkActivation(token: string): Promise<ActivationCheck> {
  return apiClient.get<ActivationCheck>('/auth/activate', { token })
}

export function activateAccount(input: { token: string; newPassword: string }): Promise<SessionResponse> {
  return apiClient.post<SessionResponse>('/auth/activate', input)
}
