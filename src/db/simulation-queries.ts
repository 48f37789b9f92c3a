import { sql } from 'kysely'
import { scoredSheetStates } from '../core/workflow/sheet-workflow.ts'
import type { Db } from './database.ts'
import type { SheetRow } from './sheet-repository.ts'

// What a simulation (what-if of a draft template or pay scheme on a finished cycle) reads. Reads only: a
// simulation never locks or writes a sheet.

export type SimulationSheet = SheetRow & {
  peer_list: { indicators: unknown; comment: string | null }[]
  employee_no: string
  employee_name: string
  department_name: string | null
  position_name: string | null
}

/** A cycle's scored sheets (computed or later) with their submitted peer reviews and names, in employee order. */
export async function listScoredSheetsWithPeerReviews(
  db: Db,
  companyId: number,
  cycleId: number,
): Promise<SimulationSheet[]> {
  return db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('employees as e', 'e.id', 's.employee_id')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('positions as p', 'p.id', 's.position_id')
    .selectAll('s')
    .select([
      'e.employee_no',
      'e.name as employee_name',
      'd.name as department_name',
      'p.name as position_name',
    ])
    .select(
      sql<{ indicators: unknown; comment: string | null }[]>`(
        select coalesce(jsonb_agg(jsonb_build_object('indicators', pr.indicators, 'comment', pr.comment) order by pr.id), '[]'::jsonb)
        from peer_reviews pr where pr.sheet_id = s.id and pr.submitted_at is not null)`.as('peer_list'),
    )
    .where('s.company_id', '=', companyId)
    .where('s.cycle_id', '=', cycleId)
    .where('s.state', 'in', scoredSheetStates)
    .orderBy('e.employee_no')
    .orderBy('s.id')
    .execute()
}

/** The template versions the given ids name, each with its template's id and code (a company's own only). */
export async function listTemplateVersionsByIds(
  db: Db,
  companyId: number,
  ids: readonly number[],
): Promise<{ id: number; templateId: number; code: string; version: number; definition: unknown }[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('template_versions as tv')
    .innerJoin('templates as t', 't.id', 'tv.template_id')
    .select(['tv.id', 'tv.template_id', 't.code', 'tv.version', 'tv.definition'])
    .where('t.company_id', '=', companyId)
    .where('tv.id', 'in', [...ids])
    .execute()
  return rows.map((r) => ({
    id: r.id,
    templateId: r.template_id,
    code: r.code,
    version: r.version,
    definition: r.definition,
  }))
}
