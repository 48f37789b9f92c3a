import { useMutation } from '@tanstack/react-query'
import type { ChangePasswordInput, ChangePasswordResult } from '../../../../contracts/auth.ts'
import { apiClient } from '../../../lib/api-client.ts'

// Replaces the signed-in user's password; the server ends their other sessions and keeps this one.
export function changePassword(input: ChangePasswordInput): Promise<ChangePasswordResult> {
  return apiClient.post<ChangePasswordResult>('/auth/password', input)
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword })
}
