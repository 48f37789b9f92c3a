import { sql } from 'kysely'
import { scoredSheetStates } from '../core/workflow/sheet-workflow.ts'
import type { Db } from './database.ts'
import type { SheetRow } from './sheet-repository.ts'

// What a cycle's compute job reads: the sheets due, their template versions, the roll-up sources, and each
// batch's rows locked with their submitted peer reviews.

/** Ids of a cycle's sheets in one state, in id order. */
export async function listCycleSheetIdsInState(
  db: Db,
  companyId: number,
  cycleId: number,
  state: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('appraisal_sheets')
    .select('id')
    .where('company_id', '=', companyId)
    .where('cycle_id', '=', cycleId)
    .where('state', '=', state)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Every template version a cycle's sheets are pinned to, with its definition. */
export async function listCycleTemplateVersions(
  db: Db,
  cycleId: number,
): Promise<{ id: number; definition: unknown }[]> {
  return db
    .selectFrom('template_versions')
    .select(['id', 'definition'])
    .where('id', 'in', (eb) =>
      eb.selectFrom('appraisal_sheets').select('template_version_id').where('cycle_id', '=', cycleId),
    )
    .execute()
}

/** Names of the given cycles (roll-up sources), by id. */
export async function listCycleNames(db: Db, cycleIds: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>()
  if (cycleIds.length === 0) return names
  const rows = await db
    .selectFrom('cycles')
    .select(['id', 'name'])
    .where('id', 'in', [...cycleIds])
    .execute()
  for (const c of rows) names.set(c.id, c.name)
  return names
}

/** How many of a cycle's sheets are in each state. */
export async function countCycleSheetsByState(db: Db, cycleId: number): Promise<Record<string, number>> {
  const states = await db
    .selectFrom('appraisal_sheets')
    .select(['state', sql<number>`count(*)::int`.as('n')])
    .where('cycle_id', '=', cycleId)
    .groupBy('state')
    .execute()
  return Object.fromEntries(states.map((s) => [s.state, Number(s.n)]))
}

export type SheetWithPeerReviews = SheetRow & {
  peer_list: {
    indicators: unknown
    comment: string | null
    kind: 'peer' | 'assessor'
    pending: boolean
    keys: string[] | null
  }[]
}

/**
 * Locks the given sheets that are still in `state` (for the rest of the transaction), each with its submitted
 * peer reviews, in id order. Ids travel as one array parameter (a long IN list costs more to bind and plan than
 * the lookup itself); the peer reviews come along, so no second round trip is needed.
 */
export async function lockSheetsWithPeerReviews(
  db: Db,
  ids: readonly number[],
  state: string,
): Promise<SheetWithPeerReviews[]> {
  return db
    .selectFrom('appraisal_sheets as s')
    .selectAll('s')
    .select(
      sql<SheetWithPeerReviews['peer_list']>`(
        select coalesce(jsonb_agg(jsonb_build_object('indicators', p.indicators, 'comment', p.comment, 'kind', p.kind,
          'pending', p.submitted_at is null, 'keys', p.indicator_keys) order by p.id), '[]'::jsonb)
        from peer_reviews p where p.sheet_id = s.id and (p.submitted_at is not null or p.kind = 'assessor'))`.as(
        'peer_list',
      ),
    )
    .where(sql<boolean>`s.id = any(${ids}::int[])`)
    .where('s.state', '=', state)
    .orderBy('s.id')
    .forUpdate('s')
    .execute()
}

/** Scored totals of the given cycles for the given employees (roll-up sources), keyed `cycleId:employeeId`. */
export async function listScoredTotals(
  db: Db,
  cycleIds: readonly number[],
  employeeIds: readonly number[],
): Promise<Map<string, number>> {
  const totals = new Map<string, number>()
  if (cycleIds.length === 0) return totals
  const rows = await db
    .selectFrom('appraisal_sheets')
    .select(['cycle_id', 'employee_id', 'total'])
    .where('cycle_id', 'in', [...cycleIds])
    .where('employee_id', 'in', [...employeeIds])
    .where('total', 'is not', null)
    .where('state', 'in', scoredSheetStates)
    .execute()
  for (const t of rows) totals.set(`${t.cycle_id}:${t.employee_id}`, Number(t.total))
  return totals
}
