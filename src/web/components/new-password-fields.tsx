import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'

/** The password rule the server checks first, mirrored so the message is in the reader's language. */
export const minPasswordLength = 10

type Props = {
  /** The form field names of the password and its repetition. */
  names?: { password: string; repeat: string }
  /** Labels when the page calls them otherwise than 新密码 / 再次输入新密码 (the setup page: 密码 / 确认密码). */
  labels?: { password: string; repeat: string }
  /** The login name the password may not be (case ignored). */
  username?: string
  /** Another field of the same form holding the login name, when it is typed on the same page. */
  usernameField?: string
  /** The company code the password may not be, or the field holding it. */
  companyCode?: string
  companyCodeField?: string
  /** The field holding the current password, which the new one must differ from. */
  currentPasswordField?: string
  size?: 'large'
}

/** The first rule a new password breaks (a key of passwordPair), or undefined when it may be sent. */
function passwordProblem(
  value: string,
  others: { username?: string; companyCode?: string; currentPassword?: string },
): 'tooShort' | 'isUsername' | 'isCompanyCode' | 'sameAsCurrent' | undefined {
  const same = (other: string | undefined) =>
    Boolean(other?.trim()) && value.trim().toLowerCase() === other!.trim().toLowerCase()
  if ([...value].length < minPasswordLength) return 'tooShort'
  if (same(others.username)) return 'isUsername'
  if (same(others.companyCode)) return 'isCompanyCode'
  if (others.currentPassword && value === others.currentPassword) return 'sameAsCurrent'
  return undefined
}

// A new password typed twice, with the rules shown under it and checked before sending: length, not the login
// name, not the company code, not the current password, and the same twice. The server checks the list of
// common passwords; each page shows its answer on the password field.
export function NewPasswordFields({
  names = { password: 'newPassword', repeat: 'confirm' },
  labels,
  username,
  usernameField,
  companyCode,
  companyCodeField,
  currentPasswordField,
  size,
}: Props) {
  const { t } = useTranslation()
  const watched = [usernameField, companyCodeField, currentPasswordField].filter((name): name is string =>
    Boolean(name),
  )
  return (
    <>
      <Form.Item
        name={names.password}
        label={labels?.password ?? t('passwordPair.password')}
        extra={t('passwordPair.rules', { min: minPasswordLength })}
        dependencies={watched}
        rules={[
          { required: true, message: t('passwordPair.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) => {
              if (!value) return Promise.resolve()
              const problem = passwordProblem(value, {
                username: usernameField ? getFieldValue(usernameField) : username,
                companyCode: companyCodeField ? getFieldValue(companyCodeField) : companyCode,
                currentPassword: currentPasswordField ? getFieldValue(currentPasswordField) : undefined,
              })
              return problem
                ? Promise.reject(new Error(t(`passwordPair.${problem}`, { min: minPasswordLength })))
                : Promise.resolve()
            },
          }),
        ]}
      >
        <Input.Password size={size} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={names.repeat}
        label={labels?.repeat ?? t('passwordPair.repeat')}
        dependencies={[names.password]}
        rules={[
          { required: true, message: t('passwordPair.repeatRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue(names.password)
                ? Promise.resolve()
                : Promise.reject(new Error(t('passwordPair.mismatch'))),
          }),
        ]}
      >
        <Input.Password size={size} autoComplete="new-password" />
      </Form.Item>
    </>
  )
}
