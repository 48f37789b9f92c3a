import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate } from 'react-router-dom'
import type { SetupInput } from '../../../../contracts/companies.ts'
import { BrandMark } from '../../../components/brand-mark.tsx'
import { LanguageSwitcher } from '../../../components/language-switcher.tsx'
import { NewPasswordFields } from '../../../components/new-password-fields.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSetupStatus } from '../api/get-setup-status.ts'
import { useSetUp } from '../api/set-up.ts'

const fieldNames = ['companyName', 'companyCode', 'adminUsername', 'password', 'passwordRepeat'] as const

// First run (empty database): creates the company and its admin, then lands the admin on the home page.
// Once any company exists the page sends people to the login page instead.
export function SetupPage() {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const navigate = useNavigate()
  const status = useSetupStatus()
  const setUp = useSetUp()
  const [form] = Form.useForm<SetupInput>()

  if (status.data && !status.data.needed && !setUp.isSuccess) return <Navigate to="/login" replace />

  const onFinish = (values: SetupInput) => {
    setUp.mutate(values, {
      onSuccess: () => navigate('/', { replace: true }),
      onError: (error) => {
        const fields = (
          isApiError(error, 'invalid_input') || isApiError(error, 'conflict') ? error.issues : []
        )
          .filter((issue) => (fieldNames as readonly string[]).includes(issue.path))
          .map((issue) => ({ name: issue.path as keyof SetupInput, errors: [issue.message] }))
        if (fields.length > 0) form.setFields(fields)
      },
    })
  }
  const failed =
    setUp.error && !(isApiError(setUp.error) && setUp.error.issues.length > 0)
      ? describeError(t, setUp.error)
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
      <Card style={{ width: '100%', maxWidth: 460, boxShadow: token.boxShadowTertiary }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <BrandMark size={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 0' }}>
            {t('app.fullName')}
          </Typography.Title>
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('companies.setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('companies.setup.subtitle')}</Typography.Paragraph>
        {failed ? (
          <Alert type="error" showIcon title={failed} style={{ marginBottom: 16 }} role="alert" />
        ) : null}
        <Form<SetupInput>
          form={form}
          name="setup"
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={setUp.isPending}
        >
          <Form.Item
            label={t('companies.setup.companyName')}
            name="companyName"
            rules={[{ required: true, whitespace: true, message: t('companies.setup.companyNameRequired') }]}
          >
            <Input autoFocus size="large" maxLength={100} />
          </Form.Item>
          <Form.Item
            label={t('companies.setup.companyCode')}
            name="companyCode"
            extra={t('companies.setup.companyCodeHelp')}
            normalize={(value: string) => value.toLowerCase()}
            rules={[
              { required: true, message: t('companies.setup.companyCodeRequired') },
              { pattern: /^[a-z0-9-]{2,32}$/, message: t('companies.setup.companyCodePattern') },
            ]}
          >
            <Input size="large" maxLength={32} autoComplete="organization" />
          </Form.Item>
          <Form.Item
            label={t('companies.setup.adminUsername')}
            name="adminUsername"
            rules={[
              { required: true, whitespace: true, message: t('companies.setup.adminUsernameRequired') },
            ]}
          >
            <Input size="large" maxLength={100} autoComplete="username" />
          </Form.Item>
          <NewPasswordFields
            names={{ password: 'password', repeat: 'passwordRepeat' }}
            labels={{
              password: t('companies.setup.password'),
              repeat: t('companies.setup.passwordRepeat'),
            }}
            usernameField="adminUsername"
            companyCodeField="companyCode"
            size="large"
          />
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" block size="large" loading={setUp.isPending}>
              {t('companies.setup.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Flex>
  )
}
