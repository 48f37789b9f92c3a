import { BankOutlined, LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router-dom'
import type { LoginInput } from '../../../../contracts/auth.ts'
import { BrandMark } from '../../../components/brand-mark.tsx'
import { LanguageSwitcher } from '../../../components/language-switcher.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSetupStatus } from '../../setup/api/get-setup-status.ts'
import {
  DirectorySignIn,
  DirectorySignInError,
} from '../../sign-in-providers/components/directory-sign-in.tsx'
import { useSession } from '../api/get-session.ts'
import { useLogin } from '../api/login.ts'
import { describeWait } from '../describe-wait.ts'
import { readRememberedCompanyCode, rememberCompanyCode } from '../remembered-company-code.ts'

type LocationState = { from?: string } | null

// The sign-in page: username and password; a wrong pair or too many tries shows a clear message from the API.
export function LoginPage() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const navigate = useNavigate()
  const location = useLocation()
  const session = useSession()
  const login = useLogin()
  const from = (location.state as LocationState)?.from ?? '/'
  // 企业代码: from a company-specific address (/login?company=CODE), else the one this browser used last.
  const companyFromAddress = new URLSearchParams(location.search).get('company')?.trim() || undefined
  const [companyLocked, setCompanyLocked] = useState(companyFromAddress !== undefined)
  const setup = useSetupStatus()

  if (session.data) return <Navigate to={from} replace />
  // An empty database (first run): nobody can sign in yet, so the setup page comes first.
  if (setup.data?.needed) return <Navigate to="/setup" replace />

  const onFinish = (values: LoginInput) => {
    const companyCode = values.companyCode?.trim() || undefined
    login.mutate(
      { ...values, companyCode },
      {
        onSuccess: (result) => {
          rememberCompanyCode(result.user.companyCode)
          navigate(from, { replace: true })
        },
      },
    )
  }

  const errorText = login.error
    ? isApiError(login.error, 'unauthenticated')
      ? t('auth.login.invalidCredentials')
      : isApiError(login.error, 'invalid_input') && login.error.issues.some((i) => i.path === 'companyCode')
        ? t('companies.login.companyCodeRequired')
        : isApiError(login.error, 'rate_limited') && login.error.retryAfterSeconds
          ? describeWait(t, login.error.retryAfterSeconds)
          : describeError(t, login.error)
    : null

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: `linear-gradient(160deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)`,
      }}
    >
      <div style={{ position: 'fixed', top: 12, right: 12 }}>
        <LanguageSwitcher />
      </div>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: token.boxShadowTertiary }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <BrandMark size={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 0' }}>
            {t('app.fullName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.login.subtitle')}</Typography.Paragraph>
        <DirectorySignInError />
        {errorText ? (
          <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <Form<LoginInput>
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={login.isPending}
          initialValues={{ companyCode: companyFromAddress ?? readRememberedCompanyCode() ?? '' }}
        >
          <Form.Item
            label={t('companies.login.companyCode')}
            name="companyCode"
            extra={
              companyLocked ? (
                <Typography.Link onClick={() => setCompanyLocked(false)}>
                  {t('companies.login.changeCompany')}
                </Typography.Link>
              ) : (
                t('companies.login.companyCodeHelp')
              )
            }
          >
            <Input prefix={<BankOutlined />} readOnly={companyLocked} size="large" maxLength={32} />
          </Form.Item>
          <Form.Item
            label={t('auth.login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label={t('auth.login.password')}
            name="password"
            rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('auth.login.submit')}
            </Button>
          </Form.Item>
        </Form>
        {/* 使用 钉钉 / 飞书 / 企业微信 登录: shown once the company code is known and it has enabled providers. */}
        <DirectorySignIn companyCode={new URLSearchParams(location.search).get('company') ?? undefined} />
      </Card>
    </Flex>
  )
}
