// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { customerServiceTemplate as seed000CustomerService } from '../../../../contracts/testing/customer-service-template.ts'
import { AppProviders } from '../../../app/providers.tsx'
import { changeLanguage, initI18n } from '../../../i18n/i18n.ts'
import { ReviewForm } from './review-form.tsx'

// The supervisor's review form keeps scores within the rule's bounds and asks for the reason of a
// discretionary score before anything is sent.

const sheet = (patch: Partial<SheetDetail> = {}): SheetDetail => ({
  id: 7,
  version: 5,
  state: 'self_submitted',
  stateName: { zh: '已提交自评', en: 'self review submitted' },
  party: 'reviewer',
  allowedActions: ['save_supervisor_review', 'submit_supervisor_review', 'return_self_review'],
  cycle: {
    id: 1,
    name: '2026-11 客服月度考核',
    kind: 'monthly',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    deadlines: { supervisorReview: '2026-12-03' },
    appealWindowDays: 3,
  },
  employee: { id: 4, name: '小冰', employeeNo: 'JX004' },
  department: { id: 2, name: '客服部' },
  reviewer: { id: 3, name: '李娜' },
  template: {
    id: 1,
    name: '客服专员',
    version: 1,
    templateVersionId: 1,
    definition: seed000CustomerService,
    metricLabels: {},
  },
  targets: {},
  ownerConfirmedAt: null,
  reviewerConfirmedAt: null,
  selfReview: { indicators: { service_quality: { score: 23, comment: '主动回访' } } },
  supervisorReview: null,
  sharedInputs: {},
  sampling: null,
  peerReviews: [],
  score: null,
  total: null,
  grade: null,
  coefficient: null,
  calibration: null,
  feedback: null,
  signedAt: null,
  appealDeadline: null,
  finalizedAt: null,
  entries: [],
  files: [],
  events: [],
  appeals: [],
  scoreHistory: [],
  ...patch,
})

beforeAll(async () => {
  await initI18n()
  await changeLanguage('zh-CN')
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('ReviewForm (supervisor)', () => {
  it('refuses a score above the rule’s maximum and a discretionary score without its reason, sending nothing', async () => {
    const requests: string[] = []
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input)}`)
      return new Response('{}', { status: 500 })
    })
    render(
      <AppProviders>
        <ReviewForm sheet={sheet()} rater="supervisor" />
      </AppProviders>,
    )
    // the employee's own score sits beside the indicator
    await screen.findByText(/员工自评/)
    fireEvent.change(screen.getByLabelText('服务质量 评分'), { target: { value: '30' } })
    fireEvent.blur(screen.getByLabelText('服务质量 评分'))
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }))
    await screen.findByText('评分须在 0–25 之间')
    fireEvent.change(screen.getByLabelText('服务质量 评分'), { target: { value: '21' } })
    fireEvent.blur(screen.getByLabelText('服务质量 评分'))
    fireEvent.click(screen.getByRole('button', { name: /提\s?交/ }))
    fireEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: /提\s?交/ }))
    await screen.findByText('酌情给分必须写明评语')
    expect(requests.filter((r) => !r.startsWith('GET'))).toEqual([])
  })

  it('sends the cleaned review with the version it read', async () => {
    const bodies: unknown[] = []
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/supervisor-review')) bodies.push(JSON.parse(String(init?.body)))
      return new Response(JSON.stringify(sheet({ version: 6 })), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })
    })
    render(
      <AppProviders>
        <ReviewForm sheet={sheet()} rater="supervisor" />
      </AppProviders>,
    )
    fireEvent.change(await screen.findByLabelText('问题解决率 实际值'), { target: { value: '96' } })
    fireEvent.blur(screen.getByLabelText('问题解决率 实际值'))
    fireEvent.change(screen.getByLabelText('服务质量 评分'), { target: { value: '21' } })
    fireEvent.blur(screen.getByLabelText('服务质量 评分'))
    fireEvent.change(screen.getByLabelText('服务质量 评语'), { target: { value: ' 抽查 5 单 ' } })
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }))
    await waitFor(() => expect(bodies).toHaveLength(1))
    // 96 typed as a percentage is stored as the fraction the engine compares with the 95% target
    expect(bodies[0]).toEqual({
      expectedVersion: 5,
      review: {
        indicators: {
          problem_resolution_rate: { actual: 0.96 },
          service_quality: { score: 21, comment: '抽查 5 单' },
        },
      },
      submit: false,
    })
  })
})
