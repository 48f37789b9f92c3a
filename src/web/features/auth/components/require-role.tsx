import { Result } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../../contracts/auth.ts'
import { useCurrentUser } from '../current-user-context.ts'

// Shows a page only to the given roles; others (who followed a link or typed the address) get a clear 403.
// The server checks roles on every request anyway; this spares people a page that can only fail.
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  if (!roles.includes(user.role)) return <Result status="403" title="403" subTitle={t('errors.forbidden')} />
  return children
}
