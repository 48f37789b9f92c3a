import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CompiledQuery, sql } from 'kysely'
import { from as copyFrom } from 'pg-copy-streams'
import type { FactColumnType, FactKind } from '../core/ingest/fact-kinds.ts'
import { factKinds } from '../core/ingest/fact-kinds.ts'
import { maxImportedMagnitude } from '../core/ingest/parse-value.ts'
import type { OrderNumberPrefixes } from '../core/ingest/presets/preset.ts'
import type { Db } from './database.ts'
import type { DatabaseHandle } from './open-database.ts'

// The set-based half of an import: a staging table filled by COPY, validation queries that name
// row, column, value and reason, and the move into the fact tables, all on one transaction.

/** One connection inside one transaction, with COPY. */
export type SqlSession = {
  engine: 'pglite' | 'postgres'
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>
  /**
   * Runs `copySql` (which says `{source}` where STDIN or the blob goes) over the given bytes; returns rows
   * copied. `lineAligned`: every chunk ends at a row boundary, so PGlite may run one short COPY per
   * PGLITE_COPY_BATCH instead of one statement over the whole file (which would hold the event loop).
   */
  copyIn(
    copySql: string,
    data: AsyncIterable<Uint8Array | string> | Iterable<string>,
    options?: { lineAligned?: boolean },
  ): Promise<number>
}

/**
 * Bytes PGlite receives per COPY when the data is line-aligned. `jixiao serve` runs PGlite on a thread of its
 * own (db/pglite-thread.ts); where it runs on the caller's thread (CLI commands, tests), one statement holds that
 * thread for its whole run: 128 KB (about 1,500 order lines) is one COPY of some 20–40 ms, and the loop gets a
 * turn between batches (issue 12.2). All batches share the one transaction.
 */
export const PGLITE_COPY_BATCH = 128 * 1024

/** Lets the event loop answer other requests (timers, sockets) before the next batch. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Runs `fn` in one transaction on one connection; an error (or an abort) rolls everything back. */
export async function withImportTransaction<T>(
  handle: DatabaseHandle,
  fn: (s: SqlSession) => Promise<T>,
): Promise<T> {
  if (handle.pool) {
    const client = await handle.pool.connect()
    let broken = false
    try {
      await client.query('begin')
      await client.query(`set local work_mem = '256MB'`)
      const session: SqlSession = {
        engine: 'postgres',
        query: async (text, params) => (await client.query(text, params as unknown[])).rows,
        copyIn: async (copySql, data) => {
          const stream = client.query(copyFrom(copySql.replace('{source}', 'stdin')))
          await pipeline(Readable.from(data), stream)
          return stream.rowCount ?? 0
        },
      }
      const result = await fn(session)
      await client.query('commit')
      return result
    } catch (error) {
      await client.query('rollback').catch(() => {
        broken = true
      })
      throw error
    } finally {
      client.release(broken)
    }
  }
  const pglite = handle.pglite
  if (!pglite) throw new Error('database handle has neither a pool nor a PGlite instance')
  return pglite.transaction(async (tx) => {
    await tx.query(`set local work_mem = '64MB'`)
    const session: SqlSession = {
      engine: 'pglite',
      query: async <R>(text: string, params?: unknown[]) => {
        const result = await tx.query<R>(text, params)
        await yieldToEventLoop()
        return result.rows
      },
      copyIn: async (copySql, data, options) => {
        const text = copySql.replace('{source}', "'/dev/blob'")
        let parts: BlobPart[] = []
        let size = 0
        let rows = 0
        const flush = async () => {
          const result = await tx.query(text, [], { blob: new Blob(parts) })
          rows += result.affectedRows ?? 0
          parts = []
          size = 0
          await yieldToEventLoop()
        }
        for await (const chunk of data) {
          parts.push(chunk as BlobPart)
          size += chunk.length
          if (options?.lineAligned && size >= PGLITE_COPY_BATCH) await flush()
        }
        if (parts.length > 0 || rows === 0) await flush()
        return rows
      },
    }
    return fn(session)
  })
}

/** Where each fact column's text comes from in the staging table: a staging column or a constant. */
/** Marks a point the import's transaction can roll back to (a path that may give way to another). */
export async function setSavepoint(s: SqlSession, name: 'fast_path' | 'move_rows'): Promise<void> {
  await s.query(`savepoint ${name}`)
}

export async function releaseSavepoint(s: SqlSession, name: 'fast_path' | 'move_rows'): Promise<void> {
  await s.query(`release savepoint ${name}`)
}

/** Undoes what the transaction did since the savepoint, keeping what it did before. */
export async function rollbackToSavepoint(s: SqlSession, name: 'fast_path' | 'move_rows'): Promise<void> {
  await s.query(`rollback to savepoint ${name}`)
}

/** COPYs final order lines (CSV, whole lines per chunk) straight into fact_order_lines; returns rows copied. */
export async function copyIntoOrderLines(
  s: SqlSession,
  columns: readonly string[],
  csv: AsyncIterable<string>,
): Promise<number> {
  return s.copyIn(`copy fact_order_lines (${columns.join(', ')}) from {source} with (format csv)`, csv, {
    lineAligned: true,
  })
}

/** COPYs order headers (CSV, whole lines per chunk) into fact_orders. */
export async function copyIntoOrders(
  s: SqlSession,
  columns: readonly string[],
  csv: AsyncIterable<string>,
): Promise<number> {
  return s.copyIn(`copy fact_orders (${columns.join(', ')}) from {source} with (format csv)`, csv, {
    lineAligned: true,
  })
}

export type ColumnSource = { column: string; header: string } | { constant: string | null }

export type StagePlan = {
  kind: FactKind
  /** Staging text columns in COPY order (the row number `ln` is first when `lnProvided`). */
  stagingColumns: string[]
  lnProvided: boolean
  /** File row = ln + rowOffset. */
  rowOffset: number
  sources: Record<string, ColumnSource>
  /** The preset's order-number convention (UCI's C…/A…); absent: the status column alone marks cancellations. */
  orderNumberPrefixes?: OrderNumberPrefixes
  /** The preset's own status words for a cancelled or refunded order, read besides CANCELLED_STATUS. */
  excludedStatuses?: string[]
}

export type ImportIssue = { row: number; column: string; value: string; message: string }

export const STAGE = 'jx_stage'

export async function createStage(s: SqlSession, plan: StagePlan): Promise<void> {
  const cols = plan.stagingColumns.filter((c) => c !== 'ln').map((c) => `${c} text`)
  // On PGlite the checks and the move run over ranges of ln (see stageRanges), which the key makes cheap.
  const key = s.engine === 'pglite' ? ' primary key' : ''
  await s.query(
    `create temp table ${STAGE} (ln bigint generated by default as identity${key}, ${cols.join(', ')}) on commit drop`,
  )
}

/** A range of staged rows by ln (inclusive); undefined is every row. */
export type LnRange = { from: number; to: number } | undefined

/** Staged rows per statement on PGlite: about 20–30 ms of CPU for the checks and the move of a typical kind. */
const PGLITE_STAGE_BATCH = 2000

/**
 * The ln ranges a statement over the staging table runs in. PostgreSQL: one, every row (the server does the
 * work; the event loop only waits). PGlite: ranges of PGLITE_STAGE_BATCH ln values, so that where it runs on
 * the caller's thread a statement over 100,000 rows does not hold it for a second or more (issue 12.2).
 */
export async function stageRanges(s: SqlSession): Promise<LnRange[]> {
  if (s.engine !== 'pglite') return [undefined]
  const [bounds] = await s.query<{ lo: string | number | null; hi: string | number | null }>(
    `select min(ln) as lo, max(ln) as hi from ${STAGE}`,
  )
  if (bounds?.lo === null || bounds?.lo === undefined || bounds.hi === null) return [undefined]
  const ranges: LnRange[] = []
  for (let from = Number(bounds.lo); from <= Number(bounds.hi); from += PGLITE_STAGE_BATCH)
    ranges.push({ from, to: from + PGLITE_STAGE_BATCH - 1 })
  return ranges
}

/** The COPY statement for the plan's staging columns (CSV, empty unquoted = null). */
export function copySql(plan: StagePlan): string {
  return `copy ${STAGE} (${plan.stagingColumns.join(', ')}) from {source} with (format csv)`
}

/** COPYs CSV into the staging table; `lineAligned` as for SqlSession.copyIn. Returns rows copied. */
export async function copyIntoStage(
  s: SqlSession,
  plan: StagePlan,
  csv: AsyncIterable<Uint8Array | string>,
  options?: { lineAligned?: boolean },
): Promise<number> {
  return s.copyIn(copySql(plan), csv, options)
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`
const NUM_RE = `'^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$'`
const INT_RE = `'^[-+]?[0-9]+$'`
const TRUE_WORDS = `('true','t','1','yes','y','是')`
const FALSE_WORDS = `('false','f','0','no','n','否')`
const CANCELLED_STATUS = `('cancelled','canceled','已取消','取消','交易关闭')`

/** The trimmed text of a fact column, or null, as a column of `stagedRows(plan)`. */
export function stagedValue(plan: StagePlan, column: string): string {
  const src = plan.sources[column]
  if (!src) return 'null::text'
  if ('constant' in src) return src.constant === null ? 'null::text' : quote(src.constant)
  return `s.c_${column}`
}

/** The staging table with each mapped column trimmed once (empty → null), aliased `alias`. */
export function stagedRows(plan: StagePlan, alias = 's', range?: LnRange): string {
  const cols = Object.entries(plan.sources)
    .filter((e): e is [string, { column: string; header: string }] => 'column' in e[1])
    .map(([target, src]) => `nullif(btrim(${src.column}), '') as c_${target}`)
  const where = range ? ` where ln between ${Math.trunc(range.from)} and ${Math.trunc(range.to)}` : ''
  // offset 0 keeps the planner from inlining the subquery, so each cell is trimmed once, not once per check.
  return `(select ln, ${cols.join(', ')} from ${STAGE}${where} offset 0) ${alias}`
}

const isInt = (v: string) => `(translate(${v}, '0123456789', '') = '' or ${v} ~ ${INT_RE})`
const isNum = (v: string) =>
  `((translate(${v}, '0123456789', '') in ('', '.') and ${v} <> '.') or ${v} ~ ${NUM_RE})`

function headerOf(plan: StagePlan, column: string): string {
  const src = plan.sources[column]
  return src && 'header' in src ? src.header : column
}

function formatProblem(type: FactColumnType, v: string): { bad: string; why: string } | undefined {
  switch (type) {
    case 'int':
      return { bad: `not ${isInt(v)}`, why: 'not a whole number' }
    case 'numeric':
    case 'rate':
    case 'seconds':
      return { bad: `not ${isNum(v)}`, why: 'not a number' }
    case 'date':
      return { bad: `not jixiao_is_timestamp(${v})`, why: 'not a date (YYYY-MM-DD) or an impossible date' }
    case 'timestamp':
      return {
        bad: `not jixiao_is_timestamp(${v})`,
        why: 'not a date and time (YYYY-MM-DD HH:MM:SS) or an impossible one',
      }
    case 'bool':
      return {
        bad: `lower(${v}) not in ${TRUE_WORDS} and lower(${v}) not in ${FALSE_WORDS}`,
        why: 'not yes/no',
      }
    case 'text':
      return {
        // The same rule as looksLikeFormula in src/core/ingest/parse-value.ts.
        bad: `left(${v}, 1) in ('=', '@', '+', '-') and (${v} ~ '^(=|@|[+-][A-Za-z])' or (${v} ~ '^[+-][0-9.(].*[+*/^&|!()=<>]' and ${v} !~ '^[-+]?[0-9,，.]+([eE][-+]?[0-9]+)?%?$'))`,
        why: 'looks like a spreadsheet formula; formulas are not imported',
      }
  }
}

/** The typed SQL expression of a fact column (after validation). */
function castOf(plan: StagePlan, column: string, type: FactColumnType, isKey: boolean): string {
  const v = stagedValue(plan, column)
  switch (type) {
    case 'text':
      return isKey ? `coalesce(${v}, '')` : v
    case 'int':
      return `(${v})::bigint`
    case 'numeric':
    case 'rate':
    case 'seconds':
      return `(${v})::numeric`
    case 'date':
      return `(replace(${v}, 'T', ' '))::timestamp::date`
    case 'timestamp':
      return `(replace(${v}, 'T', ' '))::timestamp`
    case 'bool':
      return `case when lower(${v}) in ${TRUE_WORDS} then true when lower(${v}) in ${FALSE_WORDS} then false end`
  }
}

/** `upper(<value>) like 'P%'` for a prefix of the preset's convention (LIKE wildcards escaped). */
function startsWith(value: string, prefix: string): string {
  const pattern = prefix.toUpperCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)
  return `upper(coalesce(${value}, '')) like ${quote(`${pattern}%`)}`
}

/** A cancellation: the status column says so, or (UCI preset only) the order number has the cancellation prefix. */
function cancelledByStatusExpr(plan: StagePlan): string {
  const status = `lower(coalesce(${stagedValue(plan, 'status')}, ''))`
  const own = (plan.excludedStatuses ?? []).map((word) => quote(word.toLowerCase()))
  return own.length === 0
    ? `${status} in ${CANCELLED_STATUS}`
    : `(${status} in ${CANCELLED_STATUS} or ${status} in (${own.join(', ')}))`
}

function cancelledByPrefixExpr(plan: StagePlan): string {
  const prefixes = plan.orderNumberPrefixes
  return prefixes ? startsWith(stagedValue(plan, 'order_no'), prefixes.cancellation) : 'false'
}

function adjustmentByPrefixExpr(plan: StagePlan, orderNo = stagedValue(plan, 'order_no')): string {
  const prefixes = plan.orderNumberPrefixes
  return prefixes ? startsWith(orderNo, prefixes.adjustment) : 'false'
}

function isCancellationExpr(plan: StagePlan): string {
  return `(${cancelledByPrefixExpr(plan)} or ${cancelledByStatusExpr(plan)})`
}

/** The order lines the fast path wrote for an import, counted as countStagedOrderExclusions counts staged rows. */
export async function countImportedOrderExclusions(
  s: SqlSession,
  importId: number,
  prefixes: OrderNumberPrefixes,
): Promise<{ rows: number; cancellationPrefix: number; status: number; adjustmentPrefix: number }> {
  const rows = await s.query<Record<'n' | 'c' | 'a', string | number>>(
    `select count(*) as n, count(*) filter (where is_cancellation) as c,
            count(*) filter (where not is_cancellation and ${startsWith('order_no', prefixes.adjustment)}) as a
       from fact_order_lines where import_id = $1::int`,
    [importId],
  )
  const row = rows[0]
  return {
    rows: Number(row?.n ?? 0),
    cancellationPrefix: Number(row?.c ?? 0),
    status: 0,
    adjustmentPrefix: Number(row?.a ?? 0),
  }
}

/** Staged order rows a rule keeps out of the sales figures, by rule: every row, and those the rules exclude. */
export async function countStagedOrderExclusions(
  s: SqlSession,
  plan: StagePlan,
): Promise<{ rows: number; cancellationPrefix: number; status: number; adjustmentPrefix: number }> {
  if (plan.kind.name !== 'orders') return { rows: 0, cancellationPrefix: 0, status: 0, adjustmentPrefix: 0 }
  const rows = await s.query<Record<'n' | 'c' | 's' | 'a', string | number>>(
    `select count(*) as n,
            count(*) filter (where ${cancelledByPrefixExpr(plan)}) as c,
            count(*) filter (where not ${cancelledByPrefixExpr(plan)} and ${cancelledByStatusExpr(plan)}) as s,
            count(*) filter (where not ${isCancellationExpr(plan)} and ${adjustmentByPrefixExpr(plan)}) as a
       from ${stagedRows(plan)}`,
  )
  const row = rows[0]
  return {
    rows: Number(row?.n ?? 0),
    cancellationPrefix: Number(row?.c ?? 0),
    status: Number(row?.s ?? 0),
    adjustmentPrefix: Number(row?.a ?? 0),
  }
}

/** Checks beyond a column's own type: e.g. a negative quantity only on a cancellation. */
function kindProblems(plan: StagePlan): { column: string; bad: string; why: string }[] {
  if (plan.kind.name !== 'orders') return []
  const q = stagedValue(plan, 'quantity')
  const p = stagedValue(plan, 'unit_price')
  const a = stagedValue(plan, 'amount')
  const o = stagedValue(plan, 'order_no')
  const priceNum = `case when ${isNum(p)} then (${p})::numeric end`
  return [
    {
      column: 'quantity',
      bad: `case when left(${q}, 1) <> '-' then false when ${isInt(q)} then (${q})::bigint < 0 and not ${isCancellationExpr(plan)} and coalesce(${priceNum}, 1) <> 0 else false end`,
      why: plan.orderNumberPrefixes
        ? `negative quantity on an order that is not a cancellation (cancellations have an order number starting with ${plan.orderNumberPrefixes.cancellation} or a cancelled status)`
        : 'negative quantity on an order that is not a cancellation (the status column marks cancellations)',
    },
    {
      column: 'unit_price',
      bad: `coalesce(${priceNum} < 0 and not ${adjustmentByPrefixExpr(plan, o)}, false)`,
      why: plan.orderNumberPrefixes
        ? `negative price outside an adjustment (order number starting with ${plan.orderNumberPrefixes.adjustment})`
        : 'negative price: this preset takes no adjustments',
    },
    {
      column: 'unit_price',
      bad: `${p} is null and ${a} is null`,
      why: 'a line needs an amount or a unit price',
    },
  ]
}

/** Validates every staged row; returns the first `limit` problems (by row) and how many there are in all. */
export async function validateStage(
  s: SqlSession,
  plan: StagePlan,
  limit = 100,
): Promise<{ issues: ImportIssue[]; total: number }> {
  const checks: string[] = []
  const conditions: string[] = []
  const add = (column: string, bad: string, why: string) => {
    const v = stagedValue(plan, column)
    conditions.push(`coalesce(${bad}, false)`)
    checks.push(
      `case when ${bad} then ${quote(headerOf(plan, column))} || chr(31) || coalesce(left(${v}, 200), '') || chr(31) || ${quote(why)} end`,
    )
  }
  for (const col of plan.kind.columns) {
    if (col.derived) continue
    const v = stagedValue(plan, col.name)
    if (col.required) add(col.name, `${v} is null`, 'required value is missing')
    if (!plan.sources[col.name] || 'constant' in (plan.sources[col.name] ?? {})) continue
    const format = formatProblem(col.type, v)
    if (format) add(col.name, format.bad, format.why)
    if (col.type === 'int' || col.type === 'numeric' || col.type === 'rate' || col.type === 'seconds')
      add(
        col.name,
        `case when ${isNum(v)} then length(${v}) > 60 or abs((${v})::numeric) > ${maxImportedMagnitude} else false end`,
        'out of range: numbers must lie within ±1,000,000,000,000',
      )
    if (
      col.nonNegative &&
      col.type !== 'text' &&
      col.type !== 'date' &&
      col.type !== 'timestamp' &&
      col.type !== 'bool'
    )
      add(
        col.name,
        `case when left(${v}, 1) <> '-' then false when ${isNum(v)} then (${v})::numeric < 0 else false end`,
        'must not be negative',
      )
  }
  for (const k of kindProblems(plan)) add(k.column, k.bad, k.why)
  // A cheap boolean pass first; the per-cell messages are built only when some row is bad.
  const ranges = await stageRanges(s)
  let anyBad = false
  for (const range of ranges) {
    const [any] = await s.query<{ bad: boolean }>(
      `select exists (select 1 from ${stagedRows(plan, 's', range)} where ${conditions.join(' or ') || 'false'}) as bad`,
    )
    anyBad = any?.bad === true
    if (anyBad) break
  }
  if (!anyBad) return findDuplicateKeys(s, plan, limit)
  const issues: ImportIssue[] = []
  let total = 0
  for (const range of ranges) {
    const rows = await s.query<{ ln: string | number; p: string; total: string | number }>(
      `with bad as (
         select ln, array_remove(array[${checks.join(',\n')}]::text[], null) as problems from ${stagedRows(plan, 's', range)}
       ), flat as (select ln, unnest(problems) as p from bad where cardinality(problems) > 0)
       select ln, p, count(*) over () as total from flat order by ln limit ${limit}`,
    )
    for (const r of rows) {
      if (issues.length >= limit) break
      const [column = '', value = '', message = ''] = r.p.split('\u001f')
      issues.push({ row: Number(r.ln) + plan.rowOffset, column, value, message })
    }
    total += rows.length > 0 ? Number(rows[0]?.total) : 0
  }
  if (total > 0) return { issues, total }
  return findDuplicateKeys(s, plan, limit)
}

async function findDuplicateKeys(
  s: SqlSession,
  plan: StagePlan,
  limit: number,
): Promise<{ issues: ImportIssue[]; total: number }> {
  const keyCols = plan.kind.naturalKey
  if (keyCols.some((k) => plan.kind.columns.find((c) => c.name === k)?.derived))
    return { issues: [], total: 0 }
  const exprs = keyCols.map((k) => {
    const col = plan.kind.columns.find((c) => c.name === k)
    return castOf(plan, k, col?.type ?? 'text', true)
  })
  const rows = await s.query<{ first: string | number; rows: string; key: string; total: string | number }>(
    `select min(ln) as first, string_agg(ln::text, ',' order by ln) as rows,
            concat_ws(' / ', ${exprs.map((e) => `${e}::text`).join(', ')}) as key, count(*) over () as total
       from ${stagedRows(plan)} group by ${exprs.join(', ')} having count(*) > 1 order by min(ln) limit ${limit}`,
  )
  const issues = rows.map((r) => {
    const lines = r.rows
      .split(',')
      .map((n) => Number(n) + plan.rowOffset)
      .join(', ')
    return {
      row: Number(r.first) + plan.rowOffset,
      column: keyCols.map((k) => headerOf(plan, k)).join(' + '),
      value: r.key,
      message: `duplicate key within the file (rows ${lines})`,
    }
  })
  return { issues, total: rows.length > 0 ? Number(rows[0]?.total) : 0 }
}

/** The first and last day the staged rows cover. */
export async function stagedPeriod(
  s: SqlSession,
  plan: StagePlan,
): Promise<{ start: string | null; end: string | null }> {
  const day = dayExpr(plan)
  let start: string | null = null
  let end: string | null = null
  for (const range of await stageRanges(s)) {
    const [row] = await s.query<{ start: string | null; end: string | null }>(
      `select min(${day})::text as start, max(${day})::text as end from ${stagedRows(plan, 's', range)}`,
    )
    // YYYY-MM-DD texts order as the dates do.
    if (row?.start && (start === null || row.start < start)) start = row.start
    if (row?.end && (end === null || row.end > end)) end = row.end
  }
  return { start, end }
}

function dayExpr(plan: StagePlan): string {
  const col = plan.kind.columns.find((c) => c.name === plan.kind.dateColumn)
  return `(${castOf(plan, plan.kind.dateColumn, col?.type ?? 'date', false)})::date`
}

export type ImportScope = {
  companyId: number
  importId: number
  kind: string
  preset: string
  source: string
}

/** A way to run SQL text with parameters: an import's SqlSession, or the Kysely database (sqlRunnerOf). */
export type RunSql = <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>

/** Runs SQL text on the Kysely database, outside any import transaction (previews). */
export function sqlRunnerOf(db: Db): RunSql {
  return async <R>(text: string, params: unknown[] = []) =>
    (await db.executeQuery(CompiledQuery.raw(text, params))).rows as R[]
}

/**
 * What an import may replace: live rows of earlier completed imports of the same company, kind, preset and
 * source, inside the period, and (for kinds with a shop column) of the shops the new rows name. Never others.
 */
export type ReplaceScope = ImportScope & {
  period: { start: string; end: string }
  /** The shops of the new rows; null for a kind without a shop column. */
  shops: string[] | null
}

/** Live rows of one earlier import (and shop) that an import replaces or would replace. */
export type ReplacedRows = {
  importId: number
  fileName: string
  importedAt: string
  /** null for a kind without a shop column. */
  shop: string | null
  rows: number
}

const hasShop = (kind: FactKind) => kind.columns.some((c) => c.name === 'shop')

/** The rows of `table` (aliased f) a ReplaceScope covers, and its parameters ($1…). */
function replaceableWhere(kind: FactKind, scope: ReplaceScope): { where: string; params: unknown[] } {
  const params: unknown[] = [
    scope.companyId,
    scope.period.start,
    scope.period.end,
    scope.kind,
    scope.preset,
    scope.source,
    scope.importId,
  ]
  let where = `f.company_id = $1 and f.superseded_by is null and f.day between $2::date and $3::date
     and f.import_id in (select id from imports where company_id = $1 and kind = $4 and preset = $5 and source = $6
                           and status = 'completed' and id <> $7)`
  if (hasShop(kind) && scope.shops) {
    params.push(scope.shops)
    where += ` and coalesce(f.shop, '') = any($${params.length}::text[])`
  }
  return { where, params }
}

const replacedOf = (
  rows: {
    import_id: number
    file_name: string
    created_at: string
    shop: string | null
    n: string | number
  }[],
) =>
  rows.map((r) => ({
    importId: Number(r.import_id),
    fileName: r.file_name,
    importedAt: r.created_at,
    shop: r.shop,
    rows: Number(r.n),
  }))

/** The live rows an import of this scope would replace, by earlier import and shop (for the preview). */
export async function findReplaceableRows(
  run: RunSql,
  kind: FactKind,
  scope: ReplaceScope,
): Promise<ReplacedRows[]> {
  const { where, params } = replaceableWhere(kind, scope)
  const shop = hasShop(kind) ? 'f.shop' : 'null::text'
  const rows = await run<{
    import_id: number
    file_name: string
    created_at: string
    shop: string | null
    n: string
  }>(
    `select f.import_id, i.file_name, i.created_at::text as created_at, ${shop} as shop, count(*) as n
       from ${kind.table} f join imports i on i.id = f.import_id
      where ${where}
      group by f.import_id, i.file_name, i.created_at, ${shop} order by f.import_id, ${shop}`,
    params,
  )
  return replacedOf(rows)
}

/**
 * Marks the live rows of the scope (see ReplaceScope) as replaced by the new import; returns how many rows
 * of the kind's table, by earlier import and shop.
 */
export async function supersedePeriod(
  s: SqlSession,
  kind: FactKind,
  scope: ReplaceScope,
): Promise<{ rows: number; replaced: ReplacedRows[] }> {
  const [earlier] = await s.query<{ any: boolean }>(
    `select exists (select 1 from imports where company_id = $1 and kind = $2 and preset = $3 and source = $4
                      and status = 'completed' and id <> $5) as any`,
    [scope.companyId, scope.kind, scope.preset, scope.source, scope.importId],
  )
  if (!earlier?.any) return { rows: 0, replaced: [] } // a first import of this source: nothing to scan
  const tables = kind.name === 'orders' ? [kind.table, 'fact_orders'] : [kind.table]
  const { where, params } = replaceableWhere(kind, scope)
  const shop = hasShop(kind) ? 'f.shop' : 'null::text'
  let replaced: ReplacedRows[] = []
  for (const table of tables) {
    const rows = await s.query<{
      import_id: number
      file_name: string
      created_at: string
      shop: string | null
      n: string
    }>(
      `with changed as (
         update ${table} as f set superseded_by = $7 where ${where}
         returning f.import_id, ${shop} as shop)
       select c.import_id, i.file_name, i.created_at::text as created_at, c.shop, count(*) as n
         from changed c join imports i on i.id = c.import_id
        group by c.import_id, i.file_name, i.created_at, c.shop order by c.import_id, c.shop`,
      params,
    )
    if (table === kind.table) replaced = replacedOf(rows)
  }
  return { rows: replaced.reduce((sum, r) => sum + r.rows, 0), replaced }
}

/** The shops the staged rows name ('' for rows without one); null for a kind without a shop column. */
export async function stagedShops(s: SqlSession, plan: StagePlan): Promise<string[] | null> {
  if (!hasShop(plan.kind)) return null
  const ranges = await stageRanges(s)
  const shops: string[] = []
  for (const range of ranges) {
    const rows = await s.query<{ shop: string }>(
      `select distinct ${castOf(plan, 'shop', 'text', true)} as shop from ${stagedRows(plan, 's', range)} order by 1`,
    )
    shops.push(...rows.map((r) => r.shop))
  }
  return ranges.length === 1 ? shops : [...new Set(shops)].sort()
}

/**
 * The company's completed import of this file (by hash and kind) whose rows are all still live, if any: a file
 * whose rows another import has replaced since is imported again rather than answered "unchanged".
 */
export async function findLiveImport(
  run: RunSql,
  input: { companyId: number; kind: FactKind; sha256: string },
): Promise<{ id: number; rows: number; periodStart: string | null; periodEnd: string | null } | undefined> {
  const [row] = await run<{
    id: number
    rows: number
    period_start: string | null
    period_end: string | null
  }>(
    `select i.id, i.rows, i.period_start::text as period_start, i.period_end::text as period_end
       from imports i
      where i.company_id = $1 and i.sha256 = $2 and i.kind = $3 and i.status = 'completed'
        and not exists (select 1 from ${input.kind.table} f
                         where f.company_id = $1 and f.import_id = i.id and f.superseded_by is not null)
      order by i.id desc limit 1`,
    [input.companyId, input.sha256, input.kind.name],
  )
  return row
    ? { id: Number(row.id), rows: Number(row.rows), periodStart: row.period_start, periodEnd: row.period_end }
    : undefined
}

export type ImportLockKey = { companyId: number; kind: string; source: string }

/** The advisory lock's text key (hashed to a bigint by hashtextextended). */
export function importLockKey(key: ImportLockKey): string {
  return `jixiao.import:${key.companyId}:${key.kind}:${key.source}`
}

/**
 * Serialises imports of one company, kind and source: taken first in the import transaction and held until it
 * ends, so a second import of the same file waits and then finds the first one's rows ("unchanged").
 * A wait longer than `timeoutMs` answers `import_busy`.
 */
export async function lockImportScope(
  s: SqlSession,
  key: ImportLockKey,
  timeoutMs = 10 * 60 * 1000,
): Promise<boolean> {
  await s.query(`set local lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`)
  try {
    await s.query('savepoint import_lock')
    await s.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [importLockKey(key)])
    await s.query('release savepoint import_lock')
    return true
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error
    await s.query('rollback to savepoint import_lock')
    return false
  } finally {
    await s.query('set local lock_timeout = 0')
  }
}

/** Moves the staged rows into the fact table (and, for order lines, builds the order headers). */
export async function moveStage(s: SqlSession, plan: StagePlan, scope: ImportScope): Promise<number> {
  const kind = plan.kind
  const targets: string[] = []
  const exprs: string[] = []
  for (const col of kind.columns) {
    targets.push(col.name)
    const isKey = kind.naturalKey.includes(col.name)
    if (kind.name === 'orders' && col.name === 'line_no')
      exprs.push(
        `row_number() over (partition by coalesce(${stagedValue(plan, 'shop')}, ''), ${stagedValue(plan, 'order_no')} order by ln)`,
      )
    else if (kind.name === 'orders' && col.name === 'amount')
      exprs.push(
        `coalesce((${stagedValue(plan, 'amount')})::numeric, (${stagedValue(plan, 'quantity')})::bigint * (${stagedValue(plan, 'unit_price')})::numeric)`,
      )
    else if (kind.name === 'orders' && col.name === 'is_cancellation') exprs.push(isCancellationExpr(plan))
    else exprs.push(castOf(plan, col.name, col.type, isKey))
  }
  if (kind.name !== 'orders') return moveStageInRanges(s, plan, scope, targets, exprs)
  // Order headers are built from the rows just inserted, in the same statement (no second read); line numbers
  // count within an order across the file, so order lines move in one statement.
  const rows = await s.query<{ n: string | number }>(
    `with moved as (
           insert into ${kind.table} (company_id, import_id, row_no, day, ${targets.join(', ')})
           select $1::int, $2::int, ln + ${plan.rowOffset}, ${dayExpr(plan)}, ${exprs.join(', ')} from ${stagedRows(plan)}
           returning shop, order_no, customer_id, ordered_at, day, amount, quantity, is_cancellation, agent_nick),
         headers as (
           insert into fact_orders (company_id, import_id, shop, order_no, customer_id, ordered_at, day, amount, quantity,
                                    lines, is_cancellation, order_status, agent_nick)
           select $1::int, $2::int, shop, order_no, max(customer_id), min(ordered_at), min(day), sum(amount), sum(quantity),
                  count(*), bool_or(is_cancellation),
                  case when bool_or(is_cancellation) then 'cancellation'
                       when ${adjustmentByPrefixExpr(plan, 'order_no')} or not bool_or(quantity > 0) then 'adjustment'
                       else 'order' end,
                  max(agent_nick)
             from moved group by shop, order_no
           returning 1)
         select (select count(*) from moved) as n, (select count(*) from headers) as orders`,
    [scope.companyId, scope.importId],
  )
  return Number(rows[0]?.n ?? 0)
}

/** The move of a kind other than orders, in ln ranges on PGlite (see stageRanges); order lines need one statement. */
async function moveStageInRanges(
  s: SqlSession,
  plan: StagePlan,
  scope: ImportScope,
  targets: string[],
  exprs: string[],
): Promise<number> {
  let moved = 0
  for (const range of await stageRanges(s)) {
    const rows = await s.query<{ n: string | number }>(
      `with moved as (
         insert into ${plan.kind.table} (company_id, import_id, row_no, day, ${targets.join(', ')})
         select $1::int, $2::int, ln + ${plan.rowOffset}, ${dayExpr(plan)}, ${exprs.join(', ')}
           from ${stagedRows(plan, 's', range)}
         returning 1)
       select count(*) as n from moved`,
      [scope.companyId, scope.importId],
    )
    moved += Number(rows[0]?.n ?? 0)
  }
  return moved
}

/** Which live rows (by key) collide with rows already imported from another source, for the error message. */
export async function findKeyConflicts(
  s: SqlSession,
  plan: StagePlan,
  companyId: number,
  limit = 100,
): Promise<{ issues: ImportIssue[]; total: number }> {
  const kind = plan.kind
  const keyCols = kind.naturalKey.filter((k) => !kind.columns.find((c) => c.name === k)?.derived)
  const exprs = keyCols.map((k) =>
    castOf(plan, k, kind.columns.find((c) => c.name === k)?.type ?? 'text', true),
  )
  const table = kind.name === 'orders' ? 'fact_orders' : kind.table
  const on = keyCols.map((k, i) => `f.${k} = ${exprs[i]}`).join(' and ')
  const rows = await s.query<{
    ln: string | number
    key: string
    import_id: number
    source: string
    total: string | number
  }>(
    `select s.ln, concat_ws(' / ', ${exprs.map((e) => `${e}::text`).join(', ')}) as key, f.import_id, i.source,
            count(*) over () as total
       from ${stagedRows(plan)} join ${table} f on f.company_id = $1 and f.superseded_by is null and ${on}
       join imports i on i.id = f.import_id
      order by s.ln limit ${limit}`,
    [companyId],
  )
  return {
    issues: rows.map((r) => ({
      row: Number(r.ln) + plan.rowOffset,
      column: keyCols.map((k) => headerOf(plan, k)).join(' + '),
      value: r.key,
      message: `already imported by import #${r.import_id} (source "${r.source}"); undo that import or use the same source to replace it`,
    })),
    total: rows.length > 0 ? Number(rows[0]?.total) : 0,
  }
}

/** Deletes an import's rows and brings back the rows it replaced. */
export async function undoImportRows(db: Db, companyId: number, importId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let removed = 0
    for (const table of [...Object.values(factKinds).map((k) => k.table), 'fact_orders']) {
      const deleted = await sql<{ n: number }>`
        with gone as (delete from ${sql.table(table)} where company_id = ${companyId} and import_id = ${importId} returning 1)
        select count(*)::int as n from gone`.execute(trx)
      if (table !== 'fact_orders') removed += deleted.rows[0]?.n ?? 0
      await sql`update ${sql.table(table)} set superseded_by = null
                 where company_id = ${companyId} and superseded_by = ${importId}`.execute(trx)
    }
    await trx
      .updateTable('imports')
      .set({ status: 'undone', undone_at: new Date() })
      .where('company_id', '=', companyId)
      .where('id', '=', importId)
      .execute()
    return removed
  })
}
