import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 登录与通讯录 against the real API on the demo company: the admin sets up DingTalk sign-in (the secret is
// write-only and refused fields are named), and the login page then offers 使用 钉钉 登录 and explains why a
// directory sign-in came back.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-12-06T02:00:00Z') })
  await api.signIn('admin')
})
afterAll(async () => {
  await api.close()
})

describe('DirectorySettingsPage', () => {
  it('saves DingTalk sign-in with the mobile → 手机号 preset, then keeps the secret without showing it', async () => {
    await renderApp('/settings/directory', api)
    await page.findByRole('heading', { name: '登录与通讯录' })
    const card = within(await page.findByTestId('provider-dingtalk'))
    card.getByText('未配置')
    fireEvent.change(card.getByLabelText('Client ID（原 AppKey）'), { target: { value: 'dingabc' } })
    fireEvent.change(card.getByLabelText('密钥（Secret）'), { target: { value: 'top-secret' } })
    fireEvent.click(card.getByRole('button', { name: /^保\s*存$/ }))
    await waitFor(() => expect(api.requests).toContain('PUT /api/identity-providers/dingtalk'))
    await card.findByText('已启用')
    card.getByText('已保存密钥；留空则不修改')
    expect(card.getByText('mobile')).toBeTruthy()
    const listed = await (await api.as('admin')).get<{ items: { matchEmployeeField: string }[] }>(
      '/api/identity-providers',
    )
    expect(listed.body.items).toEqual([expect.objectContaining({ matchEmployeeField: 'phone' })])
    expect(JSON.stringify(listed.body)).not.toContain('top-secret')
  })

  it('names the field the server refuses (an http issuer) beside it', async () => {
    await renderApp('/settings/directory', api)
    const card = within(await page.findByTestId('provider-oidc'))
    fireEvent.change(card.getByLabelText('Client ID'), { target: { value: 'jixiao' } })
    fireEvent.change(card.getByLabelText('密钥（Secret）'), { target: { value: 's' } })
    fireEvent.change(card.getByLabelText('签发方网址（Issuer）'), {
      target: { value: 'http://sso.example.com' },
    })
    fireEvent.click(card.getByRole('button', { name: /^保\s*存$/ }))
    await card.findByText('必须是 https:// 网址（只有本机 localhost / 127.0.0.1 可以用 http://）')
  })

  it('offers 使用 钉钉 登录 on the company’s login page and says why a sign-in came back', async () => {
    await api.close().catch(() => {})
    api = await startRealApi({ now: new Date('2026-12-06T02:00:00Z') })
    const admin = await api.as('admin')
    await admin.raw('/api/identity-providers/dingtalk', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken! },
      body: JSON.stringify({
        clientId: 'd',
        clientSecret: 's',
        matchIdentityField: 'mobile',
        matchEmployeeField: 'phone',
      }),
    })
    const me = await admin.get<{ user: { companyCode?: string } }>('/api/auth/me')
    const code = me.body.user.companyCode ?? 'demo'
    await renderApp(`/login?company=${code}&sso_error=no_account`, api)
    await page.findByText('你还没有开通账号，请联系人事')
    const button = await page.findByRole('link', { name: '使用 钉钉 登录' })
    expect(button.getAttribute('href')).toBe(`/api/auth/sso/dingtalk/start?company=${code}`)
  })
})
