import { createReadStream } from 'node:fs'
import { type FileHandle, open, stat } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'
import { DomainError } from '../../../core/errors.ts'
import {
  type DetectedEncoding,
  detectEncoding,
  normaliseEncodingName,
} from '../../../core/ingest/detect-encoding.ts'
import { inspectZip, type ZipEntry, type ZipLimits } from '../../../core/ingest/inspect-zip.ts'

// Looks at a file before reading it: size limit, format by magic bytes (XLSX, old XLS, HTML
// disguised as .xls, CSV), XLSX zip-bomb limits, and the text encoding of a CSV.
export type SniffedFile =
  | { format: 'csv'; size: number; encoding: DetectedEncoding }
  | { format: 'xlsx'; size: number }

export type SniffOptions = { maxBytes: number; zip: ZipLimits; encoding?: string }

export async function sniffFile(path: string, fileName: string, options: SniffOptions): Promise<SniffedFile> {
  const size = (await stat(path)).size
  if (size > options.maxBytes)
    throw new DomainError(
      'invalid_input',
      `${fileName}: 文件有 ${size} 字节，超过导入上限 ${options.maxBytes} 字节，请按期间拆分 / the file is ${size} bytes, over the import limit of ${options.maxBytes} bytes; split it by period`,
      [{ path: 'file', message: `size ${size} > limit ${options.maxBytes}` }],
    )
  if (size === 0)
    throw new DomainError('invalid_input', `${fileName}: 文件是空的 / the file is empty`, [
      { path: 'file', message: 'empty' },
    ])
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(Math.min(size, 65536))
    await handle.read(head, 0, head.length, 0)
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      const tailLength = Math.min(size, 4 * 1024 * 1024)
      const tail = Buffer.alloc(tailLength)
      await handle.read(tail, 0, tailLength, size - tailLength)
      const verdict = inspectZip(tail, size, options.zip)
      if (!verdict.ok)
        throw new DomainError('invalid_input', `${fileName}: ${verdict.reason}`, [
          { path: 'file', message: verdict.reason },
        ])
      if (!verdict.entries.some((e) => e.name.startsWith('xl/')))
        throw new DomainError(
          'invalid_input',
          `${fileName}: 这是 ZIP 文件，但不是 XLSX 工作簿 / a ZIP file that is not an XLSX workbook`,
          [{ path: 'file', message: 'no xl/ entries' }],
        )
      const lie = await findUnderstatedEntry(handle, path, verdict.entries, options.zip)
      if (lie) throw new DomainError('invalid_input', `${fileName}: ${lie}`, [{ path: 'file', message: lie }])
      return { format: 'xlsx', size }
    }
    if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
      throw new DomainError(
        'invalid_input',
        `${fileName}: 不能读取旧版 Excel（.xls）工作簿，请用 Excel 或 WPS 打开后另存为 .xlsx（或 CSV UTF-8） / old Excel (.xls) workbooks cannot be read; open it in Excel or WPS and save as .xlsx (or CSV UTF-8)`,
        [{ path: 'file', message: 'xls (BIFF) format' }],
      )
    const text = head.subarray(0, 512).toString('latin1').trimStart().toLowerCase()
    if (
      text.startsWith('<html') ||
      text.startsWith('<!doctype') ||
      text.startsWith('<table') ||
      text.startsWith('<?xml')
    )
      throw new DomainError(
        'invalid_input',
        `${fileName}: this ".xls" is an HTML/XML page, not a workbook; open it in Excel or WPS and save as .xlsx`,
        [{ path: 'file', message: 'HTML/XML content' }],
      )
    let encoding = detectEncoding(head, head.length === size)
    if (options.encoding) {
      const forced = normaliseEncodingName(options.encoding)
      if (!forced)
        throw new DomainError('invalid_input', `unknown encoding "${options.encoding}"; use utf-8 or gbk`, [
          { path: 'encoding', message: options.encoding },
        ])
      encoding = { encoding: forced, bomLength: forced === 'utf-8' ? encoding.bomLength : 0 }
    }
    return { format: 'csv', size, encoding }
  } finally {
    await handle.close()
  }
}

/**
 * The ZIP directory's sizes can lie: inflates every entry once, counting bytes, and stops as soon as one
 * expands past what the directory declares (or past the limits), before exceljs parses anything.
 */
async function findUnderstatedEntry(
  handle: FileHandle,
  path: string,
  entries: ZipEntry[],
  limits: ZipLimits,
): Promise<string | undefined> {
  let total = 0
  for (const entry of entries) {
    if (entry.compressedSize === 0) continue
    const header = Buffer.alloc(30)
    await handle.read(header, 0, 30, entry.localHeaderOffset)
    if (header.readUInt32LE(0) !== 0x04034b50) return `the XLSX (ZIP) entry ${entry.name} is damaged`
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
    const allowed = Math.min(entry.uncompressedSize, limits.maxUncompressedBytes - total)
    if (entry.method === 0) {
      if (entry.compressedSize > allowed) return `the XLSX (ZIP) entry ${entry.name} is larger than declared`
      total += entry.compressedSize
      continue
    }
    if (entry.method !== 8) return `the XLSX (ZIP) entry ${entry.name} uses an unsupported compression method`
    const produced = await inflatedSize(path, start, entry.compressedSize, allowed)
    if (produced === 'damaged')
      return `the XLSX (ZIP) entry ${entry.name} is damaged or the file is truncated`
    if (produced === 'over')
      return `entry ${entry.name} expands past the ${entry.uncompressedSize} bytes its ZIP directory declares (a zip bomb?): refused before parsing`
    total += produced
  }
  return undefined
}

/** Bytes a deflated range expands to, or 'over' as soon as it passes `limit`. */
function inflatedSize(
  path: string,
  start: number,
  length: number,
  limit: number,
): Promise<number | 'over' | 'damaged'> {
  return new Promise((resolve) => {
    const input = createReadStream(path, { start, end: start + length - 1, highWaterMark: 1 << 16 })
    const inflate = createInflateRaw()
    let produced = 0
    const stop = (result: number | 'over' | 'damaged') => {
      input.destroy()
      inflate.destroy()
      resolve(result)
    }
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length
      if (produced > limit) stop('over')
    })
    inflate.on('end', () => stop(produced))
    inflate.on('error', () => stop('damaged'))
    input.on('error', () => stop('damaged'))
    input.pipe(inflate)
  })
}
