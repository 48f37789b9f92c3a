import { z } from 'zod'
import { currentMessageLanguage } from './request-language.ts'

type Locale = ReturnType<typeof z.locales.zhCN>
type Issue = Parameters<NonNullable<Locale['localeError']>>[0]

// zod's generic messages in the language of the request being validated: English for `en`, zh-CN otherwise
// (zh-TW is converted from it with every other message, see localize-error.ts).

/** A locale that says a number past double range (`1e400`, parsed as Infinity) is out of range. */
function withFiniteNumbers(locale: Locale, outOfRange: string, notANumber: string): Locale {
  return {
    ...locale,
    localeError: (issue: Issue) => {
      if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof issue.input === 'number')
        return Number.isNaN(issue.input) ? notANumber : outOfRange
      return locale.localeError?.(issue)
    },
  }
}

/** zod's zh-CN messages, except that a number past double range is out of range, not "期望 数字，实际接收 数字". */
export function zhCNWithFiniteNumbers(): Locale {
  return withFiniteNumbers(z.locales.zhCN(), '数字超出范围（必须是有限的数字）', '不是有效的数字')
}

/** zod's messages in the current request's language (see request-language.ts); for z.config once. */
export function zodLocaleByRequestLanguage(): Locale {
  const zhCN = zhCNWithFiniteNumbers()
  const en = withFiniteNumbers(
    z.locales.en(),
    'Number out of range (it must be finite)',
    'Not a valid number',
  )
  return {
    localeError: (issue: Issue) =>
      (currentMessageLanguage() === 'en' ? en : zhCN).localeError?.(issue) ?? zhCN.localeError?.(issue),
  }
}
