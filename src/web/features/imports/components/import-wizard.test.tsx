import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import type { FakeApi } from '../../../test-support/fake-api.ts'
import { fireEvent, page, within } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// The import wizard shows what an import would replace before it runs (issue 12, part 1): HR has imported shop
// A's order lines for 1 July; dropping shop B's file for the same day says it replaces nothing, and dropping a
// correction of shop A's file names shop A's import and its 10 rows.

const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
const lines = (shop: string, n: number) =>
  header +
  Array.from(
    { length: n },
    (_, i) => `${shop}${i + 1},S${i},item,1,2011-07-01 10:00,10.00,c${i},${shop}\n`,
  ).join('')

let api: RealApi
/** The real API, with the file a happy-dom File carries handed over as bytes. */
let browser: FakeApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-09-01T02:00:00Z') })
  const hr = await api.as('hr')
  const up = await hr.raw<{ id: string }>('/api/imports/uploads?fileName=shop-a-0701.csv', {
    method: 'POST',
    headers: { 'x-csrf-token': hr.csrfToken ?? '', 'content-type': 'application/octet-stream' },
    body: new Uint8Array(Buffer.from(lines('A', 10))),
  })
  const imported = await hr.post(`/api/imports/uploads/${up.body.id}/import?wait=true`, {})
  expect(imported.status).toBe(201)
  await api.signIn('hr')
  browser = {
    requests: api.requests,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = init?.body as Blob | undefined
      if (body && typeof body === 'object' && 'arrayBuffer' in body)
        return api.fetch(input, { ...init, body: new Uint8Array(await body.arrayBuffer()) })
      return api.fetch(input, init)
    }) as typeof fetch,
  }
})
afterAll(async () => {
  await api.close()
})

const drop = async (name: string, content: string) => {
  await page.findByText('点击或拖拽文件到此处')
  const input = document.querySelector<HTMLInputElement>('input[type=file]')
  expect(input).not.toBeNull()
  fireEvent.change(input as HTMLInputElement, {
    target: { files: [new File([content], name, { type: 'text/csv' })] },
  })
}

describe('ImportWizard', () => {
  it("says shop B's file replaces nothing, and a correction of shop A's names the rows it replaces", async () => {
    const view = await renderApp('/imports', browser)
    await drop('shop-b-0701.csv', lines('B', 3))
    expect(await page.findByText('导入此文件不会替换任何已导入的数据')).toBeTruthy()
    expect(
      page.getByText(/只替换同一来源（uci-online-retail）、文件中的店铺（B）在 2011-07-01 至 2011-07-01/),
    ).toBeTruthy()

    fireEvent.click(page.getByRole('button', { name: '导入其他文件' }))
    await drop('shop-a-0701-fixed.csv', lines('A', 4))
    expect(await page.findByText('导入此文件将替换 10 行已导入的数据')).toBeTruthy()
    const table = within(page.getByRole('table', { name: '被替换的数据' }))
    const cells = [...table.getAllByRole('row')[1]!.querySelectorAll('td')].map((td) => td.textContent)
    expect(cells).toEqual(['#1', 'shop-a-0701.csv', 'A', '10'])
    view.unmount()
  })
})
