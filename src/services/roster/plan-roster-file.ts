import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import { planRosterChanges, type RosterPlan } from '../../core/roster/plan-roster-changes.ts'
import { readAuditChainHead } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { loadRosterOrganisation, readRosterTimeZone } from '../../db/roster-repository.ts'
import type { RosterFile } from './read-roster-file.ts'

/**
 * What a plan was made against, in a form that is cheap to check again: the newest row of the company's audit log
 * (every change to people, departments and positions is audited, so anything changed since moves it) and the
 * company's today (a leave date on or before it makes the person 已离职).
 */
export type RosterPlanBasis = { auditHeadId: number | null; today: string }

/** The basis as it is now: one indexed row and the company's time zone. */
export async function readRosterPlanBasis(db: Db, companyId: number, now: Date): Promise<RosterPlanBasis> {
  const [head, timeZone] = await Promise.all([
    readAuditChainHead(db, companyId),
    readRosterTimeZone(db, companyId),
  ])
  return { auditHeadId: head?.id ?? null, today: dateInZone(now, timeZone) }
}

export function sameRosterPlanBasis(a: RosterPlanBasis, b: RosterPlanBasis): boolean {
  return a.auditHeadId === b.auditHeadId && a.today === b.today
}

/**
 * The plan (and the data it was made against) of a read roster file against the company's data as it is now (a
 * roster leaves absent people alone), with its basis. The basis is read before the data, so a change that lands
 * between the two reads leaves the basis older than the data, never newer: checking it again can only re-plan
 * more often than needed, never less.
 */
export async function planRosterFile(
  db: Db,
  companyId: number,
  now: Date,
  file: RosterFile,
  createMissing: boolean,
): Promise<{
  plan: RosterPlan
  org: Awaited<ReturnType<typeof loadRosterOrganisation>>
  basis: RosterPlanBasis
}> {
  const basis = await readRosterPlanBasis(db, companyId, now)
  const org = await loadRosterOrganisation(db, companyId)
  const plan = planRosterChanges(org, file.rows, {
    createMissing,
    missingPeople: 'leave_alone',
    today: basis.today,
  })
  return { plan, org, basis }
}
