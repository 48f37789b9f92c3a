import { describe, expect, it } from 'vitest'
import type { TeamQueueItem } from '../../../contracts/sheets.ts'
import { sortQueue } from './sort-queue.ts'

const item = (id: number, patch: Partial<TeamQueueItem>): TeamQueueItem => ({
  id,
  cycleId: 1,
  cycleName: '2026-11 客服月度考核',
  cycleKind: 'monthly',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  employeeId: id,
  employeeNo: `JX${id}`,
  employeeName: `员工${id}`,
  departmentId: 2,
  departmentName: '客服部',
  reviewerEmployeeId: 3,
  reviewerName: '李娜',
  state: 'in_progress',
  version: 1,
  total: null,
  grade: null,
  ownerConfirmed: true,
  reviewerConfirmed: true,
  appealDeadline: null,
  deadlines: { targets: '2026-11-04', supervisorReview: '2026-12-03', feedback: '2026-12-07' },
  updatedAt: '2026-11-20T00:00:00Z',
  waitingOnMe: false,
  ...patch,
})

describe('sortQueue', () => {
  it('puts what waits on me first, overdue before due, then the rest', () => {
    const sorted = sortQueue(
      [
        item(1, {}),
        item(2, { state: 'self_submitted', waitingOnMe: true }),
        item(3, { state: 'draft', reviewerConfirmed: false, waitingOnMe: true }),
        item(4, { state: 'computed', waitingOnMe: true }),
      ],
      '2026-12-02',
    )
    // targets (due 11-04) are overdue on 12-02; the review (12-03) comes before the feedback (12-07)
    expect(sorted.map((s) => s.id)).toEqual([3, 2, 4, 1])
  })
})
