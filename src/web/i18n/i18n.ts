import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import zhCN from './zh-CN.json'
import zhTW from './zh-TW.json'

// The three interface languages; zh-CN is the default and the fallback for a missing key.
export const languages = ['zh-CN', 'zh-TW', 'en'] as const
export type Language = (typeof languages)[number]
export const defaultLanguage: Language = 'zh-CN'

// Each feature may keep its own strings in `features/<feature>/locales/<language>.json`, one top-level
// key per feature, so features grow their translations without touching one shared file.
const featureLocales = import.meta.glob<{ default: Record<string, unknown> }>(
  '../features/*/locales/*.json',
  {
    eager: true,
  },
)

function withFeatureStrings(base: object, lng: Language): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base }
  for (const [path, module] of Object.entries(featureLocales)) {
    if (path.endsWith(`/${lng}.json`)) Object.assign(merged, module.default)
  }
  return merged
}

export const resources = {
  'zh-CN': { translation: withFeatureStrings(zhCN, 'zh-CN') },
  'zh-TW': { translation: withFeatureStrings(zhTW, 'zh-TW') },
  en: { translation: withFeatureStrings(en, 'en') },
} satisfies Record<Language, { translation: object }>

const storageKey = 'jixiao.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

// The stored choice when it is one of ours, otherwise the default (an old or hand-edited value is ignored).
export function readStoredLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  try {
    const stored = storage?.getItem(storageKey)
    return isLanguage(stored) ? stored : defaultLanguage
  } catch {
    return defaultLanguage
  }
}

// Whether the person has picked a language on this browser (the picker writes it; the default does not).
export function hasStoredLanguage(storage: Pick<Storage, 'getItem'> | undefined = browserStorage()): boolean {
  try {
    return isLanguage(storage?.getItem(storageKey))
  } catch {
    return false
  }
}

function browserStorage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage
}

// Initialises i18next once with the stored language; resources are bundled, so this resolves at once.
export async function initI18n(): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    const lng = readStoredLanguage(browserStorage())
    await i18next.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: defaultLanguage,
      supportedLngs: [...languages],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    })
    setDocumentLanguage(lng)
  }
  return i18next
}

// Switches the interface language and remembers the choice in localStorage.
export async function changeLanguage(lng: Language): Promise<void> {
  try {
    browserStorage()?.setItem(storageKey, lng)
  } catch {
    // private mode or a full quota: the choice simply does not persist
  }
  await i18next.changeLanguage(lng)
  setDocumentLanguage(lng)
}

function setDocumentLanguage(lng: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}
