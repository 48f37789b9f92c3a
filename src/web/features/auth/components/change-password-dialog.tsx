import { App, Form, Input, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { NewPasswordFields } from '../../../components/new-password-fields.tsx'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useChangePassword } from '../api/change-password.ts'
import { useCurrentUser } from '../current-user-context.ts'
import { describeWait } from '../describe-wait.ts'

type Values = { currentPassword: string; newPassword: string; confirm: string }

// 修改密码: the signed-in user replaces their own password; their sign-ins elsewhere end, this one stays.
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const change = useChangePassword()
  const [form] = Form.useForm<Values>()

  const onOk = async () => {
    // A field the form refuses shows its message in place; nothing is sent.
    const values = await form.validateFields().catch(() => undefined)
    if (!values) return
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (result) => {
          message.success(
            result.endedSessions > 0
              ? t('changePassword.doneEnded', { count: result.endedSessions })
              : t('changePassword.done'),
          )
          onClose()
        },
        onError: (error) => {
          const fields: { name: keyof Values; errors: string[] }[] = []
          for (const issue of isApiError(error, 'invalid_input') ? error.issues : []) {
            if (issue.path === 'currentPassword')
              fields.push({ name: 'currentPassword', errors: [t('changePassword.wrongCurrent')] })
            // Length, username and "same as current" are checked before sending: what is left is the common list.
            if (issue.path === 'newPassword')
              fields.push({ name: 'newPassword', errors: [t('changePassword.common')] })
          }
          if (fields.length > 0) form.setFields(fields)
          else if (isApiError(error, 'rate_limited') && error.retryAfterSeconds)
            message.error(describeWait(t, error.retryAfterSeconds))
          else message.error(describeError(t, error))
        },
      },
    )
  }

  return (
    <Modal
      open={open}
      title={t('changePassword.title')}
      okText={t('changePassword.submit')}
      onOk={() => void onOk()}
      confirmLoading={change.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('changePassword.endsOtherSessions')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} name="change-password">
        <Form.Item
          name="currentPassword"
          label={t('changePassword.current')}
          rules={[{ required: true, message: t('changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields
          username={user.username}
          companyCode={user.companyCode}
          currentPasswordField="currentPassword"
        />
      </Form>
    </Modal>
  )
}
