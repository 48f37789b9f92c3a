import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveIdentityProvider } from '../../../../db/identity-provider-repository.ts'
import { documentedProviderEndpoints } from '../../../../services/identity/provider-endpoints.ts'
import { createShopDirectory } from '../../../../test-support/directory-providers/contact-fixture.ts'
import { createContactState } from '../../../../test-support/directory-providers/contact-state.ts'
import {
  type RunningFake,
  startFakeServer,
} from '../../../../test-support/directory-providers/fake-directory.ts'
import { createWecomContactsApp } from '../../../../test-support/directory-providers/wecom-contacts.ts'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// 通讯录同步 on 登录与通讯录 against the real API and a local WeCom answering with its documented payloads: the
// admin previews (新增 / 变更 / 标记离职 / 错误), confirms, and sees the runs with their dates.

let api: RealApi
let fake: RunningFake

beforeAll(async () => {
  const directory = createShopDirectory()
  fake = await startFakeServer(createWecomContactsApp(directory, createContactState(2)))
  api = await startRealApi({
    now: new Date('2026-12-06T02:00:00Z'),
    providerEndpoints: { ...documentedProviderEndpoints, wecomApi: fake.url },
  })
  const company = await api.db.selectFrom('companies').select('id').orderBy('id').executeTakeFirstOrThrow()
  await saveIdentityProvider(
    api.db,
    company.id,
    'wecom',
    {
      displayName: '企业微信',
      clientId: directory.corpId,
      clientSecret: directory.clientSecret,
      issuer: null,
      corpId: directory.corpId,
      agentId: '1000002',
      matchIdentityField: 'userid',
      matchEmployeeField: 'employee_no',
      enabled: true,
    },
    new Date(),
  )
  await api.signIn('admin')
})
afterAll(async () => {
  await api?.close()
  await fake?.close()
})

describe('DirectorySyncPanel', () => {
  it('previews, then confirms, and lists both runs with their times', async () => {
    await renderApp('/settings/directory', api)
    await page.findByText('通讯录同步')
    const confirm = await page.findByRole('button', { name: '确认同步' })
    expect(confirm.hasAttribute('disabled')).toBe(true) // nothing to confirm before a preview
    fireEvent.click(page.getByRole('button', { name: '同步预览' }))
    await page.findByText('这是预览，尚未写入。核对无误后点击「确认同步」。')
    expect(api.requests).toContain('POST /api/directory/wecom/preview')
    await page.findByRole('tab', { name: /^新增 \(\d+\)$/ })
    await page.findByRole('tab', { name: /^标记离职 \(\d+\)$/ })
    await waitFor(() =>
      expect(page.getByRole('button', { name: '确认同步' }).hasAttribute('disabled')).toBe(false),
    )
    fireEvent.click(page.getByRole('button', { name: '确认同步' }))
    await page.findByText('已同步，以下是本次所做的变更。')
    expect(api.requests).toContain('POST /api/directory/wecom/apply')
    await waitFor(() => {
      const rows = page
        .getAllByRole('row')
        .filter((r) => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(r.textContent ?? ''))
      expect(rows).toHaveLength(2)
    })
    const latest = page
      .getAllByRole('row')
      .find((r) => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(r.textContent ?? ''))!
    within(latest).getByText('同步')
    within(latest).getByText('成功')
  })
})
