import type { PeriodSample } from '../core/sampling/apply-sampling-source.ts'
import type { Db } from './database.ts'

// The weekly sample scores (每周抽查) of many agents at once, for computing their sheets in one query per batch.

/** Each agent's scored samples in the given ISO weeks, by employee id (agents without samples are absent). */
export async function listPeriodSamples(
  db: Db,
  companyId: number,
  employeeIds: readonly number[],
  weeks: readonly string[],
): Promise<Map<number, PeriodSample[]>> {
  const byEmployee = new Map<number, PeriodSample[]>()
  if (employeeIds.length === 0 || weeks.length === 0) return byEmployee
  const rows = await db
    .selectFrom('sample_scores as s')
    .innerJoin('sample_draws as d', 'd.id', 's.draw_id')
    .select(['d.employee_id', 'd.week', 's.score'])
    .where('s.company_id', '=', companyId)
    .where('d.employee_id', 'in', [...new Set(employeeIds)])
    .where('d.week', 'in', [...weeks])
    .orderBy('d.employee_id')
    .orderBy('d.week')
    .orderBy('s.id')
    .execute()
  for (const r of rows) {
    const sample = { week: r.week, score: Number(r.score) }
    const list = byEmployee.get(r.employee_id)
    if (list) list.push(sample)
    else byEmployee.set(r.employee_id, [sample])
  }
  return byEmployee
}
