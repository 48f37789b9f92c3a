import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'

/** The password rule the server checks first, mirrored so the message is in the user's language. */
export const minPasswordLength = 10

// New password twice, with the length, "not the username" and "same twice" checks done before sending.
export function PasswordFields({ username }: { username: string }) {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('activate.newPassword')}
        extra={t('activate.rules', { min: minPasswordLength })}
        rules={[
          { required: true, message: t('activate.newRequired') },
          { min: minPasswordLength, message: t('activate.tooShort', { min: minPasswordLength }) },
          {
            validator: (_, value: string | undefined) =>
              value && value.trim().toLowerCase() === username.toLowerCase()
                ? Promise.reject(new Error(t('activate.isUsername')))
                : Promise.resolve(),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('activate.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('activate.newRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('activate.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  )
}
