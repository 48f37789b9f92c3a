import { createApiClient } from '../api/testing/api-client.ts'

// What a company's admin sees through a list of read routes: backup/restore and company export/import tests
// compare these answers before and after, byte for byte (status and body).

const fixedReads = [
  '/api/departments',
  '/api/positions',
  '/api/employees',
  '/api/templates',
  '/api/cycles',
  '/api/audit',
  '/api/audit/verify',
  '/api/pay/assignments',
  '/api/bonus-pools',
  '/api/rota/shifts',
  '/api/rota/service-hours',
  '/api/rota/attendance-rules',
  '/api/notifications',
  '/api/imports',
  '/api/consequences/settings',
  '/api/improvement-plans',
  '/api/appeals',
]

/** Signs in as `username` of company `companyCode` and answers `path → "status body"` for every read. */
export async function readApiAnswers(
  app: { request(path: string, init?: RequestInit): Response | Promise<Response> },
  login: { username: string; password: string; companyCode: string },
): Promise<Record<string, string>> {
  const client = createApiClient((path, init) => app.request(path, init))
  const signedIn = await client.login(login.username, login.password, login.companyCode)
  if (signedIn.status !== 200)
    throw new Error(`${login.username} could not sign in: ${JSON.stringify(signedIn.body)}`)
  const answers: Record<string, string> = {}
  const read = async (path: string) => {
    const result = await client.get(path)
    answers[path] =
      `${result.status} ${typeof result.body === 'string' ? result.body : JSON.stringify(result.body)}`
    return result
  }
  for (const path of fixedReads) await read(path)
  const cycles = (await client.get<{ items?: { id: number }[] }>('/api/cycles')).body.items ?? []
  for (const { id } of cycles) {
    for (const part of ['', '/sheets', '/board', '/pay-sheet', '/pay-items', '/results'])
      await read(`/api/cycles/${id}${part}`)
  }
  return answers
}

/** The reads whose answers differ, each with the first 200 characters from where they part, for a short failure. */
export function differingAnswers(after: Record<string, string>, before: Record<string, string>): string[] {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return paths
    .filter((p) => after[p] !== before[p])
    .map((p) => {
      const a = after[p] ?? '(missing)'
      const b = before[p] ?? '(missing)'
      let at = 0
      while (at < a.length && a[at] === b[at]) at++
      return `${p}: before …${b.slice(Math.max(0, at - 40), at + 160)} | after …${a.slice(Math.max(0, at - 40), at + 160)}`
    })
}
