import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { zhCNWithFiniteNumbers } from './create-app.ts'

describe('zhCNWithFiniteNumbers', () => {
  it('says a number past double range is out of range, not "期望 数字，实际接收 数字" (issue 12)', () => {
    z.config(zhCNWithFiniteNumbers())
    const body = JSON.parse('{"parentId":1e400}')
    const result = z.object({ parentId: z.number().int().nullable() }).safeParse(body)
    expect(result.error?.issues[0]?.message).toBe('数字超出范围（必须是有限的数字）')
    const text = z.object({ parentId: z.number() }).safeParse({ parentId: 'x' })
    expect(text.error?.issues[0]?.message).toBe('无效输入：期望 数字，实际接收 string')
  })
})
