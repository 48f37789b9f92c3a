import type { FactKindName } from '../fact-kinds.ts'

/** Order-number prefixes that mark a row's status (compared case-insensitively). */
export type OrderNumberPrefixes = { cancellation: string; adjustment: string }

// A mapping preset: how one platform export's columns become one fact kind's columns.
export type Preset = {
  name: string
  label: { zh: string; en: string }
  kind: FactKindName
  /** Target column → accepted header spellings (compared after `normaliseHeader`). */
  columns: Record<string, string[]>
  /** Headers (normalised spellings of target columns) that must all be present to recognise the file. */
  signature: string[]
  /** Target columns that must be found (any of their spellings) to recognise the file. */
  requires?: string[]
  /** Two header rows: a group row (merged cells) above the field row; headers become `group|field`. */
  twoRowHeader?: boolean
  /** Rows right after the header that are not data (e.g. 经营数据 has data from row 3). */
  skipAfterHeader?: number
  /** Only the first N data rows are data; the rest are summary or peer rows (千牛 shop-level files). */
  dataRows?: number
  /** Fixed values for target columns not in the file. */
  constants?: Record<string, string>
  /** The rows carry no date: each row takes the period's first day (from the file name or the options). */
  dateFromPeriod?: boolean
  /** CSV cells are already canonical: the bytes go straight into COPY and SQL validates them. */
  bulk?: boolean
  /**
   * A platform's order-number convention (UCI Online Retail: `C…` is a cancellation, `A…` an adjustment). Only
   * the preset of that platform declares it; other order files read the status column or take every row as an
   * order.
   */
  orderNumberPrefixes?: OrderNumberPrefixes
  /**
   * The platform's own order-status words that keep a row out of sales (抖店 已关闭, 拼多多 已取消 and
   * 未发货，退款成功), besides the generic cancelled words every orders file is read with.
   */
  excludedStatuses?: string[]
  /** How the platform names its files, for the docs and for detection ties. */
  fileName?: string
}

/** Header text compared loosely: no spaces, full-width brackets/colons as half-width, lower case. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[\s\u00a0\u3000\ufeff]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/－/g, '-')
    .toLowerCase()
}
