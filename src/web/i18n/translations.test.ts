import { describe, expect, it } from 'vitest'
import { defaultLanguage, hasStoredLanguage, languages, readStoredLanguage, resources } from './i18n.ts'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort()
}

const flat = Object.fromEntries(
  languages.map((lng) => [lng, flatten(resources[lng].translation as Tree)]),
) as Record<(typeof languages)[number], Map<string, string>>

describe('translation files', () => {
  const reference = flat[defaultLanguage]

  it.each(languages)(
    '%s has exactly the keys of zh-CN, so no screen falls back to another language',
    (lng) => {
      expect([...flat[lng].keys()].sort()).toEqual([...reference.keys()].sort())
    },
  )

  it.each(languages)(
    '%s keeps every {{placeholder}} of zh-CN, so interpolated values are never lost',
    (lng) => {
      for (const [key, text] of reference) {
        expect(placeholders(flat[lng].get(key) ?? ''), key).toEqual(placeholders(text))
      }
    },
  )

  it.each(languages)('%s has no empty strings', (lng) => {
    for (const [key, text] of flat[lng]) expect(text.trim(), key).not.toBe('')
  })

  it('uses traditional characters in zh-TW where zh-CN uses simplified ones', () => {
    expect(flat['zh-TW'].get('nav.organisation')).toBe('組織架構')
    expect(flat['zh-CN'].get('nav.organisation')).toBe('组织架构')
  })
})

describe('readStoredLanguage', () => {
  const storage = (value: string | null) => ({ getItem: () => value })

  it('returns a stored supported language', () => {
    expect(readStoredLanguage(storage('en'))).toBe('en')
    expect(readStoredLanguage(storage('zh-TW'))).toBe('zh-TW')
  })

  it('falls back to zh-CN for nothing, an unknown value, or a storage that throws', () => {
    expect(readStoredLanguage(storage(null))).toBe('zh-CN')
    expect(readStoredLanguage(storage('fr'))).toBe('zh-CN')
    expect(readStoredLanguage(undefined)).toBe('zh-CN')
    expect(
      readStoredLanguage({
        getItem: () => {
          throw new Error('denied')
        },
      }),
    ).toBe('zh-CN')
  })
})

describe('hasStoredLanguage', () => {
  it('is true only for a supported stored choice', () => {
    expect(hasStoredLanguage({ getItem: () => 'zh-TW' })).toBe(true)
    expect(hasStoredLanguage({ getItem: () => null })).toBe(false)
    expect(hasStoredLanguage({ getItem: () => 'fr' })).toBe(false)
  })
})
