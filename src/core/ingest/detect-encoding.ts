// Decides how a text export is encoded from its first bytes: a BOM wins; otherwise bytes that
// decode as strict UTF-8 are UTF-8, and anything else is taken as GB18030 (a superset of GBK).
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'

export type DetectedEncoding = { encoding: TextEncoding; bomLength: number }

export function detectEncoding(sample: Uint8Array, isWholeFile = false): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  const end = isWholeFile ? sample.length : completeUtf8Length(sample)
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end))
    return { encoding: 'utf-8', bomLength: 0 }
  } catch {
    return { encoding: 'gb18030', bomLength: 0 }
  }
}

/** The length of the sample without a multi-byte UTF-8 sequence cut off at its end. */
function completeUtf8Length(bytes: Uint8Array): number {
  let i = bytes.length - 1
  let back = 0
  while (i >= 0 && back < 4 && ((bytes[i] ?? 0) & 0xc0) === 0x80) {
    i--
    back++
  }
  if (i < 0) return bytes.length
  const lead = bytes[i] ?? 0
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  return need > back + 1 ? i : bytes.length
}

/** Normalises a user-given encoding name (`gbk`, `GB2312`, `utf8`, `utf-8-bom`). */
export function normaliseEncodingName(name: string): TextEncoding | undefined {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (n === 'utf8' || n === 'utf8bom' || n === 'utf8sig') return 'utf-8'
  if (n === 'gbk' || n === 'gb2312' || n === 'gb18030' || n === 'cp936') return 'gb18030'
  if (n === 'utf16le' || n === 'utf16') return 'utf-16le'
  if (n === 'utf16be') return 'utf-16be'
  return undefined
}
