import * as OpenCC from 'opencc-js/cn2t'

// zh-TW messages are converted from the zh-CN text (OpenCC, Taiwan standard with its phrases: 登录 → 登入,
// 文件 → 檔案), so no Traditional copy of any message is kept by hand.

let convert: ((text: string) => string) | undefined

/**
 * Builds the converter (about 2 s of dictionary work, once per process): the server calls it before it listens
 * so that no request waits for it; otherwise the first zh-TW message builds it.
 */
export function prepareTraditionalChinese(): void {
  convert ??= OpenCC.Converter({ from: 'cn', to: 'twp' })
}

/** The text in Traditional Chinese as written in Taiwan. */
export function toTraditionalChinese(text: string): string {
  prepareTraditionalChinese()
  return convert!(text)
}
