import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import { planRosterChanges, type RosterPlan } from '../../core/roster/plan-roster-changes.ts'
import type { Db } from '../../db/database.ts'
import { loadRosterOrganisation, readRosterTimeZone } from '../../db/roster-repository.ts'
import type { RosterFile } from './read-roster-file.ts'

/** The plan (and the data it was made against) of a read roster file against the company's data as it is now (a roster leaves absent people alone). */
export async function planRosterFile(
  db: Db,
  companyId: number,
  now: Date,
  file: RosterFile,
  createMissing: boolean,
): Promise<{ plan: RosterPlan; org: Awaited<ReturnType<typeof loadRosterOrganisation>> }> {
  const [org, timeZone] = await Promise.all([
    loadRosterOrganisation(db, companyId),
    readRosterTimeZone(db, companyId),
  ])
  const plan = planRosterChanges(org, file.rows, {
    createMissing,
    missingPeople: 'leave_alone',
    today: dateInZone(now, timeZone),
  })
  return { plan, org }
}
