import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'

// Test support: the people and departments a fake DingTalk / Feishu / WeCom server answers about, and how to
// start one on a local port. The fakes answer with the payloads of the providers' public documentation; each
// handler names the documented endpoint it imitates.

export type FakePerson = {
  /** The id inside the company's directory: DingTalk/WeCom userid, Feishu user_id. */
  userid: string
  /** DingTalk unionId / Feishu union_id. */
  unionId: string
  /** DingTalk openId / Feishu open_id / WeCom openid (non-members). */
  openId: string
  name: string
  mobile?: string
  email?: string
  /** 工号: DingTalk job_number, Feishu employee_no. */
  jobNumber?: string
  /** Departments the person belongs to (ids of FakeDepartment). */
  departmentIds: number[]
  /** Job title (职位). */
  title?: string
  /** The id of the person's direct manager (userid), where the directory has one. */
  managerUserid?: string
}

export type FakeDepartment = { id: number; name: string; parentId: number | null }

export type FakeDirectory = {
  /** The app's credentials the fake accepts: DingTalk Client ID/Secret, Feishu App ID/Secret, WeCom corpid + Secret. */
  clientId: string
  clientSecret: string
  /** DingTalk corpId / WeCom corpid / Feishu tenant_key. */
  corpId: string
  /** WeCom AgentId. */
  agentId?: string
  people: FakePerson[]
  departments: FakeDepartment[]
  /** Who "scans the QR code" at the next authorization request (userid); undefined: the person refuses. */
  signInAs?: string
  /** Set by the fakes: every request they received, as "METHOD path", for assertions. */
  requests: string[]
}

/** A fresh directory with the given credentials and no one in it. */
export function createFakeDirectory(partial: Partial<FakeDirectory> = {}): FakeDirectory {
  return {
    clientId: 'test-client',
    clientSecret: 'test-secret',
    corpId: 'test-corp',
    people: [],
    departments: [{ id: 1, name: '总公司', parentId: null }],
    requests: [],
    ...partial,
  }
}

/** A one-time code or token value. */
export function fakeToken(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`
}

export type RunningFake = { url: string; close: () => Promise<void> }

/** Serves a fake on 127.0.0.1 at a free port. */
export async function startFakeServer(app: Hono): Promise<RunningFake> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      })
    })
  })
}
