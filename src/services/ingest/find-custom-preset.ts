import { DomainError } from '../../core/errors.ts'
import { type FactKindName, findFactKind } from '../../core/ingest/fact-kinds.ts'
import { customPreset } from '../../core/ingest/presets/detect-preset.ts'
import type { Preset } from '../../core/ingest/presets/preset.ts'
import type { Db } from '../../db/database.ts'
import { findImportMapping } from '../../db/import-log-repository.ts'

/** The preset a saved mapping (by name) or a given column mapping makes; undefined when neither is asked for. */
export async function findCustomPreset(
  db: Db,
  companyId: number,
  options: { kind?: FactKindName; mapping?: Record<string, string>; savedMapping?: string },
): Promise<Preset | undefined> {
  if (options.savedMapping) {
    const saved = await findImportMapping(db, companyId, options.savedMapping)
    if (!saved) throw new DomainError('not_found', `no saved column mapping "${options.savedMapping}"`)
    const kind = findFactKind(saved.kind)
    if (!kind)
      throw new DomainError('invalid_input', `saved mapping "${saved.name}" names unknown kind ${saved.kind}`)
    return customPreset(`mapping:${saved.name}`, kind.name, saved.mapping)
  }
  if (!options.mapping) return undefined
  if (!options.kind)
    throw new DomainError('invalid_input', 'a column mapping needs the fact kind', [
      { path: 'kind', message: 'missing' },
    ])
  return customPreset('custom', options.kind, options.mapping)
}
