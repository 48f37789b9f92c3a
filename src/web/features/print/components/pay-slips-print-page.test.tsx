import { cleanup } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RealApi, startRealApi } from '../../../../test-support/real-api.ts'
import { page, waitFor } from '../../../test-support/register-dom.ts'
import { renderApp } from '../../../test-support/render-app.tsx'

// The printable pay slips (工资条) against the real API on the demo company, whose September pay sheet is
// approved: HR prints a slip per person, each its own A4 section with the lines and the total; an employee
// opening the same page gets their own slip only.

let api: RealApi

beforeAll(async () => {
  api = await startRealApi({ now: new Date('2026-11-05T02:00:00Z') })
})
afterAll(async () => {
  await api.close()
})

const slips = () => [...document.querySelectorAll<HTMLElement>('section.jixiao-pay-slip')]

describe('PaySlipsPrintPage', () => {
  it('prints a slip per person for HR and only their own for an employee', async () => {
    await api.signIn('hr')
    await renderApp('/cycles/1/pay-slips/print', api)
    await waitFor(() => expect(slips().length).toBeGreaterThan(1))
    const names = slips().map((s) => s.getAttribute('aria-label'))
    expect(names).toContain('小冰 工资条')
    const bing = slips().find((s) => s.getAttribute('aria-label') === '小冰 工资条')!
    expect(bing.textContent).toContain('应发合计')
    expect(bing.textContent).toContain('¥')
    expect(page.getByRole('button', { name: /打\s?印/ })).toBeTruthy()

    cleanup()
    await api.signIn('xiaobing')
    await renderApp('/cycles/1/pay-slips/print', api)
    await waitFor(() => expect(slips().map((s) => s.getAttribute('aria-label'))).toEqual(['小冰 工资条']))
  })
})
