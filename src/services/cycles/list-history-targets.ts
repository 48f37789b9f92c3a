import { DomainError } from '../../core/errors.ts'
import type { FrozenDerivedTarget } from '../../core/scoring/derive-target.ts'
import type { Template } from '../../core/templates/template.ts'
import { listCycleTemplateVersions } from '../../db/cycle-compute-queries.ts'
import { findCycle } from '../../db/cycle-repository.ts'
import type { Db } from '../../db/database.ts'
import { listCycleHistoryTargets } from '../../db/history-target-queries.ts'
import type { Actor } from '../auth/actor.ts'
import type { WorkflowDeps } from '../sheets/workflow-deps.ts'

export type HistoryTargetRow = {
  sheetId: number
  employeeName: string
  indicatorKey: string
  indicatorName: string
  target: FrozenDerivedTarget
}

/** Staff only: the cycle, or not_found. */
export async function findStaffCycle(db: Db, actor: Actor, cycleId: number) {
  if (actor.role !== 'admin' && actor.role !== 'hr')
    throw new DomainError('forbidden', '只有管理员和人力资源可以查看和重算历史目标')
  const cycle = await findCycle(db, actor.companyId, cycleId)
  if (!cycle) throw new DomainError('not_found', `考核周期 ${cycleId} 不存在`)
  return cycle
}

/** One row per sheet and indicator whose target was derived from history, with the frozen value and its derivation. */
export async function readHistoryTargetRows(
  db: Db,
  companyId: number,
  cycleId: number,
): Promise<HistoryTargetRow[]> {
  const [sheets, versions] = await Promise.all([
    listCycleHistoryTargets(db, companyId, cycleId),
    listCycleTemplateVersions(db, cycleId),
  ])
  const names = new Map<string, string>()
  for (const v of versions)
    for (const d of (v.definition as Template).dimensions)
      for (const i of d.indicators) names.set(`${v.id}:${i.key}`, i.name)
  return sheets.flatMap((s) =>
    Object.entries((s.targets as { derived?: Record<string, FrozenDerivedTarget> }).derived ?? {}).map(
      ([key, target]) => ({
        sheetId: s.id,
        employeeName: s.employee_name,
        indicatorKey: key,
        indicatorName: names.get(`${s.template_version_id}:${key}`) ?? key,
        target,
      }),
    ),
  )
}

/** HR reads the targets derived from history that are frozen on a cycle's sheets (上月日均UV × 110%…). */
export async function listHistoryTargets(deps: WorkflowDeps, actor: Actor, cycleId: number) {
  await findStaffCycle(deps.db, actor, cycleId)
  return { cycleId, items: await readHistoryTargetRows(deps.db, actor.companyId, cycleId) }
}
