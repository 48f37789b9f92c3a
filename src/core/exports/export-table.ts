// A table as every export writes it: typed columns (so XLSX gets real numbers with formats) and rows.

export type ExportColumnType = 'text' | 'integer' | 'decimal2' | 'percent' | 'date'

export type ExportColumn = {
  key: string
  header: string
  type: ExportColumnType
  /** Width in characters for XLSX; derived from the header when absent. */
  width?: number
}

/** Cell values: text, numbers (money as decimal strings, never floats), dates as YYYY-MM-DD. */
export type ExportValue = string | number | null | undefined

export type ExportTable = {
  title: string
  columns: ExportColumn[]
  rows: AsyncIterable<Record<string, ExportValue>> | Iterable<Record<string, ExportValue>>
  /** A last row in bold (a grand total), after every row. */
  footer?: Record<string, ExportValue>
  /** Further worksheets of an XLSX export (a CSV holds the first table only). */
  extraSheets?: Omit<ExportTable, 'extraSheets'>[]
}
