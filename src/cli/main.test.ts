import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDataDir, runJixiao } from './testing/run-jixiao.ts'

// The CLI as a user runs it: a real process on a real PGlite data folder.
describe('the jixiao command', { timeout: 240_000 }, () => {
  let dataDir: string
  const jixiao = (args: string[], env: Record<string, string> = {}) => runJixiao(dataDir, args, env)

  beforeAll(async () => {
    dataDir = await createDataDir('cli')
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('prints help for every command', async () => {
    const help = await jixiao(['--help'])
    expect(help.code).toBe(0)
    for (const command of ['serve', 'migrate', 'demo', 'templates', 'score'])
      expect(help.stdout).toContain(command)
    expect((await jixiao(['demo', '--help'])).stdout).toContain('--reset')
  })

  it('loads the demo once, refuses to load it over existing data, and recreates it with --reset', async () => {
    const first = await jixiao(['demo', '--json'])
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout).accounts.map((a: { username: string }) => a.username)).toContain('admin')
    const again = await jixiao(['demo'])
    expect(again.code).toBe(4)
    expect(again.stderr).toMatch(/only into an empty database/)
    const reset = await jixiao(['demo', '--reset', '--json'])
    expect(JSON.parse(reset.stdout).removed).toBe(1)
    const migrations = JSON.parse((await jixiao(['migrate', '--json'])).stdout)
    expect(migrations.migrations[0].name).toBe('0001-organisation')
  })

  it('lists templates and scores a values file with a breakdown', async () => {
    const list = JSON.parse((await jixiao(['templates', 'list', '--json'])).stdout) as { code: string }[]
    expect(list.map((t) => t.code)).toContain('seed-000-customer-service')
    const shown = await jixiao(['templates', 'show', 'seed-002-t11-network-admin'])
    expect(shown.stdout).toContain('deduct_per_occurrence')
    const values = join(dataDir, 'values.csv')
    await writeFile(
      values,
      [
        'employee,indicator,rater,actual,score,comment',
        ...['supervisor', 'self'].flatMap((rater) => [
          `JX004,problem_resolution_rate,${rater},0.95,,`,
          `JX004,service_quality,${rater},,${rater === 'self' ? 25 : 20},ok`,
          `JX004,customer_reviews,${rater},0.98,,`,
          `JX004,complaint_handling_rate,${rater},1,,`,
        ]),
      ].join('\n'),
    )
    const scored = await jixiao([
      'score',
      '--template',
      'seed-000-customer-service',
      '--values',
      values,
      '--json',
    ])
    expect(scored.code).toBe(0)
    const result = JSON.parse(scored.stdout).results[0]
    expect(result.employee.name).toBe('小冰')
    // Supervisor 95, self 100: 0.75 × 95 + 0.25 × 100 = 96.25 (seed 000's 75/25).
    expect(result.score.total).toBe(96.25)
    const table = await jixiao(['score', '--template', 'seed-000-customer-service', '--values', values])
    expect(table.stdout).toContain('service_quality')
    await writeFile(values, 'employee,indicator,actual\nJX999,service_quality,1\n')
    const refused = await jixiao(['score', '--template', 'seed-000-customer-service', '--values', values])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/row 2, column employee: unknown employee "JX999"/)
  })

  // Issue 12: an unknown command (then `jixiao simulate`, which exists since) printed the help and exited 0,
  // so a script could not tell a typo from success.
  it('exits 2 naming the command, option or argument it did not understand, and shows the help', async () => {
    const command = await jixiao(['simulat'])
    expect(command.code).toBe(2)
    expect(command.stderr).toMatch(/unknown command 'simulat'/)
    const required = await jixiao(['simulate'])
    expect(required.code).toBe(2)
    expect(required.stderr).toMatch(/required option '--cycle <id>'/)
    expect(command.stderr).toContain('Usage: jixiao')
    const option = await jixiao(['audit', 'verify', '--bogus'])
    expect(option.code).toBe(2)
    expect(option.stderr).toMatch(/unknown option '--bogus'/)
    expect(option.stderr).toContain('Usage: jixiao audit verify')
    const extra = await jixiao(['migrate', 'now'])
    expect(extra.code).toBe(2)
    expect(extra.stderr).toMatch(/too many arguments for 'migrate'/)
    const missing = await jixiao(['export', 'pay', '--cycle'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/option '--cycle <id>' argument missing/)
    const nothing = await jixiao([])
    expect(nothing.code).toBe(2)
    expect(nothing.stderr).toContain('Usage: jixiao')
    // Asking for help is not an error.
    expect((await jixiao(['help'])).code).toBe(0)
    expect((await jixiao(['audit', '--help'])).code).toBe(0)
  })

  it('exits 3 when what a command names does not exist', async () => {
    const result = await jixiao(['audit', 'verify', '--company', '没有这家公司'])
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/no company "没有这家公司"/)
  })

  it('stops with one clear line when the database cannot be opened', async () => {
    const result = await jixiao(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^jixiao: cannot open the database/)
  })
})
