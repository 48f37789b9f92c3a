import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, useRouteError } from 'react-router-dom'

// What a page that crashed shows instead of a blank screen: a plain message and a way to start again.
export function RouteError() {
  const { t } = useTranslation()
  const error = useRouteError()
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : undefined
  return (
    <Result
      status="error"
      title={t('errors.unknown')}
      subTitle={detail}
      extra={
        <Button type="primary" onClick={() => window.location.assign('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  )
}
