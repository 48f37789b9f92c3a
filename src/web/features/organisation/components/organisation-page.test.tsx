// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { demoFixture } from '../../../test-support/demo-fixture.ts'
import { createFakeApi, type FakeApi } from '../../../test-support/fake-api.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

async function signedInApi(): Promise<FakeApi> {
  const api = createFakeApi(demoFixture())
  await api.fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'jixiao123' }),
  })
  return api
}

const employeeTable = () => screen.findByRole('region', { name: '员工列表' })

async function visibleNames(): Promise<string[]> {
  const rows = within(await employeeTable())
    .queryAllByRole('row')
    .slice(1)
  return rows.map((row) => row.querySelectorAll('td')[1]?.textContent ?? '').filter(Boolean)
}

describe('OrganisationPage', () => {
  it('lists the employees from the API with their total', async () => {
    await renderApp('/organisation', await signedInApi())
    await within(await employeeTable()).findByText('小冰')
    expect(await visibleNames()).toContain('小焦')
    await screen.findByText('共 13 人')
  })

  it('searches by name on the server after typing stops, and writes the search into the address', async () => {
    const api = await signedInApi()
    const { router } = await renderApp('/organisation', api)
    await within(await employeeTable()).findByText('小冰')
    fireEvent.change(screen.getByLabelText('搜索姓名或工号'), { target: { value: '小焦' } })
    await waitFor(() =>
      expect(api.requests).toContain('GET /api/employees?q=%E5%B0%8F%E7%84%A6&page=1&pageSize=20'),
    )
    await waitFor(async () => expect(await visibleNames()).toEqual(['小焦']))
    expect(router.state.location.search).toBe('?q=%E5%B0%8F%E7%84%A6')
  })

  it('filters by the department chosen in the tree', async () => {
    const api = await signedInApi()
    await renderApp('/organisation', api)
    const tree = await screen.findByRole('tree', { name: '部门树' })
    fireEvent.click(await within(tree).findByText('客服部'))
    await waitFor(() => expect(api.requests.some((r) => r.includes('departmentId=2'))).toBe(true))
    await waitFor(async () => expect(await visibleNames()).not.toContain('李娜'))
  })

  it('opens the job description (岗位说明书) from an employee’s position', async () => {
    await renderApp('/organisation?q=小冰', await signedInApi())
    const table = await employeeTable()
    fireEvent.click(await within(table).findByText('客服专员'))
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByText('岗位说明书：客服专员')
    await within(dialog).findByText('售前与售后服务')
    await within(dialog).findByText('解答客户咨询')
    await within(dialog).findByText('500（底薪）× 绩效系数 + 销售提成 2%')
  })

  it('speaks English when English is chosen', async () => {
    await renderApp('/organisation', await signedInApi(), 'en')
    await screen.findByRole('heading', { name: 'Organisation', level: 1 })
    await screen.findByRole('tab', { name: 'Employees' })
    await screen.findByText('13 people')
  })
})
