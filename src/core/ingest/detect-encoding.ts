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

/** Whether the bytes are well-formed UTF-8 holding at least one multi-byte character (not plain ASCII). */
export function isUtf8Multibyte(bytes: Uint8Array): boolean {
  let multibyte = false
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0
    if (b < 0x80) {
      i++
      continue
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0 || i + need > bytes.length - 1) return false
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return false
    multibyte = true
    i += need + 1
  }
  return multibyte
}

/**
 * Finds, line by line, a file read as GBK/GB18030 that carries a UTF-8 line (or bytes GB18030 cannot decode):
 * its lines would import as mojibake (编码不一致). `push` every chunk of raw bytes, then `end`; each answers the
 * 1-based line number of the first such line, or undefined.
 */
export class MixedEncodingCheck {
  private line = 0
  private carry: Uint8Array = new Uint8Array(0)
  /** The current line is longer than maxLineBytes: only its start is checked, the rest skipped. */
  private skipping = false
  private static readonly maxLineBytes = 64 * 1024

  push(chunk: Uint8Array): number | undefined {
    let from = 0
    for (;;) {
      const nl = chunk.indexOf(10, from)
      if (nl < 0) break
      this.line++
      const line = this.take(chunk.subarray(from, nl))
      if (line && isUtf8Multibyte(line)) return this.line
      from = nl + 1
    }
    this.take(chunk.subarray(from), true)
    return undefined
  }

  end(): number | undefined {
    this.line++
    const line = this.take(new Uint8Array(0))
    return line && isUtf8Multibyte(line) ? this.line : undefined
  }

  /** The whole line (carry + part), or keeps the part as carry when `partial`; undefined for a skipped line. */
  private take(part: Uint8Array, partial = false): Uint8Array | undefined {
    if (partial) {
      if (this.skipping) return undefined
      const joined = new Uint8Array(this.carry.length + part.length)
      joined.set(this.carry)
      joined.set(part, this.carry.length)
      if (joined.length > MixedEncodingCheck.maxLineBytes) {
        this.skipping = true
        this.carry = new Uint8Array(0)
      } else this.carry = joined
      return undefined
    }
    const skipped = this.skipping
    this.skipping = false
    if (skipped) return undefined
    if (this.carry.length === 0) return part
    const joined = new Uint8Array(this.carry.length + part.length)
    joined.set(this.carry)
    joined.set(part, this.carry.length)
    this.carry = new Uint8Array(0)
    return joined
  }
}
