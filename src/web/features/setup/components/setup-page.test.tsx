// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoFixture } from '../../../test-support/demo-fixture.ts'
import { createFakeApi } from '../../../test-support/fake-api.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('SetupPage and the company code on the login page', () => {
  beforeEach(() => localStorage.clear())

  it('sends a visitor of an empty database from the app to the setup page', async () => {
    const { router } = await renderApp(
      '/organisation',
      createFakeApi({ ...demoFixture(), setupNeeded: true }),
    )
    await screen.findByRole('heading', { name: '设置你的公司' })
    expect(router.state.location.pathname).toBe('/setup')
  })

  it('refuses differing passwords before sending, then creates the company and lands the admin at home', async () => {
    const api = createFakeApi({ ...demoFixture(), setupNeeded: true })
    const { router } = await renderApp('/setup', api)
    await screen.findByLabelText('公司名称')
    type('公司名称', '杭州甲乙电子商务有限公司')
    type('企业代码', 'Jiayi')
    type('管理员账号', 'boss')
    type('密码', '春天的樱桃-绩效-2026')
    type('确认密码', '春天的樱桃-绩效-2027')
    fireEvent.click(screen.getByRole('button', { name: '创建公司并登录' }))
    await screen.findByText('两次输入的密码不一致')
    expect(api.requests.filter((r) => r.startsWith('POST'))).toEqual([])
    type('确认密码', '春天的樱桃-绩效-2026')
    fireEvent.click(screen.getByRole('button', { name: '创建公司并登录' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    expect(api.requests).toContain('POST /api/setup')
    // The code is lowercased as typed and remembered for the next sign-in.
    expect(localStorage.getItem('jixiao.companyCode')).toBe('jiayi')
  })

  it('takes the company code from /login?company=CODE read-only, with a link to change it', async () => {
    const api = createFakeApi(demoFixture())
    const { router } = await renderApp('/login?company=demo', api)
    const field = (await screen.findByLabelText('企业代码')) as HTMLInputElement
    expect(field.value).toBe('demo')
    expect(field.readOnly).toBe(true)
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'admin' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'jixiao123' } })
    fireEvent.click(screen.getByRole('button', { name: /登\s?录/ }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    expect(api.loginCompanyCodes).toEqual(['demo'])
    expect(localStorage.getItem('jixiao.companyCode')).toBe('demo')
    // The demo company's home page says its passwords are public.
    await screen.findByText('演示公司：所有演示账号的密码都是公开的，请勿录入真实数据')
  })

  it('prefills the remembered company code and sends none when the field is left empty', async () => {
    localStorage.setItem('jixiao.companyCode', 'remembered')
    await renderApp('/login', createFakeApi(demoFixture()))
    const field = (await screen.findByLabelText('企业代码')) as HTMLInputElement
    expect(field.value).toBe('remembered')
    expect(field.readOnly).toBe(false)
    cleanup()
    const api = createFakeApi(demoFixture())
    localStorage.clear()
    await renderApp('/login', api)
    fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: 'admin' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'jixiao123' } })
    fireEvent.click(screen.getByRole('button', { name: /登\s?录/ }))
    await waitFor(() => expect(api.loginCompanyCodes).toEqual([undefined]))
  })
  it('asks for the company code when the server holds several companies (400 naming companyCode)', async () => {
    const api = createFakeApi(demoFixture())
    const several: typeof api = {
      ...api,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).endsWith('/api/auth/login')
          ? new Response(
              JSON.stringify({
                error: {
                  code: 'invalid_input',
                  message: '请输入企业代码',
                  issues: [{ path: 'companyCode', message: '请输入企业代码' }],
                },
              }),
              { status: 400, headers: { 'content-type': 'application/json' } },
            )
          : api.fetch(input, init)) as typeof fetch,
    }
    await renderApp('/login', several, 'en')
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'admin' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'jixiao123' } })
    fireEvent.click(screen.getByRole('button', { name: /sign in/i }))
    expect((await screen.findByRole('alert')).textContent).toContain('enter your company code')
  })
})
