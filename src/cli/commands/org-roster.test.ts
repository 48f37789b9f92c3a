import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { countOrganisation, listRosterPeople } from '../../db/roster-repository.ts'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { CliError } from '../open-cli-database.ts'
import { registerOrgRosterCommands } from './org-roster.ts'

// `jixiao org import|export`: a dry run writes nothing, an import is all or nothing with exit code 2 on a bad
// row, and the export imports back with no change.
describe('jixiao org import / export', () => {
  let handle: TestDatabase
  let org: TestOrganisation
  let dir: string
  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    org = await seedTestOrganisation(handle.db)
    dir = await mkdtemp(join(tmpdir(), 'jixiao-org-cli-'))
  })
  afterAll(() => handle.close())

  async function run(...args: string[]): Promise<string> {
    const out: string[] = []
    const program = new Command().exitOverride()
    registerOrgRosterCommands(
      program,
      async () => ({
        db: handle.db,
        companyId: org.companyId,
        actor: { userId: org.users.admin, companyId: org.companyId, role: 'admin', employeeId: null },
        close: async () => {},
      }),
      (text) => out.push(text),
    )
    await program.parseAsync(['node', 'jixiao', 'org', ...args])
    return out.join('\n')
  }
  const roster = async (name: string, ...lines: string[]) => {
    const file = join(dir, name)
    await writeFile(file, `工号,姓名,部门,岗位,直接上级工号,入职日期\n${lines.join('\n')}\n`)
    return file
  }

  it('dry-runs, then imports, a roster with a new department', async () => {
    const file = await roster('new.csv', 'C001,新同事,仓储部,,E001,2025-05-06')
    const before = await countOrganisation(handle.db, org.companyId)
    const dry = await run('import', file, '--dry-run', '--create-missing')
    expect(dry).toContain('1 新增 created')
    expect(dry).toMatch(/C001\s+新同事\s+新增/)
    expect(await countOrganisation(handle.db, org.companyId)).toEqual(before)
    const json = JSON.parse(await run('import', file, '--create-missing', '--json'))
    expect(json.counts).toMatchObject({ create: 1, departmentsToCreate: 1 })
    const people = await listRosterPeople(handle.db, org.companyId)
    expect(people.find((p) => p.employeeNo === 'C001')).toMatchObject({
      department: '仓储部',
      managerNo: 'E001',
    })
  })

  it('refuses a bad row with exit code 2, naming row and column, and imports nothing', async () => {
    const file = await roster('bad.csv', 'C002,甲,客服部,,E001,2025-05-06', 'C003,乙,客服部,,C003,2025-05-06')
    const before = await countOrganisation(handle.db, org.companyId)
    const error = await run('import', file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).exitCode).toBe(2)
    expect(await countOrganisation(handle.db, org.companyId)).toEqual(before)
  })

  it('exports a roster that imports back with no change', async () => {
    const out = join(dir, 'roster.xlsx')
    expect(await run('export', '--out', out)).toContain(out)
    const dry = await run('import', out, '--dry-run')
    expect(dry).toContain('0 新增 created, 0 变更 changed')
  })
})
