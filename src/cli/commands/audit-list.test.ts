import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDataDir, runJixiao } from '../testing/run-jixiao.ts'

// `jixiao audit list` as a user runs it on the demo: the same sentences as the audit page, zh-CN unless --lang.
describe('jixiao audit list', { timeout: 240_000 }, () => {
  let dataDir: string
  const jixiao = (args: string[]) => runJixiao(dataDir, args)

  beforeAll(async () => {
    dataDir = await createDataDir('audit-list')
    expect((await jixiao(['demo', '--json'])).code).toBe(0)
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('prints each row as a sentence with its changed fields, never the action code', async () => {
    const zh = await jixiao(['audit', 'list', '--entity', 'bonus_pool'])
    expect(zh.code).toBe(0)
    expect(zh.stdout).toMatch(/黄敏 批准了 .+ 奖金池（¥30,000）/)
    expect(zh.stdout).toContain('状态: 草稿 → 已批准')
    expect(zh.stdout).not.toContain('bonus_pool.approve')
    const en = await jixiao(['audit', 'list', '--entity', 'bonus_pool', '--lang', 'en'])
    expect(en.stdout).toMatch(/黄敏 approved the bonus pool of .+ \(¥30,000\)/)
  })

  it('refuses a language it does not write, naming the option', async () => {
    const bad = await jixiao(['audit', 'list', '--lang', 'fr'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--lang')
  })
})
