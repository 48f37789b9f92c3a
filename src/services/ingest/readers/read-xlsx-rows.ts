import { createReadStream } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pipeline, Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import { DomainError } from '../../../core/errors.ts'
import { inspectZip, type ZipEntry } from '../../../core/ingest/inspect-zip.ts'
import type { SheetRow } from './read-rows.ts'
import {
  checkRow,
  columnLetter,
  createSlicer,
  type ReaderLimits,
  readerLimits,
  tooManyColumns,
  tooManyRows,
} from './reader-limits.ts'

// Rows of the first worksheet of an XLSX workbook as text cells, whatever order the ZIP holds its parts in
// (issue 12.3: ExcelJS's streaming reader lost a shared-strings part stored after the sheet and handed out
// `{ sharedString: n }` objects). The parts are opened through the ZIP directory: workbook and relationships
// first, then shared strings and styles, then the sheet is streamed. Every cell type becomes text — shared,
// inline and rich text, numbers, dates (by the cell's number format, or ISO `d` cells), booleans, errors
// (empty, marked in the row's errors) — and a formula cell is refused, naming its row and column. A hidden
// first sheet is passed over for the first visible one; merged ranges fill their covered cells.

type SaxEvent =
  | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
  | { eventType: 'text'; value: string }
  | { eventType: 'closetag'; value: { name: string } }

const require = createRequire(import.meta.url)
/** ExcelJS's SAX helper (saxes): events gathered per input chunk. */
const parseSax = require('exceljs/lib/utils/parse-sax.js') as (
  input: AsyncIterable<Buffer | string>,
) => AsyncIterable<SaxEvent[]>
const { isDateFmt } = require('exceljs/lib/utils/utils.js') as { isDateFmt: (format: string) => boolean }

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the zh-CN / ja / ko date formats). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
])

/** A tag name without its namespace prefix (`x:c` → `c`). */
const local = (name: string) => name.slice(name.indexOf(':') + 1)

/** Rows of the first worksheet of an XLSX workbook, streamed. */
export async function* readXlsxRows(
  filePath: string,
  fileName: string,
  signal?: AbortSignal,
  limits: ReaderLimits = readerLimits,
): AsyncGenerator<SheetRow> {
  try {
    const zip = await openZip(filePath)
    try {
      const parts = await findParts(zip)
      const sharedStrings = parts.sharedStrings ? await readSharedStrings(zip, parts.sharedStrings) : []
      const dateStyles = parts.styles ? await readDateStyles(zip, parts.styles) : new Set<number>()
      const merges = await readMerges(zip, parts.sheet, fileName, limits, signal)
      yield* readSheet(zip, parts.sheet, {
        fileName,
        merges,
        sharedStrings,
        dateStyles,
        date1904: parts.date1904,
        signal,
        limits,
      })
    } finally {
      await zip.handle.close()
    }
  } catch (error) {
    if (error instanceof DomainError || (error as Error).name === 'AbortError') throw error
    throw new DomainError(
      'invalid_input',
      `${fileName}: the XLSX workbook cannot be read (${(error as Error).message}); it may be truncated or damaged`,
      [{ path: 'file', message: (error as Error).message }],
    )
  }
}

type Zip = { filePath: string; handle: FileHandle; entries: Map<string, ZipEntry> }

async function openZip(filePath: string): Promise<Zip> {
  const handle = await open(filePath, 'r')
  try {
    const size = (await handle.stat()).size
    const tail = Buffer.alloc(Math.min(size, 4 * 1024 * 1024))
    await handle.read(tail, 0, tail.length, size - tail.length)
    const verdict = inspectZip(tail, size, {
      maxUncompressedBytes: Number.MAX_SAFE_INTEGER,
      maxRatio: Infinity,
    })
    if (!verdict.ok) throw new Error(verdict.reason)
    const entries = new Map(verdict.entries.map((e) => [e.name.replace(/^\/+/, ''), e]))
    return { filePath, handle, entries }
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** The entry's bytes, inflated, as a stream (sniffFile has already checked every entry's real size). */
async function entryStream(zip: Zip, name: string): Promise<Readable> {
  const entry = zip.entries.get(name)
  if (!entry) throw new Error(`the workbook has no part ${name}`)
  const header = Buffer.alloc(30)
  await zip.handle.read(header, 0, 30, entry.localHeaderOffset)
  if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`the part ${name} is damaged`)
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  const raw = createReadStream(zip.filePath, {
    start,
    end: Math.max(start, start + entry.compressedSize - 1),
    highWaterMark: 64 * 1024,
  })
  if (entry.compressedSize === 0) {
    raw.destroy()
    return Readable.from([])
  }
  if (entry.method === 0) return raw
  if (entry.method !== 8) throw new Error(`the part ${name} uses an unsupported compression method`)
  return pipeline(raw, createInflateRaw(), () => undefined)
}

/** Each SAX event of a part, in order. */
async function* events(zip: Zip, name: string): AsyncGenerator<SaxEvent> {
  for await (const batch of parseSax(await entryStream(zip, name))) yield* batch
}

type Parts = { sheet: string; sharedStrings?: string; styles?: string; date1904: boolean }

/** The workbook's first sheet, shared strings and styles, found through the package relationships. */
async function findParts(zip: Zip): Promise<Parts> {
  const rels = async (owner: string) => {
    const dir = path.posix.dirname(owner)
    const relsName = path.posix.join(dir === '.' ? '' : dir, '_rels', `${path.posix.basename(owner)}.rels`)
    const found: { id: string; type: string; target: string }[] = []
    if (!zip.entries.has(relsName)) return found
    for await (const e of events(zip, relsName))
      if (e.eventType === 'opentag' && local(e.value.name) === 'Relationship') {
        const target = e.value.attributes.Target ?? ''
        found.push({
          id: e.value.attributes.Id ?? '',
          type: e.value.attributes.Type ?? '',
          target: target.startsWith('/') ? target.slice(1) : path.posix.join(dir === '.' ? '' : dir, target),
        })
      }
    return found
  }
  const root = await rels('')
  const workbook =
    root.find((r) => r.type.endsWith('/officeDocument'))?.target ??
    (zip.entries.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined)
  if (!workbook || !zip.entries.has(workbook))
    throw new Error('the workbook part (xl/workbook.xml) is missing')
  // The first visible sheet: a hidden (or very hidden) sheet is not what the user sees and means.
  let firstSheetId: string | undefined
  let firstVisibleId: string | undefined
  let date1904 = false
  for await (const e of events(zip, workbook)) {
    if (e.eventType !== 'opentag') continue
    const name = local(e.value.name)
    if (name === 'workbookPr') date1904 = ['1', 'true'].includes(e.value.attributes.date1904 ?? '')
    if (name === 'sheet') {
      const id = Object.entries(e.value.attributes).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1]
      firstSheetId ??= id
      const state = e.value.attributes.state ?? 'visible'
      if (firstVisibleId === undefined && state !== 'hidden' && state !== 'veryHidden') firstVisibleId = id
    }
  }
  firstSheetId = firstVisibleId ?? firstSheetId
  const workbookRels = await rels(workbook)
  const sheet =
    workbookRels.find((r) => r.id === firstSheetId && r.type.endsWith('/worksheet'))?.target ??
    [...zip.entries.keys()].find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
  if (!sheet || !zip.entries.has(sheet))
    throw new DomainError('invalid_input', '工作簿中没有工作表（the workbook has no worksheet）', [
      { path: 'file', message: 'no worksheet' },
    ])
  const byType = (type: string, fallback: string) => {
    const target = workbookRels.find((r) => r.type.endsWith(type))?.target
    if (target && zip.entries.has(target)) return target
    return zip.entries.has(fallback) ? fallback : undefined
  }
  return {
    sheet,
    sharedStrings: byType('/sharedStrings', 'xl/sharedStrings.xml'),
    styles: byType('/styles', 'xl/styles.xml'),
    date1904,
  }
}

/** The shared-string table; rich text runs joined, phonetic guides (rPh) left out. */
async function readSharedStrings(zip: Zip, name: string): Promise<string[]> {
  const table: string[] = []
  let parts: string[] | undefined
  let inText = false
  let phonetic = 0
  for await (const e of events(zip, name)) {
    if (e.eventType === 'opentag') {
      const tag = local(e.value.name)
      if (tag === 'si') parts = []
      else if (tag === 'rPh') phonetic++
      else if (tag === 't' && phonetic === 0) inText = true
    } else if (e.eventType === 'text') {
      if (inText && parts) parts.push(e.value)
    } else {
      const tag = local(e.value.name)
      if (tag === 't') inText = false
      else if (tag === 'rPh') phonetic--
      else if (tag === 'si') {
        table.push(unescapeOoxml((parts ?? []).join('')))
        parts = undefined
      }
    }
  }
  return table
}

/** The cell styles (indexes into cellXfs) whose number format shows a date. */
async function readDateStyles(zip: Zip, name: string): Promise<Set<number>> {
  const formats = new Map<number, string>()
  const dates = new Set<number>()
  let inCellXfs = false
  let xf = 0
  for await (const e of events(zip, name)) {
    if (e.eventType === 'opentag') {
      const tag = local(e.value.name)
      const a = e.value.attributes
      if (tag === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '')
      else if (tag === 'cellXfs') inCellXfs = true
      else if (tag === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0)
        const custom = formats.get(id)
        if (custom !== undefined ? isDateFmt(custom) : builtInDateFormats.has(id)) dates.add(xf)
        xf++
      }
    } else if (e.eventType === 'closetag' && local(e.value.name) === 'cellXfs') inCellXfs = false
  }
  return dates
}

/** Most merged ranges one sheet may have (a real report has a few hundred at most). */
export const MAX_MERGES = 100_000

type Merge = { top: number; left: number; bottom: number; right: number; value: string }

/** A range reference's corners (`B2:C3`); undefined for anything else. */
function rangeOf(ref: string): Omit<Merge, 'value'> | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim())
  if (!m) return undefined
  const [a, b] = [columnOf(m[1]) as number, columnOf(m[3]) as number]
  const [r1, r2] = [Number(m[2]), Number(m[4])]
  return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) }
}

/**
 * The merged ranges of a sheet, sorted by their top row. `<mergeCells>` follows `<sheetData>` in the part, so
 * a first cheap pass scans the inflated text for `<mergeCell ref=…>` (no XML parse; the scan keeps only a short
 * tail between chunks and lets other requests run between slices); at most MAX_MERGES ranges.
 */
async function readMerges(
  zip: Zip,
  name: string,
  fileName: string,
  limits: ReaderLimits,
  signal?: AbortSignal,
): Promise<Merge[]> {
  const merges: Merge[] = []
  const pattern = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']{1,40})["']/g
  const slice = createSlicer()
  let tail = ''
  for await (const chunk of (await entryStream(zip, name)) as AsyncIterable<Buffer>) {
    signal?.throwIfAborted()
    const text = tail + chunk.toString('latin1')
    pattern.lastIndex = 0
    let consumed = 0
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      consumed = pattern.lastIndex
      const range = rangeOf(m[1] as string)
      if (!range || (range.top === range.bottom && range.left === range.right)) continue
      if (merges.length >= MAX_MERGES)
        throw new DomainError(
          'invalid_input',
          `${fileName}: 工作表有超过 ${MAX_MERGES} 个合并单元格区域（the sheet has more than ${MAX_MERGES} merged ranges）`,
          [{ path: 'file', message: `more than ${MAX_MERGES} merged ranges` }],
          { limit: 'maxMerges' },
        )
      if (range.right > limits.maxColumns) throw tooManyColumns(fileName, range.top, range.right, limits)
      merges.push({ ...range, value: '' })
    }
    // Keep the unscanned end (a tag cut by the chunk boundary), at most one tag's length.
    const rest = text.slice(consumed)
    const open = rest.lastIndexOf('<')
    tail = open >= 0 && rest.length - open < 200 ? rest.slice(open) : ''
    await slice()
  }
  return merges.sort((a, b) => a.top - b.top || a.left - b.left)
}

type SheetContext = {
  fileName: string
  merges: Merge[]
  sharedStrings: string[]
  dateStyles: Set<number>
  date1904: boolean
  signal?: AbortSignal
  limits: ReaderLimits
}

/** 1-based column number of a cell reference (`AB12` → 28); undefined when the reference has no letters. */
function columnOf(ref: string | undefined): number | undefined {
  if (!ref) return undefined
  let n = 0
  for (const ch of ref) {
    const code = ch.charCodeAt(0)
    if (code >= 65 && code <= 90) n = n * 26 + code - 64
    else if (code >= 97 && code <= 122) n = n * 26 + code - 96
    else break
  }
  return n > 0 ? n : undefined
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A date as local wall time text: `2011-11-01`, or `2011-11-01 08:26:00` when it has a time. */
function dateText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  return time === '00:00:00' ? date : `${date} ${time}`
}

/** An Excel serial day number as a date (1900 or 1904 system), to the nearest second. */
function serialDate(serial: number, date1904: boolean): Date {
  const days = serial + (date1904 ? 1462 : 0) - 25569
  return new Date(Math.round(days * 86400) * 1000)
}

/** OOXML's escape for characters XML cannot carry (`_x0000_` is NUL, `_x005F_` an underscore). */
const unescapeOoxml = (text: string) =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text

/** Control characters a cell may not hold (tab, line feed and carriage return are text). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlInCell = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/

function refuseControl(value: string, row: number, column: number, o: SheetContext): void {
  const found = controlInCell.exec(value)
  if (!found) return
  const letter = columnLetter(column)
  const code = `\\u${found[0].charCodeAt(0).toString(16).padStart(4, '0')}`
  const zh = found[0] === '\u0000' ? `空字符（NUL, ${code}）` : `控制字符 ${code}`
  throw new DomainError(
    'invalid_input',
    `${o.fileName}: 第 ${row} 行 ${letter} 列含有${zh}，不能导入（row ${row}, column ${letter} holds the control character ${code}）`,
    [{ path: `row ${row}.${letter}`, message: `control character ${code}` }],
  )
}

type Cell = { column: number; type: string; style: number; value: string; formula?: string; inline: string[] }

function cellValue(cell: Cell, row: number, o: SheetContext): string {
  const where = `row ${row}.${columnLetter(cell.column)}`
  if (cell.formula !== undefined)
    throw new DomainError(
      'invalid_input',
      `${o.fileName}: row ${row}, column ${columnLetter(cell.column)}: the cell is a formula (=${cell.formula}); formulas are not imported, paste the values instead`,
      [{ path: where, message: `formula =${cell.formula}` }],
    )
  switch (cell.type) {
    case 's': {
      const text = o.sharedStrings[Number(cell.value)]
      if (text === undefined)
        throw new DomainError(
          'invalid_input',
          `${o.fileName}: 第 ${row} 行 ${columnLetter(cell.column)} 列引用了不存在的共享字符串 ${cell.value}（row ${row}, column ${columnLetter(cell.column)} refers to shared string ${cell.value}, which the workbook does not have）`,
          [{ path: where, message: `missing shared string ${cell.value}` }],
        )
      return text
    }
    case 'inlineStr':
      return unescapeOoxml(cell.inline.join(''))
    case 'str':
      return unescapeOoxml(cell.value)
    case 'b':
      return String(cell.value.trim() === '1' || cell.value.trim() === 'true')
    case 'e':
      return '' // marked in the row's errors; the import refuses it in a mapped column
    case 'd': {
      const d = new Date(
        cell.value.endsWith('Z') || /[+-]\d\d:\d\d$/.test(cell.value) ? cell.value : `${cell.value}Z`,
      )
      return Number.isNaN(d.getTime()) ? cell.value : dateText(d)
    }
    default: {
      if (cell.value.trim() === '') return ''
      const n = Number.parseFloat(cell.value)
      if (Number.isNaN(n)) return cell.value
      return o.dateStyles.has(cell.style) ? dateText(serialDate(n, o.date1904)) : String(n)
    }
  }
}

async function* readSheet(zip: Zip, name: string, o: SheetContext): AsyncGenerator<SheetRow> {
  const slice = createSlicer()
  let expected = 1
  let rowNumber = 0
  let cells: string[] | undefined
  let cell: Cell | undefined
  let text: 'v' | 'f' | 'is' | undefined
  let phonetic = 0
  let errors: Map<number, string> | undefined
  let nextMerge = 0
  let active: Merge[] = []
  /** Fills the cells covered by a merged range with its top-left value (rows with content of their own only). */
  const fillMerges = (row: number, cells: string[]) => {
    while (nextMerge < o.merges.length && (o.merges[nextMerge] as Merge).top <= row)
      active.push(o.merges[nextMerge++] as Merge)
    if (active.length === 0) return
    active = active.filter((m) => m.bottom >= row)
    let width = 0
    for (const m of active) width += m.right - m.left + 1
    if (width > o.limits.maxColumns)
      throw new DomainError(
        'invalid_input',
        `${o.fileName}: 第 ${row} 行的合并单元格区域互相重叠（the merged ranges over row ${row} overlap）`,
        [{ path: `row ${row}`, message: 'overlapping merged ranges' }],
      )
    const own = cells.some((c) => c !== '')
    for (const m of active) {
      if (m.top === row) {
        const error = errors?.get(m.left - 1)
        m.value = error ? `\u0000${error}` : (cells[m.left - 1] ?? '')
      } else if (!own) continue
      // A covered cell shows the top-left value, whatever it holds itself (as Excel and LibreOffice show it).
      for (let c = m.top === row ? m.left + 1 : m.left; c <= m.right; c++) {
        while (cells.length < c - 1) cells.push('')
        errors?.delete(c - 1)
        if (m.value.startsWith('\u0000')) {
          errors ??= new Map()
          errors.set(c - 1, m.value.slice(1))
          cells[c - 1] = ''
        } else cells[c - 1] = m.value
      }
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
  }
  for await (const e of events(zip, name)) {
    if (e.eventType === 'opentag') {
      const tag = local(e.value.name)
      const a = e.value.attributes
      if (tag === 'row') {
        rowNumber = a.r ? Number.parseInt(a.r, 10) : rowNumber + 1
        if (!(rowNumber >= expected)) throw new Error(`row ${a.r} is out of order`)
        if (rowNumber > o.limits.maxRows) throw tooManyRows(o.fileName, rowNumber, o.limits)
        cells = []
        errors = undefined
      } else if (tag === 'c' && cells) {
        cell = {
          column: columnOf(a.r) ?? cells.length + 1,
          type: a.t ?? 'n',
          style: Number(a.s ?? 0),
          value: '',
          inline: [],
        }
      } else if (cell && tag === 'v') text = 'v'
      else if (cell && tag === 'f') {
        text = 'f'
        cell.formula ??= ''
      } else if (cell && tag === 'rPh') phonetic++
      else if (cell && tag === 't' && phonetic === 0) text = 'is'
    } else if (e.eventType === 'text') {
      if (!cell || !text) continue
      if (text === 'v') cell.value += e.value
      else if (text === 'f') cell.formula += e.value
      else cell.inline.push(e.value)
    } else {
      const tag = local(e.value.name)
      if (tag === 'v' || tag === 'f' || tag === 't') text = undefined
      else if (tag === 'rPh') phonetic--
      else if (tag === 'c' && cell && cells) {
        const value = cellValue(cell, rowNumber, o)
        refuseControl(value, rowNumber, cell.column, o)
        if (cell.type === 'e' && cell.formula === undefined && cell.column <= o.limits.maxColumns) {
          errors ??= new Map()
          errors.set(cell.column - 1, cell.value.trim() || '#VALUE!')
        }
        if (value !== '') {
          if (cell.column > o.limits.maxColumns)
            throw tooManyColumns(o.fileName, rowNumber, cell.column, o.limits)
          while (cells.length < cell.column - 1) cells.push('')
          cells[cell.column - 1] = value
        }
        cell = undefined
      } else if (tag === 'row' && cells) {
        o.signal?.throwIfAborted()
        fillMerges(rowNumber, cells)
        checkRow(o.fileName, rowNumber, cells, o.limits)
        while (expected < rowNumber) yield { row: expected++, cells: [] }
        expected = rowNumber + 1
        yield errors ? { row: rowNumber, cells, errors } : { row: rowNumber, cells }
        cells = undefined
        errors = undefined
        await slice()
      }
    }
  }
}
