import type { DirectoryPerson, DirectorySnapshot } from '../../core/directory/directory-snapshot.ts'
import {
  callProvider,
  createTokenCache,
  type ProviderHttp,
  type ProviderRules,
  stringOr,
} from './call-provider.ts'

// WeCom (企业微信) contacts through its documented server API (https://developer.work.weixin.qq.com/document):
//   GET /cgi-bin/gettoken?corpid&corpsecret                  → access_token, expires_in
//   GET /cgi-bin/department/list?access_token                → department[]: id, name, parentid
//   GET /cgi-bin/user/list?access_token&department_id        → userlist[] (no paging: one department per call)
// Department 1 is the root. WeCom's member list has no employee-number field, so 工号 = userid.

export const wecomBaseUrl = 'https://qyapi.weixin.qq.com'

const rules: ProviderRules = {
  label: '企业微信',
  codeOf: (body) => Number(body.errcode ?? 0),
  messageOf: (body) => String(body.errmsg ?? ''),
  // 40014 不合法的 access_token, 42001 access_token 已过期
  tokenExpiredCodes: [40014, 42001],
  // -1 系统繁忙, 45009 接口调用超过限制, 45033 接口并发调用超过限制
  retryCodes: [-1, 45009, 45033],
}

const rootDeptId = 1
/** status 5: 退出企业 */
const statusLeft = 5

type WecomUser = {
  userid: string
  name?: string
  department?: number[]
  main_department?: number
  mobile?: string
  email?: string
  biz_mail?: string
  direct_leader?: string[]
  status?: number
}

export type WecomCredentials = { corpId: string; corpSecret: string }

export function createWecomDirectory(
  credentials: WecomCredentials,
  http: ProviderHttp,
  baseUrl: string = wecomBaseUrl,
) {
  const tokens = createTokenCache(http, async () => {
    const url = new URL('/cgi-bin/gettoken', baseUrl)
    url.searchParams.set('corpid', credentials.corpId)
    url.searchParams.set('corpsecret', credentials.corpSecret)
    const body = await callProvider(http, rules, { method: 'GET', url: url.toString() })
    return { token: String(body.access_token), expiresInSeconds: Number(body.expires_in ?? 7200) }
  })
  const get = (path: string, query: Record<string, string>) =>
    tokens.withToken((token) => {
      const url = new URL(path, baseUrl)
      url.searchParams.set('access_token', token)
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
      return callProvider(http, rules, { method: 'GET', url: url.toString() })
    })

  function person(u: WecomUser): DirectoryPerson {
    const dept = u.main_department ?? u.department?.[0]
    return {
      userId: u.userid,
      employeeNo: u.userid,
      name: stringOr(u.name) ?? '',
      departmentId: dept === undefined || dept === rootDeptId ? null : String(dept),
      managerUserId: stringOr(u.direct_leader?.[0]),
      phone: stringOr(u.mobile),
      email: stringOr(u.email) ?? stringOr(u.biz_mail),
      hireDate: null,
      resigned: u.status === statusLeft,
    }
  }

  return {
    async fetchDirectory(): Promise<DirectorySnapshot> {
      const body = await get('/cgi-bin/department/list', {})
      const raw = (body.department ?? []) as { id: number; name: string; parentid: number }[]
      const departments = raw
        .filter((d) => d.id !== rootDeptId)
        .map((d) => ({
          id: String(d.id),
          name: d.name,
          parentId: d.parentid === rootDeptId ? null : String(d.parentid),
        }))
      const people = new Map<string, DirectoryPerson>()
      for (const id of [rootDeptId, ...departments.map((d) => Number(d.id))]) {
        const list = await get('/cgi-bin/user/list', { department_id: String(id) })
        for (const u of (list.userlist ?? []) as WecomUser[])
          if (!people.has(u.userid)) people.set(u.userid, person(u))
      }
      return { departments, people: [...people.values()] }
    },
  }
}
