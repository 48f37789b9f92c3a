import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { DomainError } from '../../core/errors.ts'
import { saveIdentityProvider } from '../../db/identity-provider-repository.ts'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { documentedProviderEndpoints } from '../../services/identity/provider-endpoints.ts'
import { createShopDirectory } from '../../test-support/directory-providers/contact-fixture.ts'
import { createContactState } from '../../test-support/directory-providers/contact-state.ts'
import { type RunningFake, startFakeServer } from '../../test-support/directory-providers/fake-directory.ts'
import { createFeishuContactsApp } from '../../test-support/directory-providers/feishu-contacts.ts'
import { registerDirectoryCommands } from './directory.ts'

describe('jixiao directory sync', () => {
  let handle: TestDatabase
  let org: TestOrganisation
  let fake: RunningFake
  const directory = createShopDirectory()

  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    org = await seedTestOrganisation(handle.db)
    fake = await startFakeServer(createFeishuContactsApp(directory, createContactState(3)))
    await saveIdentityProvider(
      handle.db,
      org.companyId,
      'feishu',
      {
        displayName: '飞书',
        clientId: directory.clientId,
        clientSecret: directory.clientSecret,
        issuer: null,
        corpId: null,
        agentId: null,
        matchIdentityField: 'employee_no',
        matchEmployeeField: 'employee_no',
        enabled: true,
      },
      new Date(),
    )
  })
  afterAll(async () => {
    await fake.close()
    await handle.close()
  })

  async function run(...args: string[]): Promise<string> {
    const out: string[] = []
    const program = new Command().exitOverride()
    registerDirectoryCommands(
      program,
      async () => ({
        db: handle.db,
        companyId: org.companyId,
        actorUserId: org.users.admin,
        close: async () => {},
      }),
      () => ({ ...documentedProviderEndpoints, feishuApi: fake.url }),
      (text) => out.push(text),
    )
    await program.parseAsync(['node', 'jixiao', 'directory', 'sync', ...args])
    return out.join('\n')
  }

  it('refuses --apply before any preview', async () => {
    const e = await run('feishu', '--apply').catch((err: unknown) => err)
    expect(e).toBeInstanceOf(DomainError)
    expect((e as DomainError).code).toBe('invalid_state') // exit code 4
  })

  it('previews as tables: created, changed old → new, marked left', async () => {
    const text = await run('feishu')
    expect(text).toContain('飞书通讯录同步预览')
    expect(text).toMatch(/标记离职 marked left\s+1/)
    expect(text).toMatch(/zhao\s+赵美工/)
    expect(text).toMatch(/E003\s+小冰\s+department\s+客服部 → 售后组/)
    expect(text).toMatch(/E006\s+赵美工\s+\d{4}-\d{2}-\d{2}/)
  })

  it('applies with --apply and prints JSON with --json; a second run changes nothing', async () => {
    const applied = JSON.parse(await run('feishu', '--apply', '--json'))
    expect(applied).toMatchObject({ mode: 'apply', counts: { created: 1, markedLeft: 1 } })
    const again = JSON.parse(await run('feishu', '--apply', '--json'))
    expect(again.counts).toMatchObject({ created: 0, changed: 0, markedLeft: 0, unchanged: 6 })
  })

  it('names an unknown kind', async () => {
    const e = await run('slack').catch((err: unknown) => err)
    expect((e as DomainError).issues).toEqual([{ path: 'kind', message: expect.any(String) }])
  })
})
