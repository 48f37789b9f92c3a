import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.ts'
import {
  allowedActions,
  decideTransition,
  type SheetAction,
  type SheetParty,
  type SheetState,
  sheetActions,
  sheetParties,
  sheetStates,
  stateNames,
} from './sheet-workflow.ts'

// The whole matrix, written out by hand from the issue (draft → … → final): "state party" → allowed actions.
// Every combination not listed here must be refused; every one listed must be allowed.
const allowed: Record<string, string> = {
  'draft owner': 'set_targets confirm_targets',
  'draft reviewer': 'set_targets confirm_targets assign_peers set_data',
  'draft hr': 'set_targets assign_peers set_data delegate',
  'draft upper': 'delegate',
  'draft admin': 'delegate',
  'draft system': 'set_data',
  'targets_agreed owner': 'start add_record',
  'targets_agreed reviewer': 'start add_observation assign_peers set_data',
  'targets_agreed hr': 'start assign_peers set_data delegate',
  'targets_agreed system': 'start set_data',
  'targets_agreed upper': 'delegate',
  'targets_agreed admin': 'delegate',
  'in_progress owner': 'add_record save_self_review submit_self_review',
  'in_progress reviewer': 'add_observation assign_peers set_data',
  'in_progress hr': 'assign_peers set_data delegate',
  'in_progress system': 'set_data',
  'in_progress upper': 'delegate',
  'in_progress admin': 'delegate',
  'self_submitted reviewer':
    'add_observation return_self_review save_supervisor_review submit_supervisor_review assign_peers set_data',
  'self_submitted hr': 'return_self_review assign_peers set_data delegate',
  'self_submitted system': 'set_data',
  'self_submitted upper': 'delegate',
  'self_submitted admin': 'delegate',
  'supervisor_submitted reviewer': 'assign_peers set_data',
  'supervisor_submitted hr': 'assign_peers set_data compute delegate',
  'supervisor_submitted admin': 'compute delegate',
  'supervisor_submitted system': 'set_data compute',
  'supervisor_submitted upper': 'delegate',
  'computed hr': 'compute calibrate',
  'computed admin': 'compute',
  'computed system': 'compute',
  'computed reviewer': 'hold_feedback',
  'feedback_held hr': 'calibrate',
  'feedback_held owner': 'sign',
  'appeal_window owner': 'file_appeal',
  'appeal_window hr': 'finalize',
  'appeal_window system': 'finalize',
  'appeal_filed hr': 'investigate',
  'investigating hr': 'rule_appeal',
  'final admin': 'reopen',
}

const next: Partial<Record<SheetAction, SheetState>> = {
  confirm_targets: 'targets_agreed',
  start: 'in_progress',
  submit_self_review: 'self_submitted',
  return_self_review: 'in_progress',
  submit_supervisor_review: 'supervisor_submitted',
  compute: 'computed',
  hold_feedback: 'feedback_held',
  sign: 'appeal_window',
  file_appeal: 'appeal_filed',
  investigate: 'investigating',
  rule_appeal: 'final',
  finalize: 'final',
  reopen: 'computed',
}

function allowedSet(state: SheetState, party: SheetParty): Set<string> {
  return new Set((allowed[`${state} ${party}`] ?? '').split(' ').filter(Boolean))
}

function partyEverAllowed(action: SheetAction, party: SheetParty): boolean {
  return sheetStates.some((s) => allowedSet(s, party).has(action))
}

const cases = sheetStates.flatMap((state) =>
  sheetActions.flatMap((action) => sheetParties.map((party) => ({ state, action, party }))),
)

describe('the sheet state machine over every state × action × party', () => {
  it('covers the whole matrix', () => {
    expect(cases.length).toBe(sheetStates.length * sheetActions.length * sheetParties.length)
  })

  it.each(cases)('$state · $action · $party', ({ state, action, party }) => {
    const expectAllowed = allowedSet(state, party).has(action)
    if (expectAllowed) {
      const outcome = decideTransition({ state, action, party, otherPartyConfirmed: true })
      expect(outcome.to).toBe(next[action] ?? state)
      expect(allowedActions(state, party)).toContain(action)
      return
    }
    expect(allowedActions(state, party)).not.toContain(action)
    let error: unknown
    try {
      decideTransition({ state, action, party, otherPartyConfirmed: true })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DomainError)
    const domain = error as DomainError
    if (!partyEverAllowed(action, party)) {
      // A party that may never take this action is refused for the role (403), whatever the state.
      expect(domain.code).toBe('forbidden')
    } else if (state === 'final') {
      expect(domain.code).toBe('locked')
      expect(domain.message).toContain('已归档')
    } else {
      // The message names the current state and the rule.
      expect(domain.code).toBe('invalid_state')
      expect(domain.message).toContain(stateNames[state].zh)
      expect(domain.message).toContain(state)
    }
  })
})

describe('decideTransition details', () => {
  it('keeps a sheet in draft until both parties have confirmed the targets (双方确认)', () => {
    const first = decideTransition({ state: 'draft', action: 'confirm_targets', party: 'owner' })
    expect(first).toEqual({ from: 'draft', to: 'draft', changesState: false })
    const second = decideTransition({
      state: 'draft',
      action: 'confirm_targets',
      party: 'reviewer',
      otherPartyConfirmed: true,
    })
    expect(second.to).toBe('targets_agreed')
  })

  it('refuses an appeal after the window and names the deadline', () => {
    expect(() =>
      decideTransition({
        state: 'appeal_window',
        action: 'file_appeal',
        party: 'owner',
        today: '2026-10-13',
        deadline: '2026-10-12',
      }),
    ).toThrowError(/2026-10-12/)
    // On the last day itself the appeal is still in time.
    expect(
      decideTransition({
        state: 'appeal_window',
        action: 'file_appeal',
        party: 'owner',
        today: '2026-10-12',
        deadline: '2026-10-12',
      }).to,
    ).toBe('appeal_filed')
  })
})
