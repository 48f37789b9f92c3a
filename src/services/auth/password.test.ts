import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './password.ts'

describe('password hashing', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('jixiao123')
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(await verifyPassword('jixiao123', stored)).toBe(true)
    expect(await verifyPassword('jixiao124', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('salts every hash, so equal passwords give different stored values', async () => {
    const [a, b] = await Promise.all([hashPassword('同一个密码'), hashPassword('同一个密码')])
    expect(a).not.toBe(b)
    expect(await verifyPassword('同一个密码', a)).toBe(true)
    expect(await verifyPassword('同一个密码', b)).toBe(true)
  })

  it('treats malformed stored values as a mismatch rather than throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$abc$def', 'bcrypt$1$2$3$4$5', 'scrypt$16384$8$1$$']) {
      expect(await verifyPassword('jixiao123', stored)).toBe(false)
    }
  })
})
