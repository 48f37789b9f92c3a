import type { EntryInput } from '../../contracts/workflow.ts'
import { addCalendarDays } from '../../core/calendar/working-days.ts'
import { DomainError } from '../../core/errors.ts'
import { insertSheetEntry } from '../../db/sheet-repository.ts'
import { findCyclePeriod, listSheetFileIdsAmong } from '../../db/sheet-workflow-queries.ts'
import type { Actor } from '../auth/actor.ts'
import { transitionSheet } from './transition-sheet.ts'
import type { WorkflowDeps } from './workflow-deps.ts'

/**
 * A dated work record by the employee (工作记录) or an observation by the reviewer (观察记录), with links
 * and files already uploaded to the sheet. The date must lie in the period (or the days just after it)
 * and not in the future.
 */
export async function addSheetEntry(deps: WorkflowDeps, actor: Actor, sheetId: number, input: EntryInput) {
  let entryId = 0
  await transitionSheet(deps, actor, actor.companyId, sheetId, {
    action: input.kind === 'work_record' ? 'add_record' : 'add_observation',
    after: async (ctx) => {
      const cycle = await findCyclePeriod(ctx.db, ctx.row.cycle_id)
      const latest = addCalendarDays(cycle.period_end, 15)
      if (input.date < cycle.period_start || input.date > latest || input.date > ctx.today)
        throw new DomainError(
          'invalid_input',
          `记录日期 ${input.date} 不在考核期 ${cycle.period_start}–${cycle.period_end}（至多延后到 ${latest}）之内，或晚于今天 ${ctx.today}`,
          [
            {
              path: 'date',
              message: `应在 ${cycle.period_start} 与 ${[latest, ctx.today].sort()[0]} 之间`,
            },
          ],
        )
      if (input.fileIds.length > 0) {
        const found = await listSheetFileIdsAmong(ctx.db, sheetId, input.fileIds)
        const missing = input.fileIds.filter((id) => !found.includes(id))
        if (missing.length > 0)
          throw new DomainError('invalid_input', `附件 ${missing.join('、')} 不属于考核表 ${sheetId}`, [
            { path: 'fileIds', message: `未知附件 ${missing.join(', ')}` },
          ])
      }
      entryId = await insertSheetEntry(ctx.db, {
        companyId: actor.companyId,
        sheetId,
        kind: input.kind,
        entryDate: input.date,
        body: input.body,
        links: input.links,
        fileIds: input.fileIds,
        authorUserId: actor.userId,
      })
    },
  })
  return { id: entryId }
}
