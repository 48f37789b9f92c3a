import { Button, Flex, Result, Spin } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router-dom'
import { describeError } from '../../../lib/describe-error.ts'
import { ForcedPasswordChangePage } from '../../accounts/components/forced-password-change-page.tsx'
import { useSession } from '../api/get-session.ts'
import { CurrentUserContext } from '../current-user-context.ts'

// Renders its children only for a signed-in user; anyone else goes to the login page and comes back afterwards.
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const location = useLocation()
  const session = useSession()

  if (session.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('auth.checkingSession')} />
      </Flex>
    )
  }
  if (session.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={describeError(t, session.error)}
        extra={
          <Button type="primary" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    )
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />
  }
  // A login with an initial password sees only the page that replaces it (the API refuses everything else).
  return (
    <CurrentUserContext.Provider value={session.data.user}>
      {session.data.user.mustChangePassword ? <ForcedPasswordChangePage /> : children}
    </CurrentUserContext.Provider>
  )
}
