import type { TFunction } from 'i18next'
import { isApiError } from './api-client.ts'

const translatedCodes = new Set([
  'unauthenticated',
  'forbidden',
  'not_found',
  'rate_limited',
  'network_error',
  'invalid_input',
])

// A message for the user: the translated text for a known error code, else the server's own message.
export function describeError(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'invalid_input' && error.issues.length > 0) {
      return `${t('errors.invalid_input')}: ${error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`
    }
    if (translatedCodes.has(error.code)) return t(`errors.${error.code}`)
    return error.message || t('errors.unknown')
  }
  return error instanceof Error && error.message ? error.message : t('errors.unknown')
}
