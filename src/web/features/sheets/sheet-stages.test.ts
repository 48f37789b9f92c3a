import { describe, expect, it } from 'vitest'
import { owedStepOf, sheetStages, stageDueDate, stageIndex } from './sheet-stages.ts'

const deadlines = {
  targets: '2026-11-04',
  selfReview: '2026-12-02',
  supervisorReview: '2026-12-03',
  feedback: '2026-12-07',
  sign: '2026-12-09',
}

describe('sheet stages', () => {
  it('places each state in the stage a person would name', () => {
    expect(stageIndex('draft')).toBe(0)
    expect(stageIndex('in_progress')).toBe(1)
    expect(stageIndex('self_submitted')).toBe(2)
    expect(stageIndex('computed')).toBe(sheetStages.indexOf('feedback'))
    expect(stageIndex('investigating')).toBe(sheetStages.indexOf('appeal'))
    // a final sheet has every stage behind it
    expect(stageIndex('final')).toBe(sheetStages.length)
  })

  it('dates each stage from the cycle, and the appeal stage from the signature', () => {
    expect(stageDueDate('supervisorReview', deadlines, null)).toBe('2026-12-03')
    expect(stageDueDate('appeal', deadlines, '2026-12-14')).toBe('2026-12-14')
    expect(stageDueDate('appeal', deadlines, null)).toBeUndefined()
    expect(stageDueDate('compute', deadlines, null)).toBeUndefined()
  })
})

describe('owed step', () => {
  const sheet = (
    state: 'draft' | 'self_submitted' | 'computed',
    confirmed = { owner: false, reviewer: false },
  ) => ({
    state,
    ownerConfirmed: confirmed.owner,
    reviewerConfirmed: confirmed.reviewer,
    deadlines,
  })

  it('asks the reviewer for targets only until they confirmed', () => {
    expect(owedStepOf(sheet('draft'), 'reviewer', '2026-11-05')).toEqual({
      step: 'targets',
      dueDate: '2026-11-04',
      overdue: true,
    })
    expect(
      owedStepOf(sheet('draft', { owner: false, reviewer: true }), 'reviewer', '2026-11-05'),
    ).toBeUndefined()
  })

  it('is overdue only after the due date, not on it', () => {
    expect(owedStepOf(sheet('self_submitted'), 'reviewer', '2026-12-03')?.overdue).toBe(false)
    expect(owedStepOf(sheet('self_submitted'), 'reviewer', '2026-12-04')?.overdue).toBe(true)
    expect(owedStepOf(sheet('self_submitted'), 'owner', '2026-12-04')).toBeUndefined()
    expect(owedStepOf(sheet('computed'), 'reviewer', '2026-12-01')).toMatchObject({ step: 'feedback' })
  })
})
