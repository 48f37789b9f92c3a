import { z } from 'zod'

// A company archive (`jixiao company export`): gzip'd JSON lines. The first line is this header; then one line
// per row, `{"table": …, "row": {…}}`, the company's own row first and the tenant tables in dependency order.

export const companyArchiveFormat = 'jixiao-company-archive'

export const companyArchiveHeaderSchema = z.object({
  format: z.literal(companyArchiveFormat),
  formatVersion: z.literal(1),
  /** The migrations of the database it was taken from: import needs the same schema. */
  migrations: z.array(z.string()),
  exportedAt: z.string(),
  company: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  /** Rows per table, the company's own row included: import checks the file is complete. */
  rows: z.record(z.string(), z.number().int().nonnegative()),
})
export type CompanyArchiveHeader = z.infer<typeof companyArchiveHeaderSchema>

/** What an export, import or delete of a whole company did, per table. */
export const companyDataSummarySchema = z.object({
  companyId: z.number().int(),
  code: z.string(),
  name: z.string(),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  totalRows: z.number().int().nonnegative(),
})
export type CompanyDataSummary = z.infer<typeof companyDataSummarySchema>
