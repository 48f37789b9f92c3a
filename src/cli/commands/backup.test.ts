import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDataDir, runJixiao } from '../testing/run-jixiao.ts'

// `jixiao backup`, `restore` and `company export|import|delete` as an operator runs them: real processes on
// PGlite folders, judged by exit codes (README, "Command line") and by the one line each prints.
describe('jixiao backup, restore and company data', { timeout: 600_000 }, () => {
  let folder: string
  let dataDir: string
  const jixiao = (args: string[], dir = dataDir) => runJixiao(dir, args)

  beforeAll(async () => {
    folder = await createDataDir('backup')
    dataDir = join(folder, 'data')
    const passwordFile = join(folder, 'password.txt')
    await writeFile(passwordFile, '春天的樱桃-绩效-2026\n')
    for (const [name, code] of [
      ['甲店', 'jia'],
      ['乙店', 'yi'],
    ] as const) {
      const created = await jixiao(
        ['company', 'create', '--name', name, '--code', code, '--admin', 'admin'].concat([
          '--password-file',
          passwordFile,
        ]),
      )
      expect(created.code).toBe(0)
    }
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('exports, deletes (only with --yes) and imports a company, with exit codes a script can rely on', async () => {
    const archive = join(folder, 'jia.jsonl.gz')
    expect((await jixiao(['company', 'export', '--company', 'nope', '--out', archive])).code).toBe(3)
    const exported = await jixiao(['company', 'export', '--company', 'jia', '--out', archive])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/company 甲店 \(code jia, id \d+\) exported to .*: \d+ rows/)

    const unconfirmed = await jixiao(['company', 'delete', '--company', 'jia'])
    expect(unconfirmed.code).toBe(2)
    expect(unconfirmed.stderr).toContain('--yes')
    const deleted = await jixiao([
      'company',
      'delete',
      '--company',
      'jia',
      '--yes',
      '--reason',
      '客户解约',
      '--json',
    ])
    expect(deleted.code).toBe(0)
    expect(JSON.parse(deleted.stdout)).toMatchObject({ code: 'jia', rows: { companies: 1, users: 1 } })
    const listed = JSON.parse((await jixiao(['company', 'list', '--json'])).stdout) as { code: string }[]
    expect(listed.map((c) => c.code)).toEqual(['yi'])
    const log = JSON.parse((await jixiao(['company', 'log', '--company', 'jia', '--json'])).stdout)
    expect(log.map((entry: { action: string }) => entry.action)).toEqual([
      'company_deleted',
      'company_exported',
    ])
    expect(log[0].details).toMatchObject({ reason: '客户解约' })

    expect((await jixiao(['company', 'import', join(folder, 'missing.gz')])).code).toBe(3)
    expect((await jixiao(['company', 'import', archive])).code).toBe(0)
    const again = await jixiao(['company', 'import', archive])
    expect(again.code).toBe(4)
    expect(again.stderr).toContain('a company with code "jia" is already in this database')
  })

  it('backs up and restores into an empty data folder only, and names the right command for a company archive', async () => {
    const backup = join(folder, 'jixiao.tar.gz')
    const written = await jixiao(['backup', '--out', backup])
    expect(written.code).toBe(0)
    expect(written.stdout).toContain(`written to ${backup}`)
    expect((await jixiao(['backup', '--out', backup])).code).toBe(4)

    const restoredDir = join(folder, 'restored')
    const restored = await jixiao(['restore', backup], restoredDir)
    expect(restored.code).toBe(0)
    const listed = JSON.parse((await jixiao(['company', 'list', '--json'], restoredDir)).stdout) as {
      code: string
    }[]
    expect(listed.map((c) => c.code).sort()).toEqual(['jia', 'yi'])

    const occupied = await jixiao(['restore', backup], restoredDir)
    expect(occupied.code).toBe(4)
    expect(occupied.stderr).toContain('already holds a database')
    const archive = await jixiao(['restore', join(folder, 'jia.jsonl.gz')], join(folder, 'other'))
    expect(archive.code).toBe(2)
    expect(archive.stderr).toContain('jixiao company import')
  })
})
