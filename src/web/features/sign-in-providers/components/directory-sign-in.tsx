import { Alert, Button, Divider, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router-dom'
import { ssoErrorCodes } from '../../../../contracts/identity-providers.ts'
import { useSsoProviders } from '../api/identity-providers-api.ts'

// The login page's part for signing in with the company's directory: "使用 钉钉 登录" buttons for the company's
// enabled providers, and the reason a directory sign-in came back to the login page (?sso_error=…).
export function DirectorySignIn({ companyCode }: { companyCode: string | undefined }) {
  const { t } = useTranslation()
  const providers = useSsoProviders(companyCode)
  const items = providers.data?.items ?? []
  if (items.length === 0) return null
  return (
    <>
      <Divider plain>{t('signInProviders.login.or')}</Divider>
      <Flex vertical gap={8}>
        {items.map((p) => (
          <Button key={p.kind} block size="large" href={p.startUrl}>
            {t('signInProviders.login.button', { name: p.displayName })}
          </Button>
        ))}
      </Flex>
    </>
  )
}

/** Why the last directory sign-in came back to the login page, in the reader's language. */
export function DirectorySignInError() {
  const { t } = useTranslation()
  const code = new URLSearchParams(useLocation().search).get('sso_error')
  if (!code) return null
  const known = (ssoErrorCodes as readonly string[]).includes(code)
  return (
    <Alert
      type={code === 'no_account' ? 'warning' : 'error'}
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t(`signInProviders.errors.${known ? code : 'provider_error'}`)}
    />
  )
}
