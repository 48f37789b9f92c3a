import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateAccountsResult } from '../../../../contracts/accounts.ts'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 账号管理 against the real API on the demo company: HR filters the people without a login, gives one a login with
// an initial password and sees it once; that person then sees only 修改初始密码 until they change it.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-12-06T02:00:00Z') })
  await api.signIn('admin')
})
afterAll(async () => {
  await api.close()
})

describe('AccountsPage', () => {
  it('gives a person without a login an initial password, shown once in the result dialog', async () => {
    await renderApp('/settings/accounts', api)
    await page.findByRole('heading', { name: '账号管理' })
    fireEvent.click(page.getByRole('checkbox', { name: '无账号' }))
    await waitFor(() => expect(api.requests.some((r) => r.includes('withoutLogin=true'))).toBe(true))
    const firstNone = await page.findAllByText('无账号', { selector: '.ant-tag' })
    const row = firstNone[0]!.closest('tr')!
    fireEvent.click(within(row).getByRole('checkbox'))
    fireEvent.click(await page.findByRole('button', { name: /开通账号（1）/ }))
    const dialog = (await page.findByText('为 1 名员工开通账号')).closest<HTMLElement>('.ant-modal')!
    fireEvent.click(within(dialog).getByLabelText('初始密码（首次登录须修改）'))
    fireEvent.click(within(dialog).getByRole('button', { name: /开\s*通/ }))
    const result = (await page.findByText('开通结果')).closest<HTMLElement>('.ant-modal')!
    within(result).getByText('激活链接和初始密码只显示这一次，请现在复制或下载并交给本人。')
    const password = (await within(result).findByText(/^[a-zA-Z3-9]{12}$/)).textContent!
    within(result).getByRole('button', { name: '下载 CSV' })
    expect(password).toHaveLength(12)
  })

  it('shows only 修改初始密码 to a login that must change its initial password', async () => {
    const admin = await api.as('admin')
    const list = await admin.get<{ items: { employeeId: number; userId: number | null }[] }>(
      '/api/accounts?withoutLogin=true&pageSize=1',
    )
    const created = await admin.post<CreateAccountsResult>('/api/accounts', {
      employeeIds: [list.body.items[0]!.employeeId],
      delivery: 'initial_password',
    })
    const { username, secret } = created.body.results[0]!
    const password = secret?.kind === 'initial_password' ? secret.password : ''
    const login = await api.fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
    expect(login.status).toBe(200)
    await renderApp('/', api)
    await page.findByRole('heading', { name: '修改初始密码' })
    expect(page.queryByRole('navigation')).toBeNull()
  })
})
