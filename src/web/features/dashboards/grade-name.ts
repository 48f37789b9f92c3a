import type { TFunction } from 'i18next'

type Localized = { 'zh-CN': string; 'zh-TW'?: string; en?: string } | null | undefined

/** A grade's name in the interface language: the template's own label, else the built-in name, else the code. */
export function gradeName(t: TFunction, language: string, grade: string, label?: Localized): string {
  if (label) {
    if (language === 'en' && label.en) return label.en
    if (language === 'zh-TW' && label['zh-TW']) return label['zh-TW']
    if (language !== 'en') return label['zh-CN']
  }
  return t(`dashboards.grades.${grade}`, { defaultValue: label?.['zh-CN'] ?? grade })
}
