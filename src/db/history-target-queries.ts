import { sql } from 'kysely'
import type { Db } from './database.ts'

// The sheets whose targets are derived from history (core/scoring/derive-target.ts) and the frozen targets
// written on them: `appraisal_sheets.targets.derived`, beside the agreed `targets.indicators`.

export type HistoryTargetSheet = {
  id: number
  employee_id: number
  department_id: number | null
  template_version_id: number
  state: string
  targets: unknown
}

/** The cycle's sheets of the given template versions, optionally only some sheets or states, oldest first. */
export async function listSheetsForHistoryTargets(
  db: Db,
  cycleId: number,
  versionIds: readonly number[],
  filter: { sheetIds?: readonly number[]; states?: readonly string[] } = {},
): Promise<HistoryTargetSheet[]> {
  if (versionIds.length === 0) return []
  let query = db
    .selectFrom('appraisal_sheets')
    .select(['id', 'employee_id', 'department_id', 'template_version_id', 'state', 'targets'])
    .where('cycle_id', '=', cycleId)
    .where('template_version_id', 'in', versionIds)
  if (filter.sheetIds) {
    if (filter.sheetIds.length === 0) return []
    query = query.where('id', 'in', filter.sheetIds)
  }
  if (filter.states) query = query.where('state', 'in', filter.states)
  return query.orderBy('id').execute()
}

/**
 * Writes each sheet's frozen derived targets (by indicator key) into `targets.derived`, leaving the agreed
 * targets as they are; sheets with equal targets share one statement.
 */
export async function writeSheetDerivedTargets(
  db: Db,
  updates: readonly { sheetId: number; derived: Record<string, unknown> }[],
): Promise<void> {
  const byValue = new Map<string, number[]>()
  for (const u of updates) {
    const json = JSON.stringify(u.derived)
    const ids = byValue.get(json)
    if (ids) ids.push(u.sheetId)
    else byValue.set(json, [u.sheetId])
  }
  for (const [json, ids] of byValue) {
    await db
      .updateTable('appraisal_sheets')
      .set({
        targets: sql`coalesce(targets, '{}'::jsonb) || jsonb_build_object('derived', ${json}::jsonb)`,
      })
      .where('id', 'in', ids)
      .execute()
  }
}

/** The frozen targets of a cycle's sheets with the employees' names, by sheet. */
export async function listCycleHistoryTargets(
  db: Db,
  companyId: number,
  cycleId: number,
): Promise<
  { id: number; employee_name: string; template_version_id: number; state: string; targets: unknown }[]
> {
  return db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .select(['s.id', 'e.name as employee_name', 's.template_version_id', 's.state', 's.targets'])
    .where('s.company_id', '=', companyId)
    .where('s.cycle_id', '=', cycleId)
    .where(sql<boolean>`s.targets ? 'derived'`)
    .orderBy('s.id')
    .execute()
}
