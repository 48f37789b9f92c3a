import type { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import type { DirectoryKind } from '../../core/directory/directory-snapshot.ts'
import { DomainError } from '../../core/errors.ts'
import { createShopDirectory } from '../../test-support/directory-providers/contact-fixture.ts'
import {
  type ContactState,
  createContactState,
  expireTokens,
} from '../../test-support/directory-providers/contact-state.ts'
import { createDingtalkContactsApp } from '../../test-support/directory-providers/dingtalk-contacts.ts'
import type { FakeDirectory, RunningFake } from '../../test-support/directory-providers/fake-directory.ts'
import { startFakeServer } from '../../test-support/directory-providers/fake-directory.ts'
import { createFeishuContactsApp } from '../../test-support/directory-providers/feishu-contacts.ts'
import { createWecomContactsApp } from '../../test-support/directory-providers/wecom-contacts.ts'
import type { ProviderHttp } from './call-provider.ts'
import { createDirectoryClient } from './directory-client.ts'

const apps: Record<DirectoryKind, (d: FakeDirectory, s: ContactState) => Hono> = {
  dingtalk: createDingtalkContactsApp,
  feishu: createFeishuContactsApp,
  wecom: createWecomContactsApp,
}

// Retries wait in production; here they are counted instead.
const waits: number[] = []
const http: ProviderHttp = {
  fetch: (input, init) => fetch(input, init),
  sleep: async (ms) => {
    waits.push(ms)
  },
  now: () => new Date('2026-12-06T02:00:00Z'),
}

let running: RunningFake | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
  waits.length = 0
})

async function start(kind: DirectoryKind, pageSize = 2) {
  const directory = createShopDirectory()
  const state = createContactState(pageSize)
  running = await startFakeServer(apps[kind](directory, state))
  const client = (secret = directory.clientSecret) =>
    createDirectoryClient(
      kind,
      { clientId: directory.clientId, clientSecret: secret, corpId: directory.corpId },
      http,
      running!.url,
    )
  return { directory, state, client }
}

describe.each(['dingtalk', 'feishu', 'wecom'] as const)(
  '%s directory client against its documented payloads',
  (kind) => {
    it('reads nested departments below the root and every member once, mapped to Jixiao fields', async () => {
      const { client } = await start(kind)
      const snapshot = await client().fetchDirectory()
      const id = (n: number) => (kind === 'feishu' ? `D${n}` : String(n))
      expect(snapshot.departments).toEqual(
        expect.arrayContaining([
          { id: id(10), name: '电商部', parentId: null },
          { id: id(20), name: '客服部', parentId: id(10) },
          { id: id(21), name: '售后组', parentId: id(20) },
          { id: id(30), name: '运营部', parentId: id(10) },
        ]),
      )
      expect(snapshot.departments).toHaveLength(4) // the root (the company itself) is no department
      const byUser = new Map(snapshot.people.map((p) => [p.userId, p]))
      // 张店长 sits in two departments: listed once, in the first.
      expect(snapshot.people.filter((p) => p.userId === 'zhang')).toHaveLength(1)
      expect(byUser.get('zhang')).toMatchObject({
        name: '张店长',
        departmentId: id(10),
        managerUserId: null,
        phone: '13800000001',
        email: 'zhang@shop.example',
        // WeCom's member list gives no hire date.
        hireDate: kind === 'wecom' ? null : '2023-04-01',
      })
      expect(byUser.get('bing')).toMatchObject({ departmentId: id(21), managerUserId: 'li' })
      // 工号: the provider's employee number where it has one (DingTalk job_number, Feishu employee_no), else the user id.
      expect(byUser.get('bing')?.employeeNo).toBe(kind === 'wecom' ? 'bing' : 'E003')
      expect(byUser.get('zhao')).toMatchObject({ employeeNo: 'zhao', departmentId: null })
      // Someone who left: DingTalk no longer lists them; Feishu (is_resigned) and WeCom (status 5) flag them.
      if (kind === 'dingtalk') expect(byUser.has('qian')).toBe(false)
      else expect(byUser.get('qian')?.resigned).toBe(true)
    })

    it('follows the pages (cursor / page_token) until the provider says there are no more', async () => {
      const { client, directory } = await start(kind, 1)
      const snapshot = await client().fetchDirectory()
      expect(snapshot.people.map((p) => p.userId).sort()).toEqual(
        (kind === 'dingtalk'
          ? ['bing', 'jiao', 'li', 'wang', 'zhang', 'zhao']
          : ['bing', 'jiao', 'li', 'qian', 'wang', 'zhang', 'zhao']
        ).sort(),
      )
      const memberCalls = directory.requests.filter((r) => /user\/list|find_by_department/.test(r)).length
      // Five departments with the root; two hold two people, so one-per-page needs more calls than departments.
      // WeCom's member list has no paging: one call per department.
      if (kind === 'wecom') expect(memberCalls).toBe(5)
      else expect(memberCalls).toBeGreaterThan(5)
    })

    it('fetches a new token when the provider says the old one expired, and uses it', async () => {
      const { client, state } = await start(kind)
      const c = client()
      await c.fetchDirectory()
      expect(state.tokensIssued).toBe(1) // one token for the whole run
      expireTokens(state)
      await c.fetchDirectory()
      expect(state.tokensIssued).toBe(2)
    })

    it('waits and retries when rate-limited, then gives up naming the provider', async () => {
      const { client, state } = await start(kind)
      state.rateLimitNext = 2
      await expect(client().fetchDirectory()).resolves.toMatchObject({ departments: expect.any(Array) })
      expect(waits).toEqual([1000, 2000])
      state.rateLimitNext = 100
      const error = await client()
        .fetchDirectory()
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).code).toBe('provider_failed')
      expect((error as DomainError).message).toMatch(/仍被限流/)
    })

    it('refuses wrong credentials with a message naming the provider and its error code', async () => {
      const { client } = await start(kind)
      const error = (await client('wrong-secret')
        .fetchDirectory()
        .catch((e: unknown) => e)) as DomainError
      expect(error.code).toBe('provider_failed')
      const expected = {
        dingtalk: /^钉钉接口 \/gettoken 返回错误码 40089：/,
        feishu: /^飞书接口 .* 返回错误码 10014：app secret invalid/,
        wecom: /^企业微信接口 \/cgi-bin\/gettoken 返回错误码 40001：/,
      }[kind]
      expect(error.message).toMatch(expected)
    })
  },
)

it('names a provider that cannot be reached', async () => {
  const client = createDirectoryClient(
    'wecom',
    { clientId: 'x', clientSecret: 'y', corpId: 'z' },
    http,
    'http://127.0.0.1:9',
  )
  await expect(client.fetchDirectory()).rejects.toThrow(/无法连接企业微信/)
})
