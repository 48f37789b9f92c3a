import { DomainError } from '../../errors.ts'
import type { FactKindName } from '../fact-kinds.ts'
import { genericPresets } from './generic-presets.ts'
import { marketplacePresets } from './marketplace-presets.ts'
import { platformPresets } from './platform-presets.ts'
import { normaliseHeader, type Preset } from './preset.ts'

// Finds the header row of an export and the preset whose columns it carries.
export const presets: Preset[] = [...platformPresets, ...marketplacePresets, ...genericPresets]

export function findPreset(name: string): Preset | undefined {
  return presets.find((p) => p.name === name)
}

/** A preset from a user's own column mapping (fact column → header text), e.g. one saved by the import wizard. */
export function customPreset(name: string, kind: FactKindName, mapping: Record<string, string>): Preset {
  const columns = Object.fromEntries(Object.entries(mapping).map(([target, header]) => [target, [header]]))
  return {
    name,
    label: { zh: `自定义映射 ${name}`, en: `Custom mapping ${name}` },
    kind,
    columns,
    signature: Object.values(mapping),
  }
}

/** Where the header is and how its columns map to the fact kind's columns (target → file column index). */
export type HeaderMatch = {
  preset: Preset
  /** 0-based index of the (last) header row among the rows looked at. */
  headerRow: number
  headers: string[]
  mapping: Record<string, number>
}

/** Builds `group|field` headers from a group row with merged (blank) cells above a field row. */
export function combineHeaderRows(groupRow: string[], fieldRow: string[]): string[] {
  let group = ''
  return fieldRow.map((field, i) => {
    const g = (groupRow[i] ?? '').trim()
    if (g !== '') group = g
    const f = field.trim()
    return group === '' || group === f || i === 0 ? f : `${group}|${f}`
  })
}

function mapHeaders(
  preset: Preset,
  headers: string[],
): { mapping: Record<string, number>; missing: string[] } | null {
  const index = new Map<string, number>()
  headers.forEach((h, i) => {
    const key = normaliseHeader(h)
    if (key !== '' && !index.has(key)) index.set(key, i)
  })
  for (const sig of preset.signature) if (!index.has(normaliseHeader(sig))) return null
  const mapping: Record<string, number> = {}
  const missing: string[] = []
  for (const [target, aliases] of Object.entries(preset.columns)) {
    const found = aliases.map((a) => index.get(normaliseHeader(a))).find((i) => i !== undefined)
    if (found !== undefined) mapping[target] = found
    else missing.push(target)
  }
  if ((preset.requires ?? []).some((target) => mapping[target] === undefined)) return null
  return { mapping, missing }
}

/**
 * Looks at the first rows of a file (banner rows, blank rows, two-row headers allowed) and returns
 * the best preset: the named one, else the one matching the most columns among those for `kind`.
 */
export function detectPreset(
  rows: string[][],
  options: { kind?: FactKindName; preset?: string; custom?: Preset } = {},
): HeaderMatch {
  let candidates = presets
  if (options.custom) candidates = [options.custom]
  else if (options.preset) {
    const named = findPreset(options.preset)
    if (!named)
      throw new DomainError('invalid_input', `unknown preset "${options.preset}"`, [
        { path: 'preset', message: `known presets: ${presets.map((p) => p.name).join(', ')}` },
      ])
    candidates = [named]
  } else if (options.kind) candidates = presets.filter((p) => p.kind === options.kind)

  let best: (HeaderMatch & { score: number }) | undefined
  for (let r = 0; r < rows.length; r++) {
    for (const preset of candidates) {
      if (preset.twoRowHeader && r === 0) continue
      const row = rows[r] ?? []
      const headers = preset.twoRowHeader ? combineHeaderRows(rows[r - 1] ?? [], row) : row
      const mapped = mapHeaders(preset, headers)
      if (!mapped) continue
      const score = Object.keys(mapped.mapping).length * 10 + preset.signature.length
      if (!best || score > best.score)
        best = { preset, headerRow: r, headers, mapping: mapped.mapping, score }
    }
  }
  if (best) {
    const { score: _score, ...match } = best
    refuseDuplicatedMappedHeaders(match)
    return match
  }
  throw noPresetError(rows, candidates)
}

/**
 * A header the preset maps that appears twice (two 访客数 columns) leaves it open which one is meant: refused
 * naming the header and both columns. Duplicated headers no mapping reads stay allowed (they are not imported).
 */
function refuseDuplicatedMappedHeaders(match: HeaderMatch): void {
  const issues = []
  for (const index of new Set(Object.values(match.mapping))) {
    const key = normaliseHeader(match.headers[index] ?? '')
    const columns = match.headers.flatMap((h, i) => (normaliseHeader(h) === key ? [i + 1] : []))
    if (columns.length > 1)
      issues.push({
        path: `row ${match.headerRow + 1}.${match.headers[index]}`,
        message: `the header "${match.headers[index]}" appears in columns ${columns.join(', ')}; rename or remove all but one`,
      })
  }
  if (issues.length > 0)
    throw new DomainError(
      'invalid_input',
      `duplicated header ${issues.map((i) => i.path.slice(i.path.indexOf('.') + 1)).join(', ')}: the import cannot tell which column is meant`,
      issues,
    )
}

function noPresetError(rows: string[][], candidates: Preset[]): DomainError {
  const found = rows.find((row) => row.filter((c) => c.trim() !== '').length >= 2) ?? rows[0] ?? []
  const foundText = found.filter((c) => c.trim() !== '').join(', ')
  const issues = candidates.slice(0, 30).map((p) => {
    const have = new Set(found.map(normaliseHeader))
    const expected = [
      ...p.signature,
      ...(p.requires ?? []).map((t) => (p.columns[t] ?? [t]).slice(0, 3).join('/')),
    ]
    const lacking = [
      ...p.signature.filter((s) => !have.has(normaliseHeader(s))),
      ...(p.requires ?? [])
        .filter((t) => !(p.columns[t] ?? []).some((a) => have.has(normaliseHeader(a))))
        .map((t) => (p.columns[t] ?? [t]).slice(0, 3).join('/')),
    ]
    return {
      path: `preset.${p.name}`,
      message: `expects columns ${expected.join(', ')}; missing ${lacking.join(', ')}`,
    }
  })
  return new DomainError(
    'invalid_input',
    `no preset matches the file's header; found columns: ${foundText || '(none)'}`,
    issues,
  )
}
