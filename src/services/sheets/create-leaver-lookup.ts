import {
  type CountedLeaver,
  countLeaversByTenure,
  type TenureBand,
} from '../../core/organisation/count-leavers-by-tenure.ts'
import { departmentsUnder } from '../../core/organisation/departments-under.ts'
import type { Template } from '../../core/templates/template.ts'
import type { Db } from '../../db/database.ts'
import { listDepartmentParents, listLeaversInPeriod } from '../../db/leaver-queries.ts'

/** The turnover input read from the organisation for one sheet: the period, the counts per tenure band and who was counted. */
export type LeaverSource = {
  periodStart: string
  periodEnd: string
  counts: Record<TenureBand, number>
  leavers: CountedLeaver[]
}

export type LeaverLookup = {
  /** The leavers-by-tenure input of each such indicator of the template, for a sheet's department, by indicator key. */
  leaversFor(template: Template, sheet: { department_id: number | null }): Record<string, LeaverSource>
}

/** The keys of a template's indicators that read leavers by tenure from the organisation. */
export function leaverIndicatorKeys(template: Template): string[] {
  return template.dimensions
    .flatMap((d) => d.indicators)
    .filter((i) => i.dataSource.kind === 'organisation')
    .map((i) => i.key)
}

/**
 * Reads the period's leavers once (only when a template needs them) and answers per sheet: the leavers of the
 * sheet's department and the departments under it (the whole company for a sheet without a department), counted
 * by tenure band from hire and leave dates (002 T9).
 */
export async function loadLeaverLookup(
  db: Db,
  companyId: number,
  period: { start: string; end: string },
  templates: Iterable<Template>,
): Promise<LeaverLookup> {
  const needed = [...templates].some((t) => leaverIndicatorKeys(t).length > 0)
  if (!needed) return { leaversFor: () => ({}) }
  const [leavers, departments] = await Promise.all([
    listLeaversInPeriod(db, companyId, period.start, period.end),
    listDepartmentParents(db, companyId),
  ])
  const byDepartment = new Map<number | null, LeaverSource>()
  const sourceFor = (departmentId: number | null): LeaverSource => {
    let source = byDepartment.get(departmentId)
    if (!source) {
      const scope = departmentId === null ? undefined : departmentsUnder(departments, departmentId)
      const people = leavers.filter((l) => !scope || (l.departmentId !== null && scope.has(l.departmentId)))
      const counted = countLeaversByTenure(people, period.start, period.end)
      source = { periodStart: period.start, periodEnd: period.end, ...counted }
      byDepartment.set(departmentId, source)
    }
    return source
  }
  return {
    leaversFor(template, sheet) {
      const out: Record<string, LeaverSource> = {}
      for (const key of leaverIndicatorKeys(template)) out[key] = sourceFor(sheet.department_id)
      return out
    },
  }
}
