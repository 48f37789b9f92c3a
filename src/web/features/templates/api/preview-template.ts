import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { SheetInputs, Template } from '../../../../contracts/template.ts'
import type { TemplatePreviewPay, TemplatePreviewResult } from '../../../../contracts/template-api.ts'
import { apiClient } from '../../../lib/api-client.ts'

// Scores sample inputs against a draft (saved or not) with the real engine on the server.
export function previewTemplate(
  definition: Template,
  inputs: SheetInputs,
  pay?: TemplatePreviewPay,
): Promise<TemplatePreviewResult> {
  return apiClient.post<TemplatePreviewResult>('/templates/preview', { definition, inputs, pay })
}

/** The preview of the (already debounced) draft and inputs; the previous score stays while the next loads. */
export function useTemplatePreview(
  request: { definition: Template; inputs: SheetInputs; pay?: TemplatePreviewPay } | undefined,
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
