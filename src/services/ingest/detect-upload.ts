import { setImmediate } from 'node:timers/promises'
import { DomainError, type ErrorIssue } from '../../core/errors.ts'
import { type FactColumnType, type FactKindName, factKinds } from '../../core/ingest/fact-kinds.ts'
import { parseCell } from '../../core/ingest/parse-value.ts'
import { detectPreset, type HeaderMatch } from '../../core/ingest/presets/detect-preset.ts'
import { isSummaryLabel } from '../../core/ingest/summary-rows.ts'
import type { Db } from '../../db/database.ts'
import { findReplaceableRows, type ReplacedRows, sqlRunnerOf } from '../../db/import-repository.ts'
import { findCustomPreset } from './find-custom-preset.ts'
import { defaultImportLimits, type FileDetection, importSourceOf, periodOf } from './import-file.ts'
import { readCsvRows, readXlsxRows, type SheetRow } from './readers/read-rows.ts'
import { sniffFile } from './readers/sniff-file.ts'

// Looks at an uploaded export before importing it, for the import wizard: format and encoding, the
// preset and header row found, each fact column with the header it maps from (or what was expected),
// and the first data rows as they would be stored, each cell parsed by the same parsers as the import;
// and what importing it would replace: the live rows of earlier imports of the same source, shops and period.

export type DetectUploadOptions = {
  kind?: FactKindName
  preset?: string
  encoding?: string
  mapping?: Record<string, string>
  savedMapping?: string
  /** As the import would get them: they decide the source and the shop, so what the import replaces. */
  shop?: string
  source?: string
  periodStart?: string
  /** false: skip reading the whole file for `replaces` (null then). */
  withReplaces?: boolean
}

/** What importing the file would replace (nothing is replaced before the import). */
export type ReplacePreview = {
  /** The source the rows would be recorded under: an import replaces only rows of its own source. */
  source: string
  periodStart: string | null
  periodEnd: string | null
  /** The shops the file's rows name ('' for rows without one); null for a kind without a shop column. */
  shops: string[] | null
  /** Data rows in the file. */
  fileRows: number
  /** Live rows that would be replaced, in all. */
  rows: number
  /** By earlier import and shop. */
  imports: ReplacedRows[]
}

export type DetectedColumn = {
  target: string
  label: { zh: string; en: string }
  type: FactColumnType
  required: boolean
  /** The file's header this column is read from; null when the file lacks it. */
  header: string | null
  /** The header spellings the preset accepts. */
  expected: string[]
  /** Where the value comes from: a column, the period in the file name (or periodStart), a fixed value, nowhere. */
  source: 'column' | 'period' | 'constant' | 'missing'
}

export type PreviewCell = { value: string | null; raw: string; problem?: string }
export type PreviewRow = { row: number; cells: Record<string, PreviewCell> }

export type UploadAnalysis = {
  fileName: string
  sizeBytes: number
  format: 'csv' | 'xlsx'
  encoding: string | null
  preset: { name: string; label: { zh: string; en: string }; kind: FactKindName } | null
  /** 1-based row of the (last) header row. */
  headerRow: number | null
  /** The header cells found in the file (when no preset matched: the first row that looks like one). */
  headersFound: string[]
  columns: DetectedColumn[]
  preview: PreviewRow[]
  /** Why nothing matched (or why the file cannot be read past its first bytes); issues say per preset what was expected. */
  problem: { message: string; issues: ErrorIssue[] } | null
  /** What an import of the file would replace; null when no preset matched or it was not asked for. */
  replaces: ReplacePreview | null
}

const SAMPLE_ROWS = 40
const PREVIEW_ROWS = 10

export type DetectUploadInput = {
  companyId: number
  filePath: string
  fileName: string
  options?: DetectUploadOptions
}

/** Sniffs and previews a file; a file that cannot be read at all throws, a header no preset knows comes back as `problem`. */
export async function detectUpload(deps: { db: Db }, input: DetectUploadInput): Promise<UploadAnalysis> {
  return (await analyseUpload(deps, input)).analysis
}

/**
 * detectUpload, with what an import of the file can reuse (format, encoding, header match; null when no preset
 * matched), so that a stored upload is detected once.
 */
export async function analyseUpload(
  deps: { db: Db },
  input: DetectUploadInput,
): Promise<{ analysis: UploadAnalysis; detection: FileDetection | null }> {
  const options = input.options ?? {}
  const limits = defaultImportLimits
  const sniffed = await sniffFile(input.filePath, input.fileName, {
    maxBytes: limits.maxBytes,
    zip: { maxUncompressedBytes: limits.maxUncompressedBytes, maxRatio: limits.maxZipRatio },
    encoding: options.encoding,
  })
  const analysis: UploadAnalysis = {
    fileName: input.fileName,
    sizeBytes: sniffed.size,
    format: sniffed.format,
    encoding: sniffed.format === 'csv' ? sniffed.encoding.encoding : null,
    preset: null,
    headerRow: null,
    headersFound: [],
    columns: [],
    preview: [],
    problem: null,
    replaces: null,
  }
  const rows =
    sniffed.format === 'csv'
      ? readCsvRows(input.filePath, input.fileName, sniffed.encoding)
      : readXlsxRows(input.filePath, input.fileName)
  const sample: SheetRow[] = []
  try {
    for await (const row of rows) {
      sample.push(row)
      if (sample.length >= SAMPLE_ROWS + PREVIEW_ROWS + 5) break
    }
  } finally {
    await rows.return(undefined)
  }
  const cells = sample.map((r) => r.cells)

  let match: HeaderMatch
  try {
    const custom = await findCustomPreset(deps.db, input.companyId, options)
    match = detectPreset(cells.slice(0, SAMPLE_ROWS), {
      kind: options.kind,
      preset: options.preset,
      custom,
    })
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'invalid_input') throw error
    const found = cells.find((row) => row.filter((c) => c.trim() !== '').length >= 2) ?? []
    analysis.headersFound = found.filter((c) => c.trim() !== '')
    analysis.problem = { message: `${input.fileName}: ${error.message}`, issues: error.issues }
    return { analysis, detection: null }
  }

  const preset = match.preset
  const kind = factKinds[preset.kind]
  analysis.preset = { name: preset.name, label: preset.label, kind: preset.kind }
  analysis.headerRow = (sample[match.headerRow]?.row ?? match.headerRow + 1) as number
  analysis.headersFound = match.headers
  const targets = kind.columns.filter((c) => !c.derived && (preset.columns[c.name] || c.required))
  analysis.columns = targets.map((c) => {
    const index = match.mapping[c.name]
    return {
      target: c.name,
      label: c.label,
      type: c.type,
      required: c.required === true,
      header: index === undefined ? null : (match.headers[index] ?? null),
      expected: preset.columns[c.name] ?? [],
      source:
        index !== undefined
          ? 'column'
          : preset.dateFromPeriod && c.name === kind.dateColumn
            ? 'period'
            : preset.constants?.[c.name] !== undefined || c.name === 'shop'
              ? 'constant'
              : 'missing',
    }
  })

  const first = match.headerRow + 1 + (preset.skipAfterHeader ?? 0)
  let dataRows = 0
  for (const { row, cells: values } of sample.slice(first)) {
    if (analysis.preview.length >= PREVIEW_ROWS) break
    if (preset.dataRows !== undefined && dataRows >= preset.dataRows) break
    const nonEmpty = values.filter((c) => c.trim() !== '')
    if (nonEmpty.length === 0) continue
    if (isSummaryLabel(nonEmpty[0] ?? '')) continue
    dataRows++
    const previewCells: Record<string, PreviewCell> = {}
    for (const column of analysis.columns) {
      const index = match.mapping[column.target]
      if (index === undefined) continue
      const raw = values[index] ?? ''
      if (/^(=|@|[+-][A-Za-z])/.test(raw.trim())) {
        previewCells[column.target] = {
          value: null,
          raw,
          problem: 'looks like a spreadsheet formula; formulas are not imported',
        }
        continue
      }
      const parsed = parseCell(column.type, raw)
      previewCells[column.target] = parsed.ok
        ? { value: parsed.value, raw }
        : { value: null, raw, problem: parsed.reason }
    }
    analysis.preview.push({ row, cells: previewCells })
  }
  if (options.withReplaces !== false) {
    try {
      analysis.replaces = await previewReplaces(deps.db, input, match, () =>
        sniffed.format === 'csv'
          ? readCsvRows(input.filePath, input.fileName, sniffed.encoding)
          : readXlsxRows(input.filePath, input.fileName),
      )
    } catch (error) {
      // A file the readers refuse past the preview rows: the validation names the row; no preview of replacements.
      if (!(error instanceof DomainError)) throw error
    }
  }
  return { analysis, detection: { sniffed, match } }
}

/** Reads the whole file for its shops and period (as the import would store them) and finds what they replace. */
async function previewReplaces(
  db: Db,
  input: { companyId: number; fileName: string; options?: DetectUploadOptions },
  match: HeaderMatch,
  open: () => AsyncGenerator<SheetRow>,
): Promise<ReplacePreview> {
  const options = input.options ?? {}
  const preset = match.preset
  const kind = factKinds[preset.kind]
  const source = importSourceOf(options, preset.name)
  const hasShop = kind.columns.some((c) => c.name === 'shop')
  const shopIndex = match.mapping.shop
  const dateIndex = match.mapping[kind.dateColumn]
  const dateType = kind.columns.find((c) => c.name === kind.dateColumn)?.type ?? 'date'
  const fixedDay =
    dateIndex === undefined && preset.dateFromPeriod
      ? parseCell('date', periodOf(input.fileName, options) ?? '')
      : undefined
  const shops = new Set<string>()
  let start: string | null = null
  let end: string | null = null
  let fileRows = 0
  const headerLine = match.headerRow + 1 + (preset.skipAfterHeader ?? 0)
  let index = 0
  let slice = performance.now()
  const rows = open()
  try {
    for await (const { cells } of rows) {
      // rows already read come as microtasks: give other requests their turn every few milliseconds
      if (performance.now() - slice > 10) {
        await setImmediate()
        slice = performance.now()
      }
      index++
      if (index <= headerLine) continue
      if (preset.dataRows !== undefined && fileRows >= preset.dataRows) break
      const nonEmpty = cells.filter((c) => c.trim() !== '')
      if (nonEmpty.length === 0 || isSummaryLabel(nonEmpty[0] ?? '')) continue
      fileRows++
      if (hasShop) {
        const cell = shopIndex === undefined ? undefined : parseCell('text', cells[shopIndex] ?? '')
        shops.add(cell === undefined ? (options.shop ?? '') : cell.ok ? (cell.value ?? '') : '')
      }
      const parsed =
        fixedDay ?? (dateIndex === undefined ? undefined : parseCell(dateType, cells[dateIndex] ?? ''))
      const day = parsed?.ok ? parsed.value?.slice(0, 10) : undefined
      if (!day) continue
      if (start === null || day < start) start = day
      if (end === null || day > end) end = day
    }
  } finally {
    await rows.return(undefined)
  }
  const shopList = hasShop ? [...shops].sort() : null
  const imports =
    start && end
      ? await findReplaceableRows(sqlRunnerOf(db), kind, {
          companyId: input.companyId,
          importId: 0,
          kind: kind.name,
          preset: preset.name,
          source,
          period: { start, end },
          shops: shopList,
        })
      : []
  return {
    source,
    periodStart: start,
    periodEnd: end,
    shops: shopList,
    fileRows,
    rows: imports.reduce((sum, r) => sum + r.rows, 0),
    imports,
  }
}
