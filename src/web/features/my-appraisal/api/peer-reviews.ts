import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { IndicatorInput, PeerReviewSaved, PeerReviewTask } from '../../../../contracts/sheets.ts'
import { apiClient } from '../../../lib/api-client.ts'

export type { PeerReviewTask }

const peerReviewsKey = ['sheets', 'peer-reviews'] as const

export async function listMyPeerReviews(): Promise<PeerReviewTask[]> {
  return (await apiClient.get<{ items: PeerReviewTask[] }>('/me/peer-reviews')).items
}

export function useMyPeerReviews(enabled = true) {
  return useQuery({ queryKey: peerReviewsKey, queryFn: listMyPeerReviews, enabled })
}

// Submits (or revises, until the sheet is computed) a peer review assigned to me.
export function useSubmitPeerReview() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: number
      indicators: Record<string, IndicatorInput>
      comment?: string
    }) => apiClient.post<PeerReviewSaved>(`/peer-reviews/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peerReviewsKey }),
  })
}
