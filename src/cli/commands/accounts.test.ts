import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../api/create-app.ts'
import { createApiClient } from '../../api/testing/api-client.ts'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { DomainError } from '../../core/errors.ts'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { registerAccountCommands } from './accounts.ts'

describe('jixiao accounts', () => {
  let handle: TestDatabase
  let org: TestOrganisation
  let closed = 0
  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    org = await seedTestOrganisation(handle.db)
  })
  afterAll(() => handle.close())

  async function run(...args: string[]): Promise<string> {
    const out: string[] = []
    const program = new Command().exitOverride()
    registerAccountCommands(
      program,
      async () => ({
        db: handle.db,
        companyId: org.companyId,
        actor: { userId: org.users.admin, companyId: org.companyId, role: 'admin', employeeId: null },
        close: async () => void closed++,
      }),
      (text) => out.push(text),
    )
    await program.parseAsync(['node', 'jixiao', 'accounts', ...args])
    return out.join('\n')
  }
  const login = (username: string, password: string) => {
    const app = createApp({ db: handle.db, engine: 'pglite' })
    return createApiClient((p, i) => app.request(p, i)).login(username, password)
  }

  it('lists the people without a login', async () => {
    const text = await run('list', '--without-login')
    expect(text).toMatch(/E004\s+小焦\s+客服部\s+无账号 none/)
    expect(text).not.toContain('xiaobing')
    expect(text).toContain('3 people')
    const json = JSON.parse(await run('list', '--json'))
    expect(json.find((a: { username: string }) => a.username === 'xiaobing')).toMatchObject({
      employeeNo: 'E003',
      state: 'active',
    })
    expect(closed).toBeGreaterThan(0)
  })

  it('creates logins, prints each initial password once, and the person signs in with it', async () => {
    const text = await run('create', '--employee', 'E004', '--employee', 'E003')
    const line = text.split('\n').find((l) => l.startsWith('E004'))!
    expect(line).toMatch(/E004\s+小焦\s+e004\s+employee\s+created\s+[a-zA-Z3-9]{12}$/)
    expect(text).toMatch(/E003\s+小冰\s+xiaobing\s+already_has_login/)
    const password = line.trim().split(/\s+/).at(-1)!
    expect((await login('e004', password)).status).toBe(200)
    const audit = await listAudit(handle.db, org.companyId, { entity: 'user' })
    expect(JSON.stringify(audit)).not.toContain(password)
  })

  it('creates activation links for everyone without a login, with the role given', async () => {
    const text = await run('create', '--all-without-login', '--delivery', 'link', '--role', 'employee')
    expect(text).toMatch(/E005\s+王运营\s+e005\s+employee\s+created\s+\/activate\?token=/)
    expect(text).toMatch(/E006\s+赵美工\s+e006/)
    expect(await run('create', '--all-without-login')).toContain('nothing to do')
  })

  it('resets, disables and enables a login by username', async () => {
    const reset = await run('reset', 'XiaoBing')
    const password = reset.split('\n')[0]!.split(': ')[1]!
    expect((await login('xiaobing', password)).status).toBe(200)
    expect(await run('disable', 'xiaobing', '--reason', '长假')).toMatch(
      /xiaobing disabled; 1 session\(s\) ended/,
    )
    expect((await login('xiaobing', password)).status).toBe(403)
    expect(await run('enable', 'xiaobing')).toContain('xiaobing enabled (must_change_password)')
    expect(await run('role', 'xiaobing', 'supervisor')).toContain('xiaobing is now supervisor')
  })

  it('refuses an unknown employee number naming it, and a bad --delivery', async () => {
    const e = await run('create', '--employee', 'NOPE').catch((err: unknown) => err)
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).message).toContain('NOPE')
    await expect(run('create', '--employee', 'E004', '--delivery', 'fax')).rejects.toThrow(/--delivery/)
    await expect(run('reset', 'nobody')).rejects.toThrow(/no login "nobody"/)
  })
})
