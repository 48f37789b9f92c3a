import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { fireEvent, page, waitFor, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// The organisation edit forms against the real API on the demo company: the form checks what the server checks
// (a phone with letters never leaves the page), a refusal the server names lands on its field (工号已存在), and
// only admin and HR see the buttons.

type Employee = { id: number; name: string; employeeNo: string; phone: string | null; email: string | null }

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-09-01T02:00:00Z') })
})
afterAll(async () => {
  await api.close()
})

async function employeeNamed(name: string): Promise<Employee> {
  const res = await (await api.as('admin')).get<{ items: Employee[] }>(
    `/api/employees?q=${encodeURIComponent(name)}`,
  )
  return res.body.items.find((e) => e.name === name)!
}

const drawer = () => page.findByRole('dialog')

// the first test also loads antd and every page module on a busy machine
describe('organisation edit forms', { timeout: 180_000 }, () => {
  it('edits 小冰: a phone with letters is refused on the field, a good one and an e-mail are saved', async () => {
    await api.signIn('admin')
    await renderApp('/organisation?q=小冰', api)
    // the first render of the file loads antd and the page: allow it longer
    fireEvent.click(await page.findByRole('button', { name: '编辑小冰' }, { timeout: 60_000 }))
    const phone = await page.findByLabelText(/^手机/, {}, { timeout: 60_000 })
    const form = phone.closest<HTMLElement>('[role="dialog"]')!
    fireEvent.change(phone, { target: { value: '138abc' } })
    fireEvent.click(within(form).getByRole('button', { name: /保\s*存/ }))
    await within(form).findByText('只能包含数字、+、- 和空格')
    fireEvent.change(phone, { target: { value: '138 0013 8000' } })
    fireEvent.change(within(form).getByLabelText(/^邮箱/), { target: { value: 'xiaobing@example.com' } })
    fireEvent.click(within(form).getByRole('button', { name: /保\s*存/ }))
    await waitFor(async () =>
      expect(await employeeNamed('小冰')).toMatchObject({
        phone: '138 0013 8000',
        email: 'xiaobing@example.com',
      }),
    )
  })

  it('shows the server’s refusal on the field: another employee’s 工号', async () => {
    const taken = (await employeeNamed('小焦')).employeeNo
    await api.signIn('admin')
    await renderApp('/organisation?q=小冰', api)
    fireEvent.click(await page.findByRole('button', { name: '编辑小冰' }))
    const form = await drawer()
    fireEvent.change(await within(form).findByLabelText('工号'), { target: { value: taken } })
    fireEvent.click(within(form).getByRole('button', { name: /保\s*存/ }))
    await within(form).findByText('工号已存在')
  })

  it('creates a department under the chosen one and retires it, which greys it as 已撤销', async () => {
    await api.signIn('admin')
    await renderApp('/organisation', api)
    fireEvent.click(await page.findByRole('button', { name: /新建部门/ }))
    const form = await drawer()
    fireEvent.change(await within(form).findByLabelText('部门名称'), { target: { value: '直播部' } })
    fireEvent.click(within(form).getByRole('button', { name: /保\s*存/ }))
    const tree = await page.findByRole('tree', { name: '部门树' })
    fireEvent.click(await within(tree).findByText('直播部'))
    fireEvent.click(await page.findByRole('button', { name: '撤销直播部' }))
    await page.findAllByText('撤销“直播部”？')
    const buttons = await page.findAllByRole('button', { name: /^撤\s*销$/ })
    fireEvent.click(buttons[buttons.length - 1]!)
    await within(tree).findByText('已撤销')
    await page.findByRole('button', { name: '恢复直播部' })
  })

  it('gives an employee the read-only page', async () => {
    await api.signIn('xiaobing')
    await renderApp('/organisation', api)
    await page.findByRole('heading', { name: '组织架构', level: 1 })
    await page.findByRole('region', { name: '员工列表' })
    expect(page.queryByRole('button', { name: /新增员工/ })).toBeNull()
    expect(page.queryByRole('button', { name: /新建部门/ })).toBeNull()
  })
})
