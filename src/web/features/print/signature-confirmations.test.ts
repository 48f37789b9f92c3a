import { describe, expect, it } from 'vitest'
import type { SheetEvent } from '../../../contracts/sheets.ts'
import { type SignedSheet, signatureConfirmations } from './signature-confirmations.ts'

const event = (action: string, at: string, actorName: string | null, party = 'reviewer'): SheetEvent => ({
  action,
  from: 'computed',
  to: 'feedback_held',
  party,
  actorName,
  reason: null,
  at,
})

const sheet = (events: SheetEvent[], extra: Partial<SignedSheet> = {}): SignedSheet => ({
  events,
  signedAt: null,
  employee: { id: 4, name: '小冰', employeeNo: 'JX004' },
  reviewer: { id: 3, name: '李娜' },
  feedback: null,
  finalizedAt: null,
  ...extra,
})

describe('signatureConfirmations', () => {
  it('fills each line from the latest event of its kind (the seed T11: 被考核人, 考核人, 复核人)', () => {
    const lines = signatureConfirmations(
      sheet([
        event('submit_supervisor_review', '2026-10-02T02:00:00Z', '李主管'),
        event('reopen', '2026-10-03T02:00:00Z', '管理员', 'admin'),
        event('submit_supervisor_review', '2026-10-04T02:00:00Z', '张店长'),
        event('sign', '2026-10-05T02:00:00Z', '小冰', 'owner'),
        event('finalize', '2026-10-09T02:00:00Z', null, 'system'),
      ]),
    )
    // A resubmitted review replaces the first one; the sweep's archiving is marked as the system's.
    expect(lines.supervisor).toEqual({ name: '张店长', at: '2026-10-04T02:00:00Z', system: false })
    expect(lines.employee?.name).toBe('小冰')
    expect(lines.reviewer).toEqual({ name: null, at: '2026-10-09T02:00:00Z', system: true })
  })

  it('leaves a line empty until someone confirms', () => {
    expect(signatureConfirmations(sheet([event('start', '2026-10-01T02:00:00Z', '小冰', 'owner')]))).toEqual({
      employee: null,
      supervisor: null,
      reviewer: null,
    })
  })

  it('falls back to what the sheet holds when its steps have no events (imported history)', () => {
    const lines = signatureConfirmations(
      sheet([], {
        signedAt: '2026-10-08T02:00:00Z',
        feedback: { date: '2026-10-07', notes: '面谈', improvements: [], byUserId: null },
        finalizedAt: '2026-10-12T02:00:00Z',
      }),
    )
    // Only the employee can sign and only the reviewer holds the feedback meeting.
    expect(lines.employee).toEqual({ name: '小冰', at: '2026-10-08T02:00:00Z', system: false })
    expect(lines.supervisor).toEqual({ name: '李娜', at: '2026-10-07', system: false })
    expect(lines.reviewer).toEqual({ name: null, at: '2026-10-12T02:00:00Z', system: true })
  })
})
