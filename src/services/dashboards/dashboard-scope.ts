import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { DomainError } from '../../core/errors.ts'
import { defaultGrades } from '../../core/results/default-scoring.ts'
import { roundScore } from '../../core/scoring/round-score.ts'
import type { LocalizedText } from '../../core/templates/template.ts'
import { scoredSheetStates } from '../../core/workflow/sheet-workflow.ts'
import type { Db } from '../../db/database.ts'
import { reportingTreeIds } from '../../db/organisation-repository.ts'

// What every dashboard shares: which sheets the reader may aggregate (as SQL on `appraisal_sheets s`), which
// states count as scored, which cycle is shown, and the labels read from the pinned template versions.

/** States whose total is computed (计算完成及之后); the one list lives in core. */
export const scoredStates = scoredSheetStates

/** The sheets a dashboard aggregates: the company, a reporting tree (with or without its root), or one employee. */
export type SheetScope =
  | { kind: 'all' }
  | { kind: 'tree'; rootEmployeeId: number; includeRoot: boolean }
  | { kind: 'self'; employeeId: number }

/** The SQL condition on `appraisal_sheets s` for a company, a scope and optionally a department subtree. */
export function sheetCondition(
  companyId: number,
  scope: SheetScope,
  departmentId?: number,
): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`s.company_id = ${companyId}`]
  if (scope.kind === 'tree') {
    parts.push(sql`s.employee_id in ${reportingTreeIds(companyId, scope.rootEmployeeId)}`)
    if (!scope.includeRoot) parts.push(sql`s.employee_id <> ${scope.rootEmployeeId}`)
  }
  if (scope.kind === 'self') parts.push(sql`s.employee_id = ${scope.employeeId}`)
  if (departmentId !== undefined) {
    parts.push(sql`s.department_id in (
      with recursive dept(id) as (
        select id from departments where company_id = ${companyId} and id = ${departmentId}
        union
        select d.id from departments d join dept on d.parent_id = dept.id where d.company_id = ${companyId}
      )
      select id from dept)`)
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`
}

/** `s.state in (…scored…) and s.total is not null`. */
export const isScored = sql<SqlBool>`(s.state in (${sql.join(scoredStates.map((s) => sql.lit(s)))}) and s.total is not null)`

export type CycleRef = {
  id: number
  name: string
  kind: 'monthly' | 'quarterly' | 'annual'
  periodStart: string
  periodEnd: string
}

/**
 * The cycle a dashboard shows: the one asked for (404 when it has no sheet the reader may see, unless the
 * reader sees the whole company), else the latest with a scored sheet in scope, else the latest with any.
 */
export async function resolveDashboardCycle(
  db: Db,
  condition: RawBuilder<SqlBool>,
  companyId: number,
  cycleId: number | undefined,
  wholeCompany: boolean,
): Promise<CycleRef | null> {
  const columns = sql`c.id, c.name, c.kind, c.period_start::text as period_start, c.period_end::text as period_end`
  type Row = { id: number; name: string; kind: CycleRef['kind']; period_start: string; period_end: string }
  let row: Row | undefined
  if (cycleId !== undefined) {
    const visible = wholeCompany
      ? sql`true`
      : sql`exists (select 1 from appraisal_sheets s where s.cycle_id = c.id and ${condition})`
    row = (
      await sql<Row>`select ${columns} from cycles c
        where c.company_id = ${companyId} and c.id = ${cycleId} and ${visible}`.execute(db)
    ).rows[0]
    if (!row) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
  } else {
    row = (
      await sql<Row>`select ${columns} from cycles c
        where c.company_id = ${companyId}
          and exists (select 1 from appraisal_sheets s where s.cycle_id = c.id and ${condition})
        order by exists (select 1 from appraisal_sheets s where s.cycle_id = c.id and ${condition} and ${isScored}) desc,
          c.period_end desc, c.id desc
        limit 1`.execute(db)
    ).rows[0]
  }
  if (!row) return null
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  }
}

/** A numeric (decimal string) from SQL as a score rounded once to 2 decimals; null stays null. */
export function toScore(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null
  const n = Number(value)
  return Number.isFinite(n) ? roundScore(n) : null
}

export type TemplateLabels = {
  grades: Map<string, LocalizedText>
  indicators: Map<string, { name: string; unit: string | null; dimension: string }>
}

type DefinitionPart = {
  grades: { grade: string; label: LocalizedText }[] | null
  dimensions: { name: string; indicators: { key: string; name: string; unit?: string }[] }[] | null
}

/** Grade labels and indicator names of the template versions a set of sheets pinned (first definition wins). */
export async function loadTemplateLabels(db: Db, versionIds: number[]): Promise<TemplateLabels> {
  const labels: TemplateLabels = { grades: new Map(), indicators: new Map() }
  if (versionIds.length === 0) return labels
  const rows = await db
    .selectFrom('template_versions')
    .select([
      sql<DefinitionPart['grades']>`definition->'scoring'->'grades'`.as('grades'),
      sql<DefinitionPart['dimensions']>`definition->'dimensions'`.as('dimensions'),
    ])
    .where('id', 'in', versionIds)
    .orderBy('id')
    .execute()
  for (const row of rows) {
    for (const g of row.grades ?? []) if (!labels.grades.has(g.grade)) labels.grades.set(g.grade, g.label)
    for (const d of row.dimensions ?? [])
      for (const i of d.indicators ?? [])
        if (!labels.indicators.has(i.key))
          labels.indicators.set(i.key, { name: i.name, unit: i.unit ?? null, dimension: d.name })
  }
  for (const g of defaultGrades) if (!labels.grades.has(g.grade)) labels.grades.set(g.grade, g.label)
  return labels
}
