import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// The roster drawer against the real API on the demo company: a file with a bad row shows the row and column
// and cannot be confirmed; a good file previews as 新增 and is imported on 确认导入.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-09-01T02:00:00Z') })
})
afterAll(async () => {
  await api.close()
})

const csvFile = (name: string, ...lines: string[]) =>
  new File([`工号,姓名,部门,岗位,直接上级工号,入职日期\n${lines.join('\n')}\n`], name, { type: 'text/csv' })

/**
 * happy-dom's FormData is not one Node's Request can send, so the test's fetch writes the multipart body itself,
 * as a browser would.
 */
async function multipart(form: FormData): Promise<{ body: Uint8Array; type: string }> {
  const boundary = 'jixiao-test-boundary'
  const parts: Uint8Array[] = []
  const text = (s: string) => parts.push(new TextEncoder().encode(s))
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      text(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    } else {
      text(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      )
      parts.push(new Uint8Array(await value.arrayBuffer()))
      text('\r\n')
    }
  }
  text(`--${boundary}--\r\n`)
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    body.set(p, at)
    at += p.length
  }
  return { body, type: `multipart/form-data; boundary=${boundary}` }
}

function browserLike(real: RealApi): RealApi {
  const fetchLike = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!(init?.body instanceof FormData)) return real.fetch(input, init)
    const { body, type } = await multipart(init.body)
    const headers = new Headers(init.headers)
    headers.set('content-type', type)
    return real.fetch(input, { ...init, headers, body: body as unknown as BodyInit })
  }) as typeof fetch
  return { ...real, fetch: fetchLike }
}

function choose(drawer: HTMLElement, file: File) {
  const input = drawer.querySelector<HTMLInputElement>('input[type="file"]')!
  fireEvent.change(input, { target: { files: [file] } })
}

// the first test also loads antd and every page module on a busy machine
describe('roster import drawer', { timeout: 180_000 }, () => {
  it('names a bad row and column, then imports a good file on 确认导入', async () => {
    await api.signIn('admin')
    await renderApp('/organisation', browserLike(api))
    fireEvent.click(await page.findByRole('button', { name: /花名册 导入\/导出/ }, { timeout: 60_000 }))
    const drawer = await page.findByRole('dialog')
    choose(drawer, csvFile('bad.csv', 'R001,新同事,不存在的部门,,,2026-09-01'))
    await within(drawer).findByText(/部门「不存在的部门」不存在/, {}, { timeout: 30_000 })
    expect(within(drawer).getByText('部门 (C)')).toBeTruthy()
    expect(within(drawer).getByRole('button', { name: /确认导入/ })).toHaveProperty('disabled', true)

    choose(drawer, csvFile('good.csv', 'R002,花名册新人,,,,2026-09-01'))
    await within(drawer).findByText('花名册新人', {}, { timeout: 30_000 })
    const confirm = within(drawer).getByRole('button', { name: /确认导入/ })
    await waitFor(() => expect(confirm).toHaveProperty('disabled', false))
    fireEvent.click(confirm)
    await waitFor(async () => {
      const res = await (await api.as('admin')).get<{ items: { name: string }[] }>('/api/employees?q=R002')
      expect(res.body.items.map((e) => e.name)).toEqual(['花名册新人'])
    })
  })
})
