// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { demoFixture } from '../../../test-support/demo-fixture.ts'
import { createFakeApi } from '../../../test-support/fake-api.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

async function fillAndSubmit(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: username } })
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } })
  fireEvent.click(screen.getByRole('button', { name: /登\s?录/ }))
}

describe('LoginPage', () => {
  it('sends a visitor without a session from a page to the login form', async () => {
    const { router } = await renderApp('/organisation', createFakeApi(demoFixture()))
    await screen.findByRole('heading', { name: '登录' })
    expect(router.state.location.pathname).toBe('/login')
  })

  it('asks for both fields before calling the API', async () => {
    const api = createFakeApi(demoFixture())
    await renderApp('/login', api)
    fireEvent.click(await screen.findByRole('button', { name: /登\s?录/ }))
    await screen.findByText('请输入用户名')
    await screen.findByText('请输入密码')
    expect(api.requests.filter((r) => r.startsWith('POST'))).toEqual([])
  })

  it('says plainly that the username or password is wrong', async () => {
    const { router } = await renderApp('/login', createFakeApi(demoFixture()))
    await fillAndSubmit('admin', 'nope')
    expect((await screen.findByRole('alert')).textContent).toContain('用户名或密码错误')
    expect(router.state.location.pathname).toBe('/login')
  })

  it('signs in and returns to the page first asked for, greeting the user in the header', async () => {
    const api = createFakeApi(demoFixture())
    const { router } = await renderApp('/organisation', api)
    await fillAndSubmit('admin', 'jixiao123')
    await waitFor(() => expect(router.state.location.pathname).toBe('/organisation'))
    const banner = await screen.findByRole('banner')
    await waitFor(() => expect(banner.textContent).toContain('系统管理员'))
    expect(api.requests).toContain('POST /api/auth/login')
  })

  it('says how long a throttled sign-in must wait, in the chosen language (429 Retry-After)', async () => {
    const api = createFakeApi(demoFixture())
    const throttled: typeof api = {
      ...api,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).endsWith('/api/auth/login')
          ? new Response(JSON.stringify({ error: { code: 'rate_limited', message: '尝试过于频繁' } }), {
              status: 429,
              headers: { 'content-type': 'application/json', 'retry-after': '120' },
            })
          : api.fetch(input, init)) as typeof fetch,
    }
    await renderApp('/login', throttled)
    await fillAndSubmit('admin', 'jixiao123')
    expect((await screen.findByRole('alert')).textContent).toContain('尝试过于频繁，请 2 分钟后再试')
  })

  it('signs out: the session ends on the server and the login page returns', async () => {
    const api = createFakeApi(demoFixture())
    const { router } = await renderApp('/login', api)
    await fillAndSubmit('admin', 'jixiao123')
    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(api.requests).toContain('POST /api/auth/logout')
  })

  it('signs out on every device from the user menu', async () => {
    const api = createFakeApi(demoFixture())
    const { router } = await renderApp('/login', api)
    await fillAndSubmit('admin', 'jixiao123')
    fireEvent.click(await screen.findByRole('button', { name: '用户菜单' }))
    fireEvent.click(await screen.findByText('退出所有设备'))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(api.requests).toContain('POST /api/auth/logout?everywhere=true')
  })
})
