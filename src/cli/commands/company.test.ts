import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDataDir, runJixiao } from '../testing/run-jixiao.ts'

// `jixiao company create` and `company list` as an operator runs them: a real process on a PGlite folder.
describe('jixiao company create and list', { timeout: 240_000 }, () => {
  let dataDir: string
  let passwordFile: string
  const jixiao = (args: string[]) => runJixiao(dataDir, args)

  beforeAll(async () => {
    dataDir = await createDataDir('company')
    passwordFile = join(dataDir, 'admin-password.txt')
    await writeFile(passwordFile, '春天的樱桃-绩效-2026\n')
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('refuses to ask for a password without a terminal, naming --password-file, and creates nothing', async () => {
    const run = await jixiao(['company', 'create', '--name', '甲店', '--admin', 'admin', '--code', 'jia'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--password-file')
    const list = await jixiao(['company', 'list', '--json'])
    expect(JSON.parse(list.stdout)).toEqual([])
  })

  it('creates two companies with the same admin username, the password read from a file', async () => {
    const first = await jixiao(
      ['company', 'create', '--name', '甲店', '--admin', 'admin', '--code', 'Jia'].concat([
        '--password-file',
        passwordFile,
        '--json',
      ]),
    )
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ code: 'jia', name: '甲店', adminUsername: 'admin' })
    const second = await jixiao([
      'company',
      'create',
      '--name',
      '乙店',
      '--admin',
      'admin',
      '--password-file',
      passwordFile,
    ])
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/company created: 乙店 \(code c[0-9a-z]{6}, id \d+\)/)
  })

  it('refuses a taken code with exit 4 and a weak password with exit 2, naming the field', async () => {
    const taken = await jixiao([
      'company',
      'create',
      '--name',
      '丙店',
      '--admin',
      'a',
      '--code',
      'JIA',
      '--password-file',
      passwordFile,
    ])
    expect(taken.code).toBe(4)
    expect(taken.stderr).toContain('companyCode')
    await writeFile(join(dataDir, 'weak.txt'), 'password123\n')
    const weak = await jixiao(
      ['company', 'create', '--name', '丙店', '--admin', 'a', '--code', 'bing'].concat([
        '--password-file',
        join(dataDir, 'weak.txt'),
      ]),
    )
    expect(weak.code).toBe(2)
    expect(weak.stderr).toContain('password')
  })

  it('lists the companies with people, logins and the creation date', async () => {
    const json = await jixiao(['company', 'list', '--json'])
    expect(json.code).toBe(0)
    const companies = JSON.parse(json.stdout) as { code: string; created: string }[]
    expect(companies).toHaveLength(2)
    expect(companies[0]).toMatchObject({ code: 'jia', name: '甲店', people: 0, logins: 1, isDemo: false })
    expect(companies[0]!.created).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const table = await jixiao(['company', 'list'])
    expect(table.stdout).toMatch(/^code\s+name\s+people\s+logins\s+created\n/)
    expect(table.stdout).toContain('jia')
  })
})
