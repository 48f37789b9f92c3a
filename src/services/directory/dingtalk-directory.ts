import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import type {
  DirectoryDepartment,
  DirectoryPerson,
  DirectorySnapshot,
} from '../../core/directory/directory-snapshot.ts'
import {
  callProvider,
  createTokenCache,
  type ProviderHttp,
  type ProviderRules,
  stringOr,
} from './call-provider.ts'

// DingTalk (钉钉) contacts through its documented server API (https://open.dingtalk.com/document/orgapp):
//   GET  /gettoken?appkey&appsecret                       → access_token, expires_in
//   POST /topapi/v2/department/listsub  {dept_id}         → result[]: dept_id, name, parent_id (one level)
//   POST /topapi/v2/user/list {dept_id, cursor, size}     → result: has_more, next_cursor, list[]
// The root department (id 1) is the company itself. 工号 = job_number, else userid.

export const dingtalkBaseUrl = 'https://oapi.dingtalk.com'

const rules: ProviderRules = {
  label: '钉钉',
  codeOf: (body) => Number(body.errcode ?? 0),
  messageOf: (body) => [body.errmsg, body.sub_msg].filter(Boolean).join('；'),
  // 40014 不合法的 access_token, 42001 access_token 超时
  tokenExpiredCodes: [40014, 42001],
  // -1 系统繁忙, 90018 / 90006 调用太频繁
  retryCodes: [-1, 90006, 90018],
}

const rootDeptId = 1
const pageSize = 100

type DingtalkUser = {
  userid: string
  name?: string
  mobile?: string
  email?: string
  org_email?: string
  job_number?: string
  dept_id_list?: number[]
  manager_userid?: string
  hired_date?: number
}

export type DingtalkCredentials = { appKey: string; appSecret: string }

export function createDingtalkDirectory(
  credentials: DingtalkCredentials,
  http: ProviderHttp,
  baseUrl: string = dingtalkBaseUrl,
) {
  const tokens = createTokenCache(http, async () => {
    const url = new URL('/gettoken', baseUrl)
    url.searchParams.set('appkey', credentials.appKey)
    url.searchParams.set('appsecret', credentials.appSecret)
    const body = await callProvider(http, rules, { method: 'GET', url: url.toString() })
    return { token: String(body.access_token), expiresInSeconds: Number(body.expires_in ?? 7200) }
  })
  const post = (path: string, payload: unknown) =>
    tokens.withToken((token) => {
      const url = new URL(path, baseUrl)
      url.searchParams.set('access_token', token)
      return callProvider(http, rules, { method: 'POST', url: url.toString(), body: payload })
    })

  async function departments(): Promise<DirectoryDepartment[]> {
    const found: DirectoryDepartment[] = []
    const queue = [rootDeptId]
    while (queue.length > 0) {
      const parent = queue.shift()!
      const body = await post('/topapi/v2/department/listsub', { dept_id: parent, language: 'zh_CN' })
      for (const d of (body.result ?? []) as { dept_id: number; name: string; parent_id: number }[]) {
        found.push({
          id: String(d.dept_id),
          name: d.name,
          parentId: d.parent_id === rootDeptId ? null : String(d.parent_id),
        })
        queue.push(d.dept_id)
      }
    }
    return found
  }

  async function usersOf(deptId: number): Promise<DingtalkUser[]> {
    const users: DingtalkUser[] = []
    let cursor = 0
    for (;;) {
      const body = await post('/topapi/v2/user/list', { dept_id: deptId, cursor, size: pageSize })
      const result = (body.result ?? {}) as {
        has_more?: boolean
        next_cursor?: number
        list?: DingtalkUser[]
      }
      users.push(...(result.list ?? []))
      if (!result.has_more || result.next_cursor === undefined) return users
      cursor = result.next_cursor
    }
  }

  function person(u: DingtalkUser): DirectoryPerson {
    const dept = u.dept_id_list?.[0]
    return {
      userId: u.userid,
      employeeNo: stringOr(u.job_number) ?? u.userid,
      name: stringOr(u.name) ?? '',
      departmentId: dept === undefined || dept === rootDeptId ? null : String(dept),
      managerUserId: stringOr(u.manager_userid),
      phone: stringOr(u.mobile),
      email: stringOr(u.email) ?? stringOr(u.org_email),
      // hired_date is milliseconds since the epoch; the date is the one in China.
      hireDate: typeof u.hired_date === 'number' ? dateInZone(new Date(u.hired_date), 'Asia/Shanghai') : null,
      resigned: false,
    }
  }

  return {
    /** Every department below the root and every member, each once (a member of two departments is in the first). */
    async fetchDirectory(): Promise<DirectorySnapshot> {
      const depts = await departments()
      const people = new Map<string, DirectoryPerson>()
      for (const id of [rootDeptId, ...depts.map((d) => Number(d.id))]) {
        for (const u of await usersOf(id)) if (!people.has(u.userid)) people.set(u.userid, person(u))
      }
      return { departments: depts, people: [...people.values()] }
    },
  }
}
