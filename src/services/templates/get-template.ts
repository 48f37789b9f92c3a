import { DomainError } from '../../core/errors.ts'
import { labelTemplateMetrics } from '../../core/metrics/label-template-metrics.ts'
import type { Template } from '../../core/templates/template.ts'
import type { Db } from '../../db/database.ts'
import { createTemplateRepository } from '../../db/template-repository.ts'
import type { Actor } from '../auth/actor.ts'

export type TemplateDetail = {
  id: number
  code: string
  name: string
  status: 'active' | 'archived'
  origin: 'builtin' | 'custom'
  latestVersion: number
  version: number
  definition: Template
  /** The names of the metrics the definition reads (好评率, not good_review_rate), by metric key. */
  metricLabels: Record<string, { zh: string; en: string }>
  versions: { version: number; note: string | null; createdAt: Date }[]
}

/** One template at a version (default: the latest), with its version history. */
export async function getTemplate(
  deps: { db: Db },
  actor: Actor,
  idOrCode: number | string,
  version?: number,
): Promise<TemplateDetail> {
  const repo = createTemplateRepository(deps.db)
  const row =
    typeof idOrCode === 'number'
      ? await repo.findById(actor.companyId, idOrCode)
      : await repo.findByCode(actor.companyId, idOrCode)
  if (!row) throw new DomainError('not_found', `template ${idOrCode} does not exist`)
  const wanted = version ?? row.latest_version
  const found = await repo.findVersion(actor.companyId, row.id, wanted)
  if (!found) throw new DomainError('not_found', `template ${row.code} has no version ${wanted}`)
  const versions = await repo.listVersions(actor.companyId, row.id)
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status,
    origin: row.origin,
    latestVersion: row.latest_version,
    version: found.version,
    definition: found.definition,
    metricLabels: labelTemplateMetrics(found.definition),
    versions: versions.map((v) => ({ version: v.version, note: v.note, createdAt: v.created_at })),
  }
}
