import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { DomainError } from '../../core/errors.ts'
import { BulkOrderLines, bulkOrderColumns, bulkOrderCopyColumns } from '../../core/ingest/bulk-order-lines.ts'
import { type DetectedEncoding, MixedEncodingCheck } from '../../core/ingest/detect-encoding.ts'
import { type FactKindName, factKinds } from '../../core/ingest/fact-kinds.ts'
import { type ImportWarning, orderExclusionWarnings } from '../../core/ingest/order-exclusion-warnings.ts'
import { looksLikeFormula, parseCell } from '../../core/ingest/parse-value.ts'
import { detectPreset, type HeaderMatch } from '../../core/ingest/presets/detect-preset.ts'
import { isSummaryLabel } from '../../core/ingest/summary-rows.ts'
import type { Db } from '../../db/database.ts'
import {
  completeImportRecord,
  type ImportRecordValues,
  insertFailedImportRecord,
  insertImportRecord,
} from '../../db/import-log-repository.ts'
import {
  type ColumnSource,
  copyIntoOrderLines,
  copyIntoOrders,
  copyIntoStage,
  countImportedOrderExclusions,
  countStagedOrderExclusions,
  createStage,
  findKeyConflicts,
  findLiveImport,
  findReplaceableRows,
  type ImportIssue,
  type ImportScope,
  lockImportScope,
  moveStage,
  type ReplacedRows,
  releaseSavepoint,
  rollbackToSavepoint,
  type SqlSession,
  type StagePlan,
  setSavepoint,
  stagedPeriod,
  stagedShops,
  supersedePeriod,
  validateStage,
  withImportTransaction,
  yieldToEventLoop,
} from '../../db/import-repository.ts'
import type { DatabaseHandle } from '../../db/open-database.ts'
import { findCustomPreset } from './find-custom-preset.ts'
import { mixedEncoding, readCsvRows, readXlsxRows, type SheetRow } from './readers/read-rows.ts'
import { readerLimits, recordTooLong, tooManyRows } from './readers/reader-limits.ts'
import { type SniffedFile, sniffFile } from './readers/sniff-file.ts'

// Imports one export file into one fact kind, all or nothing: sniff (size, format, zip bomb,
// encoding) → find the header and preset → COPY into a staging table (raw bytes for bulk CSVs,
// parsed and normalised cells otherwise) → validate in SQL → replace the same period, source and shops →
// move with set-based SQL → record the import. Imports of one company, kind and source run one at a time;
// the same file twice changes nothing while its rows are live, and brings them back once replaced.

export type ImportLimits = {
  maxBytes: number
  maxUncompressedBytes: number
  maxZipRatio: number
  /** How long an import waits for another import of the same company, kind and source (then import_busy). */
  maxLockWaitMs: number
}

export const defaultImportLimits: ImportLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxZipRatio: 200,
  maxLockWaitMs: 10 * 60 * 1000,
}

export type ImportPhase = 'checking' | 'reading' | 'validating' | 'saving' | 'done'

export type ImportProgress = { phase: ImportPhase; bytesRead: number; totalBytes: number; rows?: number }

export type ImportFileInput = {
  companyId: number
  filePath: string
  /** The name the user gave the file (defaults to the path's base name). */
  fileName?: string
  kind?: FactKindName
  preset?: string
  /** Shop for rows whose file has no shop column. */
  shop?: string
  /** What a re-import of a corrected period replaces: imports with the same kind, preset and source. */
  source?: string
  encoding?: string
  /** A column mapping (fact column → header text) instead of a preset; needs `kind`. */
  mapping?: Record<string, string>
  /** The name of a mapping saved with saveImportMapping; needs no `kind`. */
  savedMapping?: string
  /** For exports without a date column (千牛 per-agent report): the period, else read from the file name. */
  periodStart?: string
  periodEnd?: string
  userId?: number | null
  limits?: Partial<ImportLimits>
  /** Run every check and say what would be imported and replaced, then roll back (status `valid`). */
  dryRun?: boolean
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
  /**
   * The file's format, encoding and header match as found when it was uploaded (same encoding, kind, preset and
   * mapping options): the import reuses them instead of detecting the file again.
   */
  detection?: FileDetection
}

/** What looking at a file found: its format and encoding, and the preset and header row it matches. */
export type FileDetection = { sniffed: SniffedFile; match: HeaderMatch }

export type ImportFileResult = {
  /** `valid`: a dry run passed every check (importId 0, nothing written). */
  status: 'imported' | 'unchanged' | 'valid'
  importId: number
  kind: FactKindName
  preset: string
  source: string
  rows: number
  replacedRows: number
  /** The earlier imports' rows it replaced (a dry run: would replace), by import and shop. */
  replaced: ReplacedRows[]
  periodStart: string | null
  periodEnd: string | null
  sha256: string
  /** Rules that kept every row out of the figures (e.g. all rows are cancellations), said in words; else empty. */
  warnings?: ImportWarning[]
}

/** What an import of `preset` with these options replaces: the source its rows are recorded under. */
export function importSourceOf(input: { source?: string; shop?: string }, presetName: string): string {
  return input.source ?? input.shop ?? presetName
}

/** Ends a dry run's transaction (rolling it back) with the result the import would have had. */
class DryRunDone extends Error {
  constructor(readonly result: ImportFileResult) {
    super('dry run done')
  }
}

export type ImportDeps = { db: Db; handle: DatabaseHandle }

const SAMPLE_ROWS = 40

export async function importFile(deps: ImportDeps, input: ImportFileInput): Promise<ImportFileResult> {
  const fileName = input.fileName ?? path.basename(input.filePath)
  const limits = { ...defaultImportLimits, ...input.limits }
  const progress = { phase: 'checking' as ImportPhase, bytesRead: 0, totalBytes: 0 }
  const report = (phase: ImportPhase, rows?: number) => {
    progress.phase = phase
    input.onProgress?.({ ...progress, rows })
  }
  input.signal?.throwIfAborted()
  const sniffed =
    input.detection?.sniffed ??
    (await sniffFile(input.filePath, fileName, {
      maxBytes: limits.maxBytes,
      zip: { maxUncompressedBytes: limits.maxUncompressedBytes, maxRatio: limits.maxZipRatio },
      encoding: input.encoding,
    }))
  progress.totalBytes = sniffed.size
  report('checking')
  const sha256 = await hashFile(input.filePath, input.signal)

  let match: HeaderMatch
  let rows: AsyncGenerator<SheetRow> | undefined
  let sample: SheetRow[] = []
  if (sniffed.format === 'csv') {
    sample = await sampleCsv(input.filePath, fileName, sniffed.encoding)
  } else {
    rows = readXlsxRows(input.filePath, fileName, input.signal)
    for (let i = 0; i < SAMPLE_ROWS; i++) {
      const next = await rows.next()
      if (next.done) break
      sample.push(next.value)
    }
  }
  try {
    match =
      input.detection?.match ??
      detectPreset(
        sample.map((r) => r.cells),
        {
          kind: input.kind,
          preset: input.preset,
          custom: await findCustomPreset(deps.db, input.companyId, input),
        },
      )
  } catch (error) {
    await rows?.return(undefined)
    if (error instanceof DomainError)
      throw new DomainError(error.code, `${fileName}: ${error.message}`, error.issues)
    throw error
  }
  const preset = match.preset
  const kind = factKinds[preset.kind]
  if (input.kind && input.kind !== preset.kind)
    throw new DomainError(
      'invalid_input',
      `${fileName}: preset ${preset.name} imports ${preset.kind}, not ${input.kind}`,
    )
  const source = importSourceOf(input, preset.name)

  // Columns the file lacks but the preset or the options fix.
  const constants: Record<string, string | null> = { ...(preset.constants ?? {}) }
  const hasColumn = (name: string) => kind.columns.some((c) => c.name === name)
  if (hasColumn('shop') && match.mapping.shop === undefined) constants.shop = input.shop ?? ''
  if (preset.dateFromPeriod && match.mapping[kind.dateColumn] === undefined) {
    const period = periodOf(fileName, input)
    if (!period)
      throw new DomainError(
        'invalid_input',
        `${fileName}: this export has no date column; give the period (periodStart) or keep the dates in the file name (…_YYYYMMDD_YYYYMMDD…)`,
        [{ path: 'periodStart', message: 'missing' }],
      )
    constants[kind.dateColumn] = period
  }
  const missing = kind.columns.filter(
    (c) => c.required && !c.derived && match.mapping[c.name] === undefined && !(c.name in constants),
  )
  if (missing.length > 0)
    throw new DomainError(
      'invalid_input',
      `${fileName}: required columns missing: ${missing.map((c) => `${c.label.zh} (${c.name})`).join(', ')}; found ${match.headers.filter(Boolean).join(', ')}`,
      missing.map((c) => ({
        path: c.name,
        message: `expected one of ${(preset.columns[c.name] ?? [c.name]).join(' / ')}`,
      })),
    )

  const bulk = sniffed.format === 'csv' && preset.bulk === true && !preset.twoRowHeader
  const headerLine = match.headerRow + 1 + (preset.skipAfterHeader ?? 0)
  const sources: Record<string, ColumnSource> = {}
  for (const [name, value] of Object.entries(constants)) sources[name] = { constant: value }
  const mappedTargets = Object.keys(match.mapping).filter((t) => hasColumn(t))
  for (const target of mappedTargets) {
    const index = match.mapping[target] ?? 0
    sources[target] = {
      column: bulk ? `f${index + 1}` : `t_${target}`,
      header: match.headers[index] ?? target,
    }
  }
  const plan: StagePlan = bulk
    ? {
        kind,
        stagingColumns: match.headers.map((_, i) => `f${i + 1}`),
        lnProvided: false,
        rowOffset: sample[headerLine - 1]?.row ?? headerLine,
        sources,
        orderNumberPrefixes: preset.orderNumberPrefixes,
        excludedStatuses: preset.excludedStatuses,
      }
    : {
        kind,
        stagingColumns: ['ln', ...mappedTargets.map((t) => `t_${t}`)],
        lnProvided: true,
        rowOffset: 0,
        sources,
        orderNumberPrefixes: preset.orderNumberPrefixes,
        excludedStatuses: preset.excludedStatuses,
      }

  // Bulk order-line CSVs whose columns the fast path fills: one COPY per fact table (see bulk-order-lines).
  const fastFields =
    bulk &&
    sniffed.format === 'csv' &&
    kind.name === 'orders' &&
    // The fast path knows UCI's C…/A… invoice convention only.
    preset.orderNumberPrefixes?.cancellation.toUpperCase() === 'C' &&
    preset.orderNumberPrefixes.adjustment.toUpperCase() === 'A' &&
    mappedTargets.every((t) => (bulkOrderColumns as readonly string[]).includes(t)) &&
    ['order_no', 'quantity', 'ordered_at', 'unit_price'].every((t) => mappedTargets.includes(t)) &&
    Object.keys(constants).every((c) => c === 'shop')
      ? Object.fromEntries(mappedTargets.map((t) => [t, match.mapping[t] ?? 0]))
      : undefined

  const jsIssues: ImportIssue[] = []
  let jsIssueCount = 0
  const addIssue = (issue: ImportIssue) => {
    jsIssueCount++
    if (jsIssues.length < 100) jsIssues.push(issue)
  }

  const onBytes = (n: number) => {
    progress.bytesRead += n
    input.onProgress?.({ ...progress })
  }

  const record: ImportRecordValues = {
    companyId: input.companyId,
    kind: kind.name,
    preset: preset.name,
    source,
    fileName,
    sha256,
    sizeBytes: sniffed.size,
    userId: input.userId ?? null,
  }

  const run = async (s: SqlSession): Promise<ImportFileResult> => {
    // One import of this company, kind and source at a time; the next one sees what the first committed.
    const scopeKey = { companyId: input.companyId, kind: kind.name, source }
    if (!(await lockImportScope(s, scopeKey, limits.maxLockWaitMs)))
      throw new DomainError(
        'import_busy',
        `${fileName}: another import of ${kind.label.zh} from "${source}" is still running; wait for it to finish, then import again`,
        [{ path: 'source', message: 'an import of this source is running' }],
      )
    const existing = await findLiveImport(s.query, { companyId: input.companyId, kind, sha256 })
    if (existing) {
      report('done', existing.rows)
      return {
        status: 'unchanged',
        importId: existing.id,
        kind: kind.name,
        preset: preset.name,
        source,
        rows: existing.rows,
        replacedRows: 0,
        replaced: [],
        periodStart: existing.periodStart,
        periodEnd: existing.periodEnd,
        sha256,
      }
    }
    const importId = await insertImportRecord(s, record)
    const scope = { companyId: input.companyId, importId, kind: kind.name, preset: preset.name, source }
    report('reading')
    if (fastFields && sniffed.format === 'csv') {
      await setSavepoint(s, 'fast_path')
      let fast: Awaited<ReturnType<typeof importOrderLinesFast>> | undefined
      try {
        fast = await importOrderLinesFast(s, {
          filePath: input.filePath,
          fileName,
          encoding: sniffed.encoding,
          headerLine,
          width: match.headers.length,
          fields: fastFields,
          shop: constants.shop ?? '',
          rowOffset: plan.rowOffset,
          scope,
          signal: input.signal,
          onBytes,
          onValidated: (rows) => report('validating', rows),
        })
        report('saving', fast.rows)
        await releaseSavepoint(s, 'fast_path')
      } catch (error) {
        if (error instanceof DomainError || (error as Error)?.name === 'AbortError') throw error
        input.signal?.throwIfAborted()
        // Something the fast path does not take (a bad value, a key already live): start over on the
        // general path, which explains problems by row and column.
        await rollbackToSavepoint(s, 'fast_path')
        progress.bytesRead = 0
      }
      if (fast) {
        const counts = await countImportedOrderExclusions(s, importId, preset.orderNumberPrefixes!)
        const result: ImportFileResult = {
          status: 'imported',
          kind: kind.name,
          preset: preset.name,
          source,
          sha256,
          ...fast,
          warnings: orderExclusionWarnings(counts, preset.orderNumberPrefixes),
        }
        if (input.dryRun) throw new DryRunDone({ ...result, status: 'valid', importId: 0 })
        return result
      }
    }
    await createStage(s, plan)
    let copied: number
    try {
      if (bulk && sniffed.format === 'csv') {
        copied = await copyIntoStage(
          s,
          plan,
          csvBytesAfter(input.filePath, sniffed.encoding, headerLine, input.signal, onBytes, fileName),
        )
      } else {
        const source =
          rows ??
          (sniffed.format === 'csv'
            ? readCsvRows(input.filePath, fileName, sniffed.encoding, input.signal, onBytes)
            : readXlsxRows(input.filePath, fileName, input.signal))
        const buffered = sniffed.format === 'csv' ? [] : sample
        copied = await copyIntoStage(
          s,
          plan,
          stagedCsvLines(buffered, source, {
            match,
            headerLine,
            dataRows: preset.dataRows,
            targets: mappedTargets,
            kindColumns: kind.columns,
            checkWidth: sniffed.format === 'csv',
            fileName,
            addIssue,
          }),
          { lineAligned: true },
        )
      }
    } catch (error) {
      throw translateCopyError(error, fileName, plan.rowOffset)
    }
    input.signal?.throwIfAborted()
    report('validating', copied)
    const checked = await validateStage(s, plan)
    const seen = new Set(jsIssues.map((i) => `${i.row}:${i.column}`))
    const sqlIssues = checked.issues.filter((i) => !seen.has(`${i.row}:${i.column}`))
    const total = jsIssueCount + checked.total - (checked.issues.length - sqlIssues.length)
    if (total > 0)
      throw invalidRows(
        fileName,
        [...jsIssues, ...sqlIssues].sort((a, b) => a.row - b.row).slice(0, 100),
        total,
      )
    if (copied === 0)
      throw new DomainError(
        'invalid_input',
        `${fileName}: no data rows below the header (row ${headerLine})`,
        [{ path: 'file', message: 'no data rows' }],
      )
    input.signal?.throwIfAborted()
    const warnings =
      kind.name === 'orders'
        ? orderExclusionWarnings(await countStagedOrderExclusions(s, plan), plan.orderNumberPrefixes)
        : []
    const period = await stagedPeriod(s, plan)
    const replaceScope =
      period.start && period.end
        ? { ...scope, period: { start: period.start, end: period.end }, shops: await stagedShops(s, plan) }
        : undefined
    if (input.dryRun) {
      const replaced = replaceScope ? await findReplaceableRows(s.query, kind, replaceScope) : []
      throw new DryRunDone({
        status: 'valid',
        importId: 0,
        kind: kind.name,
        preset: preset.name,
        source,
        rows: copied,
        replacedRows: replaced.reduce((sum, r) => sum + r.rows, 0),
        replaced,
        periodStart: period.start,
        periodEnd: period.end,
        sha256,
        warnings,
      })
    }
    report('saving', copied)
    const { rows: replacedRows, replaced } = replaceScope
      ? await supersedePeriod(s, kind, replaceScope)
      : { rows: 0, replaced: [] }
    let moved: number
    try {
      await setSavepoint(s, 'move_rows')
      moved = await moveStage(s, plan, scope)
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error
      await rollbackToSavepoint(s, 'move_rows')
      const conflicts = await findKeyConflicts(s, plan, input.companyId)
      if (conflicts.total === 0) throw error
      throw invalidRows(fileName, conflicts.issues, Math.max(conflicts.total, 1))
    }
    input.signal?.throwIfAborted()
    await completeImportRecord(s, importId, {
      rows: moved,
      periodStart: period.start,
      periodEnd: period.end,
      replacedRows,
    })
    return {
      status: 'imported',
      importId,
      kind: kind.name,
      preset: preset.name,
      source,
      rows: moved,
      replacedRows,
      replaced,
      periodStart: period.start,
      periodEnd: period.end,
      sha256,
      warnings,
    }
  }

  try {
    const result = await withImportTransaction(deps.handle, run)
    report('done', result.rows)
    return result
  } catch (error) {
    if (error instanceof DryRunDone) {
      report('done', error.result.rows)
      return error.result
    }
    if (error instanceof DomainError) {
      await insertFailedImportRecord(deps.db, {
        ...record,
        errors: { message: error.message, issues: error.issues.slice(0, 100) },
      }).catch(() => undefined)
    }
    throw error
  } finally {
    await rows?.return(undefined)
  }
}

function invalidRows(fileName: string, issues: ImportIssue[], total: number): DomainError {
  const first = issues[0]
  const head = first
    ? `row ${first.row}, column ${first.column}, value "${first.value}": ${first.message}`
    : ''
  return new DomainError(
    'invalid_input',
    `${fileName}: ${total} problem${total === 1 ? '' : 's'}, nothing imported; first: ${head}`,
    issues.map((i) => ({ path: `row ${i.row}.${i.column}`, message: `"${i.value}": ${i.message}` })),
    { file: fileName, errors: issues, errorCount: total },
  )
}

/** PostgreSQL's COPY messages, said in the file's terms (row numbers of the file). */
function translateCopyError(error: unknown, fileName: string, rowOffset: number): unknown {
  if (error instanceof DomainError || (error as Error)?.name === 'AbortError') return error
  const e = error as { message?: string; where?: string; code?: string }
  const text = `${e.message ?? ''} ${e.where ?? ''}`
  const line = /line (\d+)/.exec(text)
  if (!line) return error
  const row = Number(line[1]) + rowOffset
  const msg = e.message ?? ''
  const why = msg.includes('extra data after last expected column')
    ? 'the row has more columns than the header'
    : msg.includes('missing data for column')
      ? 'the row has fewer columns than the header (is the file truncated?)'
      : msg.includes('unterminated CSV quoted field')
        ? 'a quoted field is never closed (is the file truncated?)'
        : msg.includes('invalid byte sequence')
          ? 'the bytes are not valid UTF-8; if the file is GBK, import it with encoding gbk'
          : msg
  return new DomainError('invalid_input', `${fileName}: row ${row}: ${why}; nothing imported`, [
    { path: `row ${row}`, message: why },
  ])
}

async function hashFile(filePath: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    signal?.throwIfAborted()
    hash.update(chunk)
  }
  return hash.digest('hex')
}

/** The first rows of a CSV for header detection, read within the row, column and size bounds. */
async function sampleCsv(
  filePath: string,
  fileName: string,
  encoding: DetectedEncoding,
): Promise<SheetRow[]> {
  const sample: SheetRow[] = []
  const rows = readCsvRows(filePath, fileName, encoding)
  try {
    for await (const row of rows) {
      sample.push(row)
      if (sample.length >= SAMPLE_ROWS) break
    }
  } catch (error) {
    // A row the parser cannot read after the header (an unclosed quote near the end): the import names it.
    if (!(error instanceof DomainError) || error.details?.csv === undefined || sample.length === 0)
      throw error
  } finally {
    await rows.return(undefined)
  }
  return sample
}

/** The period of an export without a date column: given, else read from the file name (…_YYYYMMDD_YYYYMMDD…). */
export function periodOf(fileName: string, input: Pick<ImportFileInput, 'periodStart'>): string | undefined {
  if (input.periodStart) return input.periodStart
  const compact = /(\d{4})(\d{2})(\d{2})_\d{8}/.exec(fileName)
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`
  const dashed = /(\d{4}-\d{2}-\d{2})_\d{4}-\d{2}-\d{2}/.exec(fileName)
  return dashed?.[1]
}

/** The file's bytes after its first `skipLines` lines, as UTF-8, without blank lines; rows and row length bounded. */
async function* csvBytesAfter(
  filePath: string,
  encoding: DetectedEncoding,
  skipLines: number,
  signal: AbortSignal | undefined,
  onBytes: (n: number) => void,
  fileName: string,
  chunkBytes = 256 * 1024,
): AsyncGenerator<Buffer> {
  let toSkip = skipLines
  const lines = { row: skipLines + 1, bytes: 0 }
  const decoder = encoding.encoding === 'utf-8' ? undefined : iconv.getDecoder(encoding.encoding)
  const stream = createReadStream(filePath, { start: encoding.bomLength, highWaterMark: chunkBytes })
  let lastByte = 10
  const mixed = encoding.encoding === 'gb18030' ? new MixedEncodingCheck() : undefined
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted()
      onBytes(raw.length)
      const utf8Line = mixed?.push(raw)
      if (utf8Line !== undefined) throw mixedEncoding(fileName, utf8Line)
      let chunk = decoder ? Buffer.from(decoder.write(raw), 'utf8') : raw
      while (toSkip > 0 && chunk.length > 0) {
        const nl = chunk.indexOf(10)
        if (nl < 0) {
          chunk = chunk.subarray(chunk.length)
          break
        }
        chunk = chunk.subarray(nl + 1)
        toSkip--
      }
      if (chunk.length === 0) continue
      checkLines(chunk, lines, fileName)
      chunk = dropBlankLines(chunk, lastByte)
      if (chunk.length === 0) continue
      lastByte = chunk[chunk.length - 1] ?? 10
      yield chunk
    }
    const lastLine = mixed?.end()
    if (lastLine !== undefined) throw mixedEncoding(fileName, lastLine)
    const rest = decoder?.end()
    if (rest) yield Buffer.from(rest, 'utf8')
  } finally {
    stream.destroy()
  }
}

/** Counts a chunk's lines (blank ones included) and their bytes: a row past maxRows or longer than maxRecordBytes is refused. */
function checkLines(chunk: Buffer, lines: { row: number; bytes: number }, fileName: string): void {
  let from = 0
  for (;;) {
    const nl = chunk.indexOf(10, from)
    lines.bytes += (nl < 0 ? chunk.length : nl) - from
    if (lines.bytes > readerLimits.maxRecordBytes) throw recordTooLong(fileName, lines.row, readerLimits)
    if (lines.row > readerLimits.maxRows && (nl > from || (nl < 0 && from < chunk.length)))
      throw tooManyRows(fileName, lines.row, readerLimits)
    if (nl < 0) return
    lines.row++
    lines.bytes = 0
    from = nl + 1
  }
}

/** Removes empty lines (COPY would read them as one-column rows); `prev` is the byte before the chunk. */
function dropBlankLines(chunk: Buffer, prev: number): Buffer {
  const startsBlank = prev === 10 && (chunk[0] === 10 || chunk[0] === 13)
  if (!startsBlank && chunk.indexOf('\n\n') < 0 && chunk.indexOf('\n\r\n') < 0) return chunk
  const text = chunk.toString('latin1')
  const cleaned = (prev === 10 ? text.replace(/^(\r?\n)+/, '') : text).replace(/\n(\r?\n)+/g, '\n')
  return Buffer.from(cleaned, 'latin1')
}

type StagingOptions = {
  match: HeaderMatch
  headerLine: number
  dataRows: number | undefined
  targets: string[]
  kindColumns: { name: string; type: import('../../core/ingest/fact-kinds.ts').FactColumnType }[]
  checkWidth: boolean
  fileName: string
  addIssue: (issue: ImportIssue) => void
}

const csvField = (value: string | null) => (value === null ? '' : `"${value.replace(/"/g, '""')}"`)

/** Parsed rows → CSV lines for COPY (row number, then the mapped columns normalised by the cell parsers). */
async function* stagedCsvLines(
  buffered: SheetRow[],
  rest: AsyncIterable<SheetRow>,
  o: StagingOptions,
): AsyncGenerator<string> {
  const types = new Map(o.kindColumns.map((c) => [c.name, c.type]))
  const width = o.match.headers.length
  let dataCount = 0
  let out: string[] = []
  let index = 0
  const all = async function* () {
    yield* buffered
    yield* rest
  }
  for await (const { row, cells, errors } of all()) {
    index++
    if (index <= o.headerLine) continue
    if (o.dataRows !== undefined && dataCount >= o.dataRows) continue
    const nonEmpty = cells.filter((c) => c.trim() !== '')
    if (nonEmpty.length === 0) continue
    if (isSummaryLabel(nonEmpty[0] ?? '')) continue
    dataCount++
    if (o.checkWidth && cells.length !== width && cells.slice(width).some((c) => c.trim() !== ''))
      o.addIssue({
        row,
        column: '(row)',
        value: `${cells.length} columns`,
        message: `the row has ${cells.length} columns, the header ${width}`,
      })
    else if (o.checkWidth && cells.length < width)
      o.addIssue({
        row,
        column: '(row)',
        value: `${cells.length} columns`,
        message: `the row has ${cells.length} columns, the header ${width} (is the file truncated?)`,
      })
    const fields = [String(row)]
    for (const target of o.targets) {
      const index = o.match.mapping[target] ?? 0
      const raw = cells[index] ?? ''
      const type = types.get(target) ?? 'text'
      const error = errors?.get(index)
      if (error) {
        o.addIssue({
          row,
          column: o.match.headers[index] ?? target,
          value: error,
          message: `单元格为错误值 ${error}（the cell holds the error value ${error}）`,
        })
        fields.push('')
        continue
      }
      if (looksLikeFormula(raw)) {
        o.addIssue({
          row,
          column: o.match.headers[index] ?? target,
          value: raw.slice(0, 200),
          message: 'looks like a spreadsheet formula; formulas are not imported',
        })
        fields.push(csvField(raw))
        continue
      }
      const parsed = parseCell(type, raw)
      if (!parsed.ok)
        o.addIssue({
          row,
          column: o.match.headers[index] ?? target,
          value: raw.slice(0, 200),
          message: parsed.reason,
        })
      fields.push(csvField(parsed.ok ? parsed.value : raw))
    }
    out.push(`${fields.join(',')}\n`)
    if (out.length >= 1000) {
      yield out.join('')
      out = []
      await yieldToEventLoop()
    }
  }
  if (out.length > 0) yield out.join('')
}

type FastPathInput = {
  filePath: string
  fileName: string
  encoding: DetectedEncoding
  headerLine: number
  width: number
  fields: Record<string, number>
  shop: string
  rowOffset: number
  scope: ImportScope
  signal: AbortSignal | undefined
  onBytes: (n: number) => void
  onValidated: (rows: number) => void
}

class FastPathDeclined extends Error {}

/**
 * The file's lines, checked and turned into final fact rows in one streaming pass, COPY'd straight into
 * fact_order_lines, then the order headers into fact_orders; then the earlier rows of the same source and
 * period are marked replaced. Throws FastPathDeclined (or a database error) when the general path must run.
 */
async function importOrderLinesFast(
  s: SqlSession,
  o: FastPathInput,
): Promise<
  Pick<ImportFileResult, 'importId' | 'rows' | 'replacedRows' | 'replaced' | 'periodStart' | 'periodEnd'>
> {
  const lines = new BulkOrderLines({
    companyId: o.scope.companyId,
    importId: o.scope.importId,
    width: o.width,
    fields: o.fields,
    shop: o.shop,
    rowOffset: o.rowOffset,
  })
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
    } catch {
      throw new FastPathDeclined('not UTF-8')
    }
  }
  async function* rows(): AsyncGenerator<string> {
    // 64 KB chunks: the per-line garbage of a chunk dies young instead of filling the old generation, and
    // one chunk's parsing (a few ms) is all the event loop waits for before other requests get a turn.
    const chunks = csvBytesAfter(
      o.filePath,
      o.encoding,
      o.headerLine,
      o.signal,
      o.onBytes,
      o.fileName,
      64 * 1024,
    )
    for await (const chunk of chunks) {
      const out = lines.push(decode(chunk))
      if (lines.bailed) throw new FastPathDeclined(lines.bailed)
      if (out) yield out
      await yieldToEventLoop()
    }
    const out = lines.push(decode()) + lines.finish()
    if (lines.bailed) throw new FastPathDeclined(lines.bailed)
    if (out) yield out
  }
  const copied = await copyIntoOrderLines(s, lines.copyColumns, rows())
  if (copied === 0 || copied !== lines.rows) throw new FastPathDeclined('no rows')
  o.onValidated(copied)
  o.signal?.throwIfAborted()
  // The order headers in slices of whole lines, so neither building them nor (on PGlite) one COPY holds the loop.
  async function* orders(): AsyncGenerator<string> {
    for (const chunk of lines.ordersCsvChunks(1000)) {
      yield chunk
      await yieldToEventLoop()
    }
  }
  await copyIntoOrders(s, bulkOrderCopyColumns, orders())
  const period = { start: lines.start as string, end: lines.end as string }
  const { rows: replacedRows, replaced } = await supersedePeriod(s, factKinds.orders, {
    ...o.scope,
    period,
    shops: lines.shops(),
  })
  await completeImportRecord(s, o.scope.importId, {
    rows: copied,
    periodStart: period.start,
    periodEnd: period.end,
    replacedRows,
  })
  return {
    importId: o.scope.importId,
    rows: copied,
    replacedRows,
    replaced,
    periodStart: period.start,
    periodEnd: period.end,
  }
}
