import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Template } from '../../../../core/templates/template.ts'
import { apiClient } from '../../../lib/api-client.ts'
import type { PayPreviewRequest, PreviewResult, PreviewSheetInputs } from './template-api-types.ts'

// Scores sample inputs against a draft (saved or not) with the real engine on the server.
export function previewTemplate(
  definition: Template,
  inputs: PreviewSheetInputs,
  pay?: PayPreviewRequest,
): Promise<PreviewResult> {
  return apiClient.post<PreviewResult>('/templates/preview', { definition, inputs, pay })
}

/** The preview of the (already debounced) draft and inputs; the previous score stays while the next loads. */
export function useTemplatePreview(
  request: { definition: Template; inputs: PreviewSheetInputs; pay?: PayPreviewRequest } | undefined,
) {
  return useQuery({
    queryKey: ['templates', 'preview', request],
    queryFn: () => previewTemplate(request!.definition, request!.inputs, request!.pay),
    enabled: request !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  })
}
