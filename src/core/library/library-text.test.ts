import { describe, expect, it } from 'vitest'
import { builtinJobDescriptions } from './builtin-job-descriptions.ts'
import { builtinPaySchemes } from './builtin-pay-schemes.ts'
import { builtinPositions } from './builtin-positions.ts'
import { builtinTemplates } from './builtin-templates.ts'

// The built-in library is shown to HR and to customers as it is: its text must read as a finished product,
// with no development notes (seed hashes, repair notes, field paths, metric codes, placeholders, brand names).

/** Fields whose values are identifiers read by code, never shown as text. */
const identifierFields = new Set([
  'code',
  'key',
  'templateCode',
  'templateCodes',
  'alternatives',
  'metric',
  'input',
  'shape',
  'kind',
  'rater',
  'direction',
  'type',
  'period',
  'scale',
  'attribution',
  'level',
  'whenMissing',
  'onMissing',
  'missing',
  'formula',
  'expression',
  'id',
  'unit',
  'basis',
  'from',
  'grade',
  'fact',
])

type Found = { where: string; text: string }

/** Every string in a value, with the path that leads to it, leaving out identifier fields. */
function visibleStrings(value: unknown, where: string, out: Found[] = []): Found[] {
  if (typeof value === 'string') out.push({ where, text: value })
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) visibleStrings(v, `${where}[${i}]`, out)
  } else if (value && typeof value === 'object') {
    for (const [field, v] of Object.entries(value)) {
      if (identifierFields.has(field)) continue
      visibleStrings(v, `${where}.${field}`, out)
    }
  }
  return out
}

const markers: [string, RegExp][] = [
  ['hash-like hex run', /[0-9a-f]{8,}/i],
  ['seed (种子)', /种子/],
  ['original table (原表)', /原表/],
  ['original text (原文)', /原文/],
  ['default marker (默认值（)', /默认值（/],
  ['field path', /\[\d+\]\.|\b[a-z]+[A-Z]\w*\.[a-z]+[A-Z]?\w*/],
  ['blank placeholder', /_{3,}/],
  ['brand name', /百胜/],
  ['metric code', /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/],
  ['TODO', /TODO|FIXME|XXX/],
  ['seed file', /\.txt\b/],
]

/** The markers a text carries, by name. */
function developmentMarkersIn(text: string): string[] {
  return markers.filter(([, pattern]) => pattern.test(text)).map(([name]) => name)
}

const library: Found[] = [
  ...builtinTemplates.flatMap((t) => visibleStrings(t, t.code)),
  ...builtinPositions.flatMap((p) => visibleStrings(p, `position ${p.name}`)),
  ...builtinPaySchemes.flatMap((s, i) =>
    visibleStrings({ source: s.source, notes: s.notes }, `pay scheme ${i}`),
  ),
  ...Object.entries(builtinJobDescriptions).flatMap(([name, jd]) =>
    visibleStrings(jd, `job description ${name}`),
  ),
]

describe('built-in library text', () => {
  it('finds each marker in the development notes the library used to ship', () => {
    // Strings taken from the library before it was cleaned up.
    for (const old of [
      '种子未划分维度，全部六项归入"考核项目"（100分）。',
      '默认值（种子未给出）：按考核月内日均独立访客（uv_daily_average）计。',
      '网络推广___月绩效考核表',
      '其他考核项目（原表缺失）',
      '每日在问答类平台发布问答（种子原文乱码，数量未给出）',
      'dimensions[0].maxPoints 为 38',
      '百胜电商部',
      '002_3b338a4c7be2c5e8.txt',
    ]) {
      expect(developmentMarkersIn(old), old).not.toEqual([])
    }
    expect(developmentMarkersIn('本表按考核月内日均独立访客计分。')).toEqual([])
  })

  it('walks a meaningful amount of text', () => {
    expect(library.length).toBeGreaterThan(1000)
  })

  it('shows no development notes in any template, position, pay scheme or job description', () => {
    const offending = library
      .map((f) => ({ ...f, markers: developmentMarkersIn(f.text) }))
      .filter((f) => f.markers.length > 0)
      .map((f) => `${f.where}: ${f.markers.join(', ')} — ${f.text}`)
    expect(offending).toEqual([])
  })

  it('has a job description for every position the library names', () => {
    for (const p of builtinPositions) {
      const jd = builtinJobDescriptions[p.name]
      expect(jd, p.name).toBeDefined()
    }
  })
})
