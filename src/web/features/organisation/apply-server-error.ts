import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { isApiError } from '../../lib/api-client.ts'
import { describeError } from '../../lib/describe-error.ts'

/**
 * Shows a refused save where it belongs: each issue the server named on a field of the form under that field
 * (the server's own message, e.g. the loop 王五 → 李四 → 王五), anything else as one message.
 */
export function applyServerError(
  form: FormInstance,
  fields: readonly string[],
  error: unknown,
  t: TFunction,
  show: (text: string) => void,
): void {
  const issues = isApiError(error) ? error.issues.filter((i) => fields.includes(i.path)) : []
  if (issues.length > 0) {
    form.setFields(issues.map((i) => ({ name: i.path, errors: [i.message] })))
    return
  }
  show(describeError(t, error))
}
