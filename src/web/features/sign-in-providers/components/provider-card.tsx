import {
  App,
  AutoComplete,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import {
  defaultDisplayNameByKind,
  type IdentityProvider,
  type IdentityProviderInput,
  type IdentityProviderKind,
  identityFieldsByKind,
  suggestedMatchByKind,
} from '../../../../contracts/identity-providers.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useDeleteIdentityProvider, useSaveIdentityProvider } from '../api/identity-providers-api.ts'

type Values = {
  enabled: boolean
  displayName: string
  clientId?: string
  clientSecret?: string
  issuer?: string
  corpId?: string
  agentId?: string
  matchIdentityField: string
  matchEmployeeField: IdentityProviderInput['matchEmployeeField']
}

const employeeFields = ['employee_no', 'email', 'phone'] as const

// One provider's settings: app credentials (the secret is write-only), and the rule that matches a person's
// identity at the provider to an employee (身份字段 → 员工字段), preset per provider.
export function ProviderCard({
  kind,
  provider,
}: {
  kind: IdentityProviderKind
  provider?: IdentityProvider
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const save = useSaveIdentityProvider(kind)
  const remove = useDeleteIdentityProvider(kind)
  const [form] = Form.useForm<Values>()
  const suggested = suggestedMatchByKind[kind]
  const initial: Values = {
    enabled: provider?.enabled ?? true,
    displayName: provider?.displayName ?? defaultDisplayNameByKind[kind],
    clientId: provider?.clientId ?? '',
    issuer: provider?.issuer ?? '',
    corpId: provider?.corpId ?? '',
    agentId: provider?.agentId ?? '',
    matchIdentityField: provider?.matchIdentityField ?? suggested.identityField,
    matchEmployeeField: provider?.matchEmployeeField ?? suggested.employeeField,
  }
  const redirectUrl = provider?.redirectUrl ?? `${window.location.origin}/api/auth/sso/${kind}/callback`
  const fieldOptions = identityFieldsByKind[kind].map((f) => ({ value: f, label: f }))

  const onFinish = (values: Values) => {
    const input: IdentityProviderInput = {
      enabled: values.enabled,
      displayName: values.displayName,
      matchIdentityField: values.matchIdentityField,
      matchEmployeeField: values.matchEmployeeField,
      ...(kind === 'wecom'
        ? { corpId: values.corpId, agentId: values.agentId }
        : { clientId: values.clientId }),
      ...(kind === 'oidc' ? { issuer: values.issuer } : {}),
      ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    }
    save.mutate(input, {
      onSuccess: () => {
        message.success(t('signInProviders.saved'))
        form.setFieldValue('clientSecret', '')
      },
      onError: (error) => {
        // Each refused field is named by the server; show it beside the field.
        const issues = 'issues' in error && Array.isArray(error.issues) ? error.issues : []
        form.setFields(
          issues.map((issue: { path: string; message: string }) => ({
            name: issue.path as keyof Values,
            errors: [issue.message],
          })),
        )
        message.error(describeError(t, error))
      },
    })
  }

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          {t(`signInProviders.kinds.${kind}`)}
          {provider ? (
            provider.enabled ? (
              <Tag color="green">{t('signInProviders.enabledTag')}</Tag>
            ) : (
              <Tag>{t('signInProviders.disabledTag')}</Tag>
            )
          ) : (
            <Tag>{t('signInProviders.notConfigured')}</Tag>
          )}
        </Flex>
      }
      data-testid={`provider-${kind}`}
    >
      <Typography.Paragraph type="secondary">{t(`signInProviders.help.${kind}`)}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('signInProviders.redirectUrl')}：
        <Typography.Text copyable code>
          {redirectUrl}
        </Typography.Text>
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        disabled={save.isPending}
        name={`provider-${kind}`}
      >
        <Form.Item name="enabled" label={t('signInProviders.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('signInProviders.displayName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {kind === 'wecom' ? (
          <>
            <Form.Item
              name="corpId"
              label={t('signInProviders.corpId')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="agentId"
              label={t('signInProviders.agentId')}
              rules={[{ required: true, pattern: /^\d+$/ }]}
            >
              <Input maxLength={20} inputMode="numeric" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="clientId"
            label={t(`signInProviders.clientIdLabel.${kind}`)}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item
          name="clientSecret"
          label={t('signInProviders.clientSecret')}
          extra={provider?.hasSecret ? t('signInProviders.secretKept') : undefined}
          rules={
            provider?.hasSecret ? [] : [{ required: true, message: t('signInProviders.secretRequired') }]
          }
        >
          <Input.Password autoComplete="new-password" maxLength={500} />
        </Form.Item>
        {kind === 'oidc' ? (
          <Form.Item
            name="issuer"
            label={t('signInProviders.issuer')}
            extra={t('signInProviders.issuerHelp')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input placeholder="https://login.example.com" maxLength={500} />
          </Form.Item>
        ) : null}
        <Flex gap={8} align="end" wrap>
          <Form.Item
            name="matchIdentityField"
            label={t('signInProviders.identityField')}
            rules={[{ required: true, whitespace: true }]}
            style={{ minWidth: 200 }}
          >
            {kind === 'oidc' ? <AutoComplete options={fieldOptions} /> : <Select options={fieldOptions} />}
          </Form.Item>
          <Typography.Text style={{ paddingBottom: 30 }}>→</Typography.Text>
          <Form.Item
            name="matchEmployeeField"
            label={t('signInProviders.employeeField')}
            style={{ minWidth: 160 }}
          >
            <Select
              options={employeeFields.map((f) => ({
                value: f,
                label: t(`signInProviders.employeeFields.${f}`),
              }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('signInProviders.save')}
          </Button>
          {provider ? (
            <Popconfirm
              title={t('signInProviders.deleteConfirm')}
              onConfirm={() =>
                remove.mutate(undefined, {
                  onSuccess: () => message.success(t('signInProviders.deleted')),
                  onError: (error) => message.error(describeError(t, error)),
                })
              }
            >
              <Button danger loading={remove.isPending}>
                {t('signInProviders.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Form>
    </Card>
  )
}
