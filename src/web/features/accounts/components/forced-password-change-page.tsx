import { useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { NewPasswordFields } from '../../../components/new-password-fields.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useChangePassword } from '../../auth/api/change-password.ts'
import { sessionQueryKey } from '../../auth/api/get-session.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'

type Values = { currentPassword: string; newPassword: string; confirm: string }

// 修改初始密码: a login created or reset with an initial password sees only this page until it sets its own.
export function ForcedPasswordChangePage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const queryClient = useQueryClient()
  const change = useChangePassword()
  const [form] = Form.useForm<Values>()
  const onFinish = (values: Values) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
        onError: (error) => {
          for (const issue of isApiError(error, 'invalid_input') ? error.issues : []) {
            if (issue.path === 'currentPassword')
              form.setFields([{ name: 'currentPassword', errors: [t('activate.wrongInitial')] }])
            if (issue.path === 'newPassword')
              form.setFields([{ name: 'newPassword', errors: [t('activate.weak')] }])
          }
        },
      },
    )
  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 420, alignSelf: 'flex-start', marginTop: '8vh' }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('activate.forcedTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('activate.forcedHint', { username: user.username })}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Form.Item
            name="currentPassword"
            label={t('activate.initialPassword')}
            rules={[{ required: true, message: t('activate.initialRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields
            username={user.username}
            companyCode={user.companyCode}
            currentPasswordField="currentPassword"
          />
          {change.isError && !isApiError(change.error, 'invalid_input') ? (
            <Alert
              type="error"
              showIcon
              title={describeError(t, change.error)}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('activate.forcedSubmit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  )
}
