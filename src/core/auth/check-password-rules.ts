import { commonPasswords } from './common-passwords.ts'

// The password rules of a login (issue 13): long enough, not the account's own name, not a common password.

export const minPasswordLength = 10

export type PasswordRule = 'too_short' | 'is_username' | 'is_company_code' | 'common'

export type PasswordRuleBreach = { rule: PasswordRule; message: string }

/** The first rule the password breaks, with a zh-CN message naming it; undefined when it passes. */
export function checkPasswordRules(
  password: string,
  account: { username: string; companyCode?: string | null },
): PasswordRuleBreach | undefined {
  const length = [...password].length
  if (length < minPasswordLength) {
    return { rule: 'too_short', message: `密码至少 ${minPasswordLength} 个字符（当前 ${length} 个）` }
  }
  const folded = password.trim().toLowerCase()
  if (folded === account.username.trim().toLowerCase()) {
    return { rule: 'is_username', message: '密码不能与用户名相同' }
  }
  if (account.companyCode && folded === account.companyCode.trim().toLowerCase()) {
    return { rule: 'is_company_code', message: '密码不能与企业代码相同' }
  }
  if (commonPasswords.has(folded)) {
    return { rule: 'common', message: '密码过于常见，容易被猜中，请换一个' }
  }
  return undefined
}
