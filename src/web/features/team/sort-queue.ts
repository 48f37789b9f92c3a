import type { TeamQueueItem } from '../../../contracts/sheets.ts'
import { owedStepOf } from '../sheets/sheet-stages.ts'

/**
 * The review queue in the order a supervisor works it: what waits on me first — overdue before due,
 * earlier due dates first — then the rest by cycle (newest first) and name.
 */
export function sortQueue(items: readonly TeamQueueItem[], today: string): TeamQueueItem[] {
  const key = (s: TeamQueueItem) => {
    const owed = s.waitingOnMe ? owedStepOf(s, 'reviewer', today) : undefined
    return { rank: owed ? (owed.overdue ? 0 : 1) : 2, due: owed?.dueDate ?? '9999-12-31' }
  }
  return [...items].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka.rank !== kb.rank) return ka.rank - kb.rank
    if (ka.due !== kb.due) return ka.due < kb.due ? -1 : 1
    if (a.periodStart !== b.periodStart) return a.periodStart < b.periodStart ? 1 : -1
    return a.employeeName.localeCompare(b.employeeName, 'zh-CN')
  })
}
