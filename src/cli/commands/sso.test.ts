import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { DomainError } from '../../core/errors.ts'
import { listAudit } from '../../db/audit-log-repository.ts'
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts'
import { registerSsoCommands } from './sso.ts'

// `jixiao sso set|list` configure sign-in through the same service as the admin page: secrets from a file,
// never printed, every change audited, bad flags named.
describe('jixiao sso', () => {
  let handle: TestDatabase
  let org: TestOrganisation
  let secretFile: string
  beforeAll(async () => {
    handle = await createTestDatabase('pglite')
    org = await seedTestOrganisation(handle.db)
    secretFile = join(await mkdtemp(join(tmpdir(), 'jixiao-sso-')), 'secret.txt')
    await writeFile(secretFile, 'wecom-app-secret\n')
  })
  afterAll(() => handle.close())

  async function run(...args: string[]): Promise<string> {
    const out: string[] = []
    const program = new Command().exitOverride()
    registerSsoCommands(
      program,
      async () => ({
        db: handle.db,
        actor: { userId: org.users.admin, companyId: org.companyId, role: 'admin', employeeId: null },
        close: async () => {},
      }),
      (text) => out.push(text),
    )
    await program.parseAsync(['node', 'jixiao', 'sso', ...args])
    return out.join('\n')
  }

  it('sets up WeCom sign-in from a secret file and lists it without the secret', async () => {
    const text = await run(
      'set',
      'wecom',
      '--corp-id',
      'ww123',
      '--agent-id',
      '1000002',
      '--secret-file',
      secretFile,
      '--match',
      'userid=employee_no',
    )
    expect(text).toContain('企业微信 (wecom) saved, enabled; match userid → employee_no')
    expect(text).toContain('https://<host>/api/auth/sso/wecom/callback')
    const listed = await run('list')
    expect(listed).toMatch(/wecom\s+企业微信\s+ww123\s+saved\s+userid → employee_no\s+yes/)
    expect(listed).not.toContain('wecom-app-secret')
    const audit = (await listAudit(handle.db, org.companyId, { limit: 1000 })).find(
      (a) => a.action === 'identity_provider.create',
    )
    expect(audit?.after).toMatchObject({ kind: 'wecom', secretChanged: true })
    expect(JSON.stringify(audit)).not.toContain('wecom-app-secret')
  })

  it('disables a provider and keeps its secret when no secret file is given', async () => {
    await run(
      'set',
      'wecom',
      '--corp-id',
      'ww123',
      '--agent-id',
      '1000002',
      '--match',
      'mobile=phone',
      '--disable',
    )
    const [provider] = JSON.parse(await run('list', '--json')).items
    expect(provider).toMatchObject({ enabled: false, hasSecret: true, matchIdentityField: 'mobile' })
  })

  it('names a bad match rule, an unknown kind and a missing secret', async () => {
    const fail = (...args: string[]) => run(...args).catch((e: unknown) => e as DomainError)
    const badRule = await fail('set', 'dingtalk', '--client-id', 'x', '--match', 'mobile=mobile')
    expect(badRule).toBeInstanceOf(DomainError)
    expect((badRule as DomainError).issues.map((i) => i.path)).toEqual(['match'])
    expect(
      ((await fail('set', 'qq', '--match', 'a=email')) as DomainError).issues.map((i) => i.path),
    ).toEqual(['kind'])
    const noSecret = await fail('set', 'dingtalk', '--client-id', 'x', '--match', 'mobile=phone')
    expect((noSecret as DomainError).issues.map((i) => i.path)).toEqual(['clientSecret'])
  })
})
