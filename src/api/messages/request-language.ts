import { AsyncLocalStorage } from 'node:async_hooks'

// The language a client asks the server to write its messages in: the web app sends its interface language as
// Accept-Language on every request. zh-CN is the default; a client that states no language gets the messages
// exactly as the server writes them (zh-CN, some with the English after it for scripts and operators).

export const messageLanguages = ['zh-CN', 'zh-TW', 'en'] as const
export type MessageLanguage = (typeof messageLanguages)[number]

/** The first language of an Accept-Language header (by q-value) that we write; undefined when none is. */
export function languageOf(header: string | undefined): MessageLanguage | undefined {
  if (!header) return undefined
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...options] = part.trim().split(';')
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find((v) => v !== undefined)
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), order }
    })
    .filter((r) => r.tag !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
  for (const { tag } of ranges) {
    if (/^zh-(tw|hk|mo|hant)\b/.test(tag)) return 'zh-TW'
    if (tag === 'zh' || /^zh-/.test(tag)) return 'zh-CN'
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return undefined
}

const storage = new AsyncLocalStorage<MessageLanguage>()

/** Runs `work` with `language` as the current request's message language (read by zod's messages). */
export function withMessageLanguage<T>(language: MessageLanguage | undefined, work: () => T): T {
  return language === undefined ? work() : storage.run(language, work)
}

/** The message language of the request being handled; zh-CN outside a request or when none was stated. */
export function currentMessageLanguage(): MessageLanguage {
  return storage.getStore() ?? 'zh-CN'
}
