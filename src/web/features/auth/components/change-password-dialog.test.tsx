import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 修改密码 from the user menu in the header, against the real API on the demo company: weak passwords are named
// in the person's language, and a good one ends their sign-in on another device while this page stays signed in.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-11-03T02:00:00Z') })
})
afterAll(async () => {
  await api.close()
})

async function submit(dialog: HTMLElement) {
  // The button shows a spinner (and its name gains "loading") while a request is under way.
  const button = await within(dialog).findByRole('button', { name: /保存新密码/ })
  await waitFor(() => expect(button.className).not.toContain('ant-btn-loading'))
  fireEvent.click(button)
}

function fill(dialog: HTMLElement, label: string, value: string) {
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } })
}

describe('ChangePasswordDialog', () => {
  it('refuses a short and a common password, then changes it and ends the other session', async () => {
    await api.signIn('hr')
    const otherDevice = await api.as('hr')
    expect((await otherDevice.get('/api/auth/me')).status).toBe(200)
    await renderApp('/', api)
    fireEvent.click(await page.findByRole('button', { name: '用户菜单' }))
    fireEvent.click(await page.findByText('修改密码'))
    const dialog = await page.findByRole('dialog')

    fill(dialog, '当前密码', 'jixiao123')
    fill(dialog, '新密码', 'short')
    fill(dialog, '再次输入新密码', 'short')
    await submit(dialog)
    await within(dialog).findByText('密码至少 10 个字符')
    expect(api.requests).not.toContain('POST /api/auth/password')

    fill(dialog, '新密码', 'Password123')
    fill(dialog, '再次输入新密码', 'Password123')
    await submit(dialog)
    await within(dialog).findByText('密码过于常见，容易被猜中，请换一个')

    fill(dialog, '新密码', '春天的樱桃-绩效-2027')
    fill(dialog, '再次输入新密码', '春天的樱桃-绩效-2027')
    await submit(dialog)
    await page.findByText('密码已修改，已退出其他 1 处登录')
    expect((await otherDevice.get('/api/auth/me')).status).toBe(401)
    const me = await api.fetch('/api/auth/me')
    expect(me.status).toBe(200)
  })
})
