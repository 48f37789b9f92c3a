import { describe, expect, it } from 'vitest'
import { checkPasswordRules } from './check-password-rules.ts'

describe('checkPasswordRules', () => {
  const account = { username: 'Zhang.Wei2026', companyCode: 'acme-shop-01' }

  it.each([
    ['jixiao123', 'too_short'], // the demo password: nine characters
    ['短密码也不行', 'too_short'], // counted in characters, not bytes
    ['zhang.wei2026', 'is_username'], // the username, whatever the case
    ['ACME-SHOP-01', 'is_company_code'],
    ['1234567890', 'common'],
    ['Password123', 'common'], // common lists are compared folded to lower case
    ['woaini1314', 'common'],
  ])('refuses %s (%s)', (password, rule) => {
    expect(checkPasswordRules(password, account)?.rule).toBe(rule)
  })

  it('accepts a long, uncommon password and names nothing', () => {
    expect(checkPasswordRules('绩效考核-春天的樱桃-42', account)).toBeUndefined()
    expect(checkPasswordRules('correct horse battery', { username: 'hr' })).toBeUndefined()
  })

  it('names the rule in the message', () => {
    expect(checkPasswordRules('short', account)?.message).toBe('密码至少 10 个字符（当前 5 个）')
  })
})
