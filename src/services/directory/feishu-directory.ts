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

// Feishu / Lark (飞书) contacts through its documented Open API (https://open.feishu.cn/document):
//   POST /open-apis/auth/v3/tenant_access_token/internal {app_id, app_secret} → tenant_access_token, expire
//   GET  /open-apis/contact/v3/departments/0/children?fetch_child=true&page_token  → data.items, has_more, page_token
//   GET  /open-apis/contact/v3/users/find_by_department?department_id&page_token  → data.items, has_more, page_token
// Ids are asked for as department_id and user_id. Department 0 is the root. 工号 = employee_no, else user_id.

export const feishuBaseUrl = 'https://open.feishu.cn'

const rules: ProviderRules = {
  label: '飞书',
  codeOf: (body) => Number(body.code ?? 0),
  messageOf: (body) => String(body.msg ?? ''),
  // 99991661 缺少访问凭证, 99991663 tenant_access_token 无效, 99991668 访问凭证已过期
  tokenExpiredCodes: [99991661, 99991663, 99991668],
  // 99991400 请求过于频繁
  retryCodes: [99991400],
}

const rootDeptId = '0'
const pageSize = 50

type FeishuUser = {
  user_id: string
  name?: string
  mobile?: string
  email?: string
  enterprise_email?: string
  employee_no?: string
  department_ids?: string[]
  leader_user_id?: string
  join_time?: number
  status?: { is_resigned?: boolean }
}

type Page<T> = { items?: T[]; has_more?: boolean; page_token?: string }

export type FeishuCredentials = { appId: string; appSecret: string }

export function createFeishuDirectory(
  credentials: FeishuCredentials,
  http: ProviderHttp,
  baseUrl: string = feishuBaseUrl,
) {
  const tokens = createTokenCache(http, async () => {
    const body = await callProvider(http, rules, {
      method: 'POST',
      url: new URL('/open-apis/auth/v3/tenant_access_token/internal', baseUrl).toString(),
      body: { app_id: credentials.appId, app_secret: credentials.appSecret },
    })
    return { token: String(body.tenant_access_token), expiresInSeconds: Number(body.expire ?? 7200) }
  })

  async function pages<T>(path: string, query: Record<string, string>): Promise<T[]> {
    const items: T[] = []
    let pageToken: string | undefined
    for (;;) {
      const url = new URL(path, baseUrl)
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
      url.searchParams.set('page_size', String(pageSize))
      if (pageToken) url.searchParams.set('page_token', pageToken)
      const body = await tokens.withToken((token) =>
        callProvider(http, rules, {
          method: 'GET',
          url: url.toString(),
          headers: { authorization: `Bearer ${token}` },
        }),
      )
      const data = (body.data ?? {}) as Page<T>
      items.push(...(data.items ?? []))
      if (!data.has_more || !data.page_token) return items
      pageToken = data.page_token
    }
  }

  function person(u: FeishuUser): DirectoryPerson {
    const dept = u.department_ids?.[0]
    return {
      userId: u.user_id,
      employeeNo: stringOr(u.employee_no) ?? u.user_id,
      name: stringOr(u.name) ?? '',
      departmentId: !dept || dept === rootDeptId ? null : dept,
      managerUserId: stringOr(u.leader_user_id),
      phone: stringOr(u.mobile),
      email: stringOr(u.email) ?? stringOr(u.enterprise_email),
      // join_time is seconds since the epoch; the date is the one in China.
      hireDate:
        typeof u.join_time === 'number' && u.join_time > 0
          ? dateInZone(new Date(u.join_time * 1000), 'Asia/Shanghai')
          : null,
      resigned: u.status?.is_resigned === true,
    }
  }

  return {
    async fetchDirectory(): Promise<DirectorySnapshot> {
      const rawDepts = await pages<{ department_id: string; name: string; parent_department_id?: string }>(
        `/open-apis/contact/v3/departments/${rootDeptId}/children`,
        { department_id_type: 'department_id', user_id_type: 'user_id', fetch_child: 'true' },
      )
      const departments: DirectoryDepartment[] = rawDepts.map((d) => ({
        id: d.department_id,
        name: d.name,
        parentId:
          !d.parent_department_id || d.parent_department_id === rootDeptId ? null : d.parent_department_id,
      }))
      const people = new Map<string, DirectoryPerson>()
      for (const id of [rootDeptId, ...departments.map((d) => d.id)]) {
        const users = await pages<FeishuUser>('/open-apis/contact/v3/users/find_by_department', {
          department_id: id,
          department_id_type: 'department_id',
          user_id_type: 'user_id',
        })
        for (const u of users) if (!people.has(u.user_id)) people.set(u.user_id, person(u))
      }
      return { departments, people: [...people.values()] }
    },
  }
}
