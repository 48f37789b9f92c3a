import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { IndicatorInput } from '../../../../core/scoring/score-indicator.ts'
import { apiClient } from '../../../lib/api-client.ts'
import type { SheetState } from '../../sheets/api/sheet-types.ts'

/** A peer review I owe or gave (同事互评): whose sheet, which indicators to score, and what I wrote. */
export type PeerReviewTask = {
  id: number
  sheetId: number
  employeeName: string
  cycleName: string
  sheetState: SheetState
  submittedAt: string | null
  indicators: Record<string, IndicatorInput> | null
  comment: string | null
  toScore: { key: string; name: string; maxPoints: number; rule: string }[]
}

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
    }) => apiClient.post<{ id: number; submittedAt: string }>(`/peer-reviews/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peerReviewsKey }),
  })
}
