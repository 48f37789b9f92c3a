import { describe, expect, it } from 'vitest'
import { notificationTarget, sheetPagePath } from './notification-target.ts'

const sheet = (kind: string, entityId = '12') => ({ kind, entity: 'appraisal_sheet', entityId })

describe('notificationTarget', () => {
  it.each([
    ['an employee’s own sheet step', sheet('sheet.selfReview'), 'employee', { page: '/my-appraisal/12' }],
    ['a supervisor’s sheet step, own or a report’s', sheet('sheet.targets'), 'supervisor', { sheetId: 12 }],
    ['the feedback meeting a cycle compute asks for', sheet('sheet.feedback'), 'hr', { sheetId: 12 }],
    [
      'a peer review, scored from the task list',
      sheet('peer_review.assigned'),
      'employee',
      { page: '/my-appraisal' },
    ],
    [
      'an appeal for HR to handle',
      { kind: 'appeal.assigned', entity: 'appeal', entityId: '7' },
      'hr',
      { page: '/appeals/7' },
    ],
    [
      'an appeal for someone without the appeals page',
      { kind: 'appeal.assigned', entity: 'appeal', entityId: '7' },
      'employee',
      null,
    ],
    [
      'a cycle for an admin',
      { kind: 'cycle.opened', entity: 'cycle', entityId: '3' },
      'admin',
      { page: '/cycles/3' },
    ],
    [
      'the feedback meetings of a computed cycle, for a reviewer of several',
      { kind: 'sheet.feedback', entity: 'cycle', entityId: '3' },
      'supervisor',
      { page: '/team?cycle=3' },
    ],
    [
      'a cycle for a supervisor: their tree’s sheets of it',
      { kind: 'assessor_review.assigned', entity: 'cycle', entityId: '3' },
      'supervisor',
      { page: '/sheets?cycle=3' },
    ],
    ['a cycle for an employee', { kind: 'cycle.opened', entity: 'cycle', entityId: '3' }, 'employee', null],
    ['an entity the web has no page for', { kind: 'x', entity: 'bonus_pool', entityId: '3' }, 'admin', null],
    ['an id that is not a number', sheet('sheet.sign', 'abc'), 'employee', null],
  ] as const)('%s', (_, notification, role, expected) => {
    expect(notificationTarget(notification, role)).toEqual(expected)
  })
})

describe('sheetPagePath', () => {
  it('opens my own sheet under 我的考核 and anyone else’s under 团队考核', () => {
    expect(sheetPagePath(5, 'owner')).toBe('/my-appraisal/5')
    expect(sheetPagePath(5, 'reviewer')).toBe('/team/5')
    expect(sheetPagePath(5, 'hr')).toBe('/team/5')
  })
})
