import { DomainError } from '../../core/errors.ts'
import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/** The reviewer records the feedback meeting (绩效面谈): its date, notes and the improvements agreed. */
export async function holdFeedback(
  deps: WorkflowDeps,
  actor: Actor,
  sheetId: number,
  input: { expectedVersion: number; date: string; notes: string; improvements: string[] },
) {
  return transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: 'hold_feedback',
    expectedVersion: input.expectedVersion,
    patch: (ctx) => {
      if (input.date > ctx.today)
        throw new DomainError('invalid_input', `面谈日期 ${input.date} 晚于今天 ${ctx.today}`, [
          { path: 'date', message: '不能晚于今天' },
        ])
      return {
        feedback: {
          date: input.date,
          notes: input.notes,
          improvements: input.improvements,
          byUserId: actor.userId,
        },
      }
    },
  })
}
