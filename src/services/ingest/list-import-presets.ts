import type { FactKindInfo, ImportPreset } from '../../contracts/ingest-api.ts'
import { factKinds } from '../../core/ingest/fact-kinds.ts'
import { presets } from '../../core/ingest/presets/detect-preset.ts'

/** The mapping presets (platform exports and generic files), with the header cells that identify each. */
export function listImportPresets(): ImportPreset[] {
  return presets.map((p) => ({ name: p.name, label: p.label, kind: p.kind, signature: [...p.signature] }))
}

/** The fact kinds and the columns a mapping can fill (derived columns left out). */
export function listFactKinds(): FactKindInfo[] {
  return Object.values(factKinds).map((k) => ({
    name: k.name,
    label: k.label,
    columns: k.columns
      .filter((col) => !col.derived)
      .map((col) => ({ name: col.name, label: col.label, type: col.type, required: col.required === true })),
  }))
}
