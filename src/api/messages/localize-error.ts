import type { MiddlewareHandler } from 'hono'
import { englishOf } from './english-messages.ts'
import { languageOf, type MessageLanguage, withMessageLanguage } from './request-language.ts'
import { toTraditionalChinese } from './traditional-chinese.ts'

// Every error answer in the language the client asked for (Accept-Language; the web app sends its interface
// language): the server writes its messages in zh-CN, some followed by their English (`中文 / English`,
// `中文（English）`). zh-CN gets the Chinese half; zh-TW gets it converted by OpenCC; en gets the English half,
// or the English of the message catalogue (english-messages.ts), or the zh-CN text when the catalogue has none.
// A client that states no language gets the messages as written, so scripts and old clients see no change.

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/
const cjkCount = (text: string) => text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0
const isEnglish = (text: string) =>
  (text.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 3 && (text.match(/[A-Za-z]/g)?.length ?? 0) > cjkCount(text)

/** The Chinese and (when the message carries it) English halves of a server message. */
export function splitBilingual(text: string): { zh: string; en?: string } {
  // `file.csv: 中文 / English`: the file name (or field) before the Chinese stays in front of the English.
  const prefixOf = (zh: string) => /^([^：]+?: )/.exec(zh)?.[1] ?? ''
  for (let at = text.indexOf(' / '); at >= 0; at = text.indexOf(' / ', at + 1)) {
    const [zh, en] = [text.slice(0, at), text.slice(at + 3)]
    if (!cjk.test(zh) || !isEnglish(en)) continue
    const prefix = prefixOf(zh)
    return { zh, en: en.startsWith(prefix) ? en : `${prefix}${en}` }
  }
  const bracket = /（([^（）]*)）/g
  for (const match of text.matchAll(bracket)) {
    const inner = match[1] ?? ''
    if (!isEnglish(inner)) continue
    const zh = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim()
    return { zh, en: `${prefixOf(zh)}${inner}` }
  }
  return { zh: text }
}

/** One piece in English by the catalogue, keeping a `path: ` or `file: ` before it; undefined if unknown. */
function catalogueEnglish(piece: string): string | undefined {
  const whole = englishOf(piece)
  if (whole !== undefined) return whole
  const prefixed = /^([^：]+?): (.+)$/s.exec(piece)
  if (!prefixed) return undefined
  const rest = splitBilingual(prefixed[2] ?? '')
  const english = rest.en ?? englishOf(rest.zh)
  return english === undefined ? undefined : `${prefixed[1]}: ${english}`
}

function toEnglish(text: string, zh: string): string {
  const whole = catalogueEnglish(zh)
  if (whole !== undefined) return whole
  // A joined message (`path: 问题；path: 问题`) is put into English issue by issue.
  const pieces = zh.split('；')
  if (pieces.length < 2) return text
  const english = pieces.map((piece) => catalogueEnglish(piece) ?? (cjk.test(piece) ? undefined : piece))
  return english.every((p) => p !== undefined) ? english.join('; ') : text
}

/** A server message in `language`. */
export function localizeMessage(text: string, language: MessageLanguage): string {
  if (!cjk.test(text)) return text
  const { zh, en } = splitBilingual(text)
  if (language === 'en') return en ?? toEnglish(text, zh)
  return language === 'zh-TW' ? toTraditionalChinese(zh) : zh
}

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } }

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | undefined)?.error
  return typeof error === 'object' && error !== null && typeof error.message === 'string'
}

/** The error body with its message and each issue's message in `language`. */
export function localizeErrorBody(body: ErrorBody, language: MessageLanguage): ErrorBody {
  const { error } = body
  return {
    ...body,
    error: {
      ...error,
      message: localizeMessage(error.message, language),
      ...(error.issues
        ? { issues: error.issues.map((i) => ({ ...i, message: localizeMessage(i.message, language) })) }
        : {}),
    },
  }
}

/**
 * Runs the request in the language of its Accept-Language header (zod's messages follow it) and rewrites an
 * error answer's messages into that language. Mounted before every other /api middleware, so that refusals
 * made before a route (body too large, control characters, Idempotency-Key) are answered in it too.
 */
export function localizeErrors(): MiddlewareHandler {
  return async (c, next) => {
    const language = languageOf(c.req.header('accept-language'))
    await withMessageLanguage(language, next)
    if (language === undefined || c.res.status < 400) return
    if (!/json/i.test(c.res.headers.get('content-type') ?? '')) return
    const body: unknown = await c.res
      .clone()
      .json()
      .catch(() => undefined)
    if (!isErrorBody(body)) return
    const headers = new Headers(c.res.headers)
    headers.delete('content-length')
    headers.set('content-language', language)
    const status = c.res.status
    c.res = undefined
    c.res = new Response(JSON.stringify(localizeErrorBody(body, language)), { status, headers })
  }
}
