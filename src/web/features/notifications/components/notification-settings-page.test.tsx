import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 通知设置 against the real API on the demo company: the admin points notifications at a DingTalk group robot,
// sees the server refuse an address that is not http(s) next to the field, and removes the robot again; an
// address outside the platforms' robot hosts is accepted only once its host is on the allow-list.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-12-01T02:00:00Z') })
})
afterAll(async () => {
  await api.close()
})

const storedWebhook = async () => (await (await api.as('admin')).get('/api/notifications/webhook')).body

async function chooseFlavour(label: string) {
  fireEvent.mouseDown(page.getByRole('combobox', { name: '平台' }))
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (o) => o.textContent === label,
    )
    expect(found).toBeDefined()
    return found!
  })
  fireEvent.click(option)
}

describe('NotificationSettingsPage', () => {
  it('saves the group robot, showing the server’s objection next to the address, and removes it', async () => {
    await api.signIn('admin')
    await renderApp('/settings/notifications', api)
    await page.findByRole('heading', { name: '通知设置' })
    await page.findByText('尚未配置群机器人')
    expect(page.queryByRole('button', { name: /移\s*除/ })).toBeNull()

    await chooseFlavour('钉钉')
    const url = page.getByRole('textbox', { name: 'Webhook 地址' })
    fireEvent.change(url, { target: { value: 'ftp://oapi.dingtalk.com/robot/send' } })
    fireEvent.click(page.getByRole('button', { name: /^保\s*存$/ }))
    // the contract allows http(s) only; its message stands under the field, not in a toast
    const field = url.closest<HTMLElement>('.ant-form-item')!
    await waitFor(() =>
      expect(field.querySelector('.ant-form-item-explain-error')?.textContent).toBe('无效URL'),
    )
    expect(await storedWebhook()).toBeNull()

    const address = 'https://oapi.dingtalk.com/robot/send?access_token=abc123'
    fireEvent.change(url, { target: { value: address } })
    fireEvent.click(page.getByRole('button', { name: /^保\s*存$/ }))
    await page.findByText('群机器人已保存')
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain-error')).toBeNull())
    expect(await storedWebhook()).toEqual({ flavour: 'dingtalk', url: address, enabled: true })

    fireEvent.click(await page.findByRole('button', { name: /移\s*除/ }))
    const confirm = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-popconfirm')
      expect(found).not.toBeNull()
      return within(found!)
    })
    confirm.getByText('移除后不再向群里推送通知，确定移除吗？')
    fireEvent.click(confirm.getByRole('button', { name: /确\s*定/ }))
    await page.findByText('群机器人已移除')
    await page.findByText('尚未配置群机器人')
    expect(await storedWebhook()).toBeNull()
  })

  it('refuses an internal address for the robot until the admin allows its host', async () => {
    await api.signIn('admin')
    await renderApp('/settings/notifications', api)
    await page.findByText('尚未配置群机器人')
    await chooseFlavour('企业微信')
    const url = page.getByRole('textbox', { name: 'Webhook 地址' })
    const address = 'http://robot.corp.example:8080/hook'
    fireEvent.change(url, { target: { value: address } })
    fireEvent.click(page.getByRole('button', { name: /^保\s*存$/ }))
    // the server's objection (an http address outside the robot hosts) stands under the address
    const field = url.closest<HTMLElement>('.ant-form-item')!
    await waitFor(() =>
      expect(field.querySelector('.ant-form-item-explain-error')?.textContent).toContain('允许的主机'),
    )
    expect(await storedWebhook()).toBeNull()

    const hosts = page.getByRole('combobox', { name: '主机' })
    fireEvent.change(hosts, { target: { value: 'Robot.Corp.Example:8080,' } })
    await page.findByText('Robot.Corp.Example:8080')
    fireEvent.click(page.getByRole('button', { name: '保存允许的主机' }))
    await page.findByText('允许的主机已保存')
    // stored as the server normalised it
    await page.findByText('robot.corp.example:8080')
    expect((await (await api.as('admin')).get('/api/notifications/allowed-hosts')).body).toEqual({
      hosts: ['robot.corp.example:8080'],
    })

    fireEvent.click(page.getByRole('button', { name: /^保\s*存$/ }))
    await page.findByText('群机器人已保存')
    expect(await storedWebhook()).toEqual({ flavour: 'wecom', url: address, enabled: true })
  })

  it('is neither in the menu nor open to anyone but the admin', async () => {
    await api.signIn('hr')
    const before = api.requests.length
    await renderApp('/settings/notifications', api)
    await page.findByText('403')
    const nav = await page.findByRole('navigation')
    expect(within(nav).queryByText('通知设置')).toBeNull()
    await within(nav).findByText('工作日历')
    expect(api.requests.slice(before)).not.toContain('GET /api/notifications/webhook')
  })
})
