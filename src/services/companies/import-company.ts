import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import {
  type CompanyArchiveHeader,
  type CompanyDataSummary,
  companyArchiveHeaderSchema,
} from '../../contracts/company-archive.ts'
import { DomainError } from '../../core/errors.ts'
import {
  advanceIdSequences,
  fillSelfReferences,
  findTakenId,
  insertCompanyRowJson,
  insertRowsJson,
  listAppliedMigrations,
  listTablesWithIdentityId,
  readCompanyRowJson,
} from '../../db/company-archive-repository.ts'
import { findCompanyByCode } from '../../db/company-repository.ts'
import { appendHostLog } from '../../db/host-log-repository.ts'
import { selfReferences, type TenantTable, tenantTables } from '../../db/tenant-tables.ts'
import { type CompanyDataDeps, summarise } from './export-company.ts'

const batchSize = 500
const rowLine = /^\{"table":"([a-z0-9_]+)","row":(\{.*\})\}$/
const position = new Map<string, number>(tenantTables.map((t, i) => [t, i]))

/**
 * Restores a company archive (`jixiao company export`) into this database, in one transaction: the company keeps
 * its id, code and every row id, so the archive's ids must all be free (an empty database, or one the company was
 * deleted from). Refuses an archive of another schema version, a truncated one, or a company already here.
 */
export async function importCompany(
  deps: CompanyDataDeps,
  input: { file: string },
): Promise<CompanyDataSummary> {
  const lines = readArchiveLines(input.file)
  const first = await lines.next()
  const header = parseHeader(input.file, first.done ? undefined : first.value)
  const here = await listAppliedMigrations(deps.db)
  if (here.join('\n') !== header.migrations.join('\n')) {
    const missing = header.migrations.filter((m) => !here.includes(m))
    throw new DomainError(
      'conflict',
      missing.length > 0
        ? `the archive comes from a newer Jixiao (its schema has ${missing.join(', ')}); upgrade this installation first`
        : 'the archive comes from an older Jixiao: import it with that version, then upgrade (migrations carry the data forward)',
    )
  }
  const { company } = header
  if (await findCompanyByCode(deps.db, company.code))
    throw new DomainError('conflict', `a company with code "${company.code}" is already in this database`)
  if (await readCompanyRowJson(deps.db, company.id))
    throw new DomainError('conflict', `company id ${company.id} is taken by another company in this database`)

  const counts = await insertArchive()
  return summarise(company, counts)

  async function insertArchive(): Promise<Record<string, number>> {
    try {
      return await insertArchiveRows()
    } catch (error) {
      // Ids the pre-checks could not see (a hand-edited archive): still a refusal naming the table, not a crash.
      const failure = error as { code?: string; table?: string; detail?: string }
      if (failure.code === '23505')
        throw new DomainError(
          'conflict',
          `table ${failure.table ?? '?'}: ${failure.detail ?? 'a row of the archive is already in this database'}`,
        )
      throw error
    }
  }

  function insertArchiveRows(): Promise<Record<string, number>> {
    return deps.db.transaction().execute(async (trx) => {
      const byId = await listTablesWithIdentityId(trx)
      const seen: Record<string, number> = {}
      let current: TenantTable | undefined
      let batch: string[] = []
      let selfPointing: string[] = []
      const flush = async () => {
        if (!current || batch.length === 0) return
        if (byId.has(current)) {
          const taken = await findTakenId(trx, current, batch)
          if (taken !== undefined)
            throw new DomainError(
              'conflict',
              `table ${current}: row id ${taken} is already used in this database; import into an empty database or one this company was deleted from`,
            )
        }
        await insertRowsJson(trx, current, batch)
        if (selfReferences[current]) selfPointing.push(...batch)
        batch = []
      }
      const finishTable = async () => {
        await flush()
        if (current) await fillSelfReferences(trx, current, selfPointing)
        selfPointing = []
      }
      let lineNo = 1
      for await (const line of lines) {
        lineNo++
        if (line === '') continue
        const match = rowLine.exec(line)
        if (!match) throw archiveError(input.file, `line ${lineNo} is not a row of a company archive`)
        const table = match[1]!
        const rowJson = match[2]!
        seen[table] = (seen[table] ?? 0) + 1
        if (table === 'companies') {
          if (lineNo !== 2) throw archiveError(input.file, `line ${lineNo}: the company row must come first`)
          const row = JSON.parse(rowJson) as { id?: unknown; code?: unknown }
          if (row.id !== company.id || row.code !== company.code)
            throw archiveError(input.file, 'the company row does not match the header')
          await insertCompanyRowJson(trx, rowJson)
          continue
        }
        const at = position.get(table)
        if (at === undefined) throw archiveError(input.file, `line ${lineNo}: unknown table "${table}"`)
        if (current !== table) {
          if (current && at < position.get(current)!)
            throw archiveError(input.file, `line ${lineNo}: table ${table} out of order`)
          await finishTable()
          current = table as TenantTable
        }
        batch.push(rowJson)
        if (batch.length >= batchSize) await flush()
      }
      await finishTable()
      for (const [table, expected] of Object.entries(header.rows)) {
        if ((seen[table] ?? 0) !== expected)
          throw archiveError(
            input.file,
            `table ${table} has ${seen[table] ?? 0} rows, the header promises ${expected}: the file is incomplete`,
          )
      }
      await advanceIdSequences(trx, ['companies', ...tenantTables.filter((t) => byId.has(t))])
      await appendHostLog(trx, {
        action: 'company_imported',
        formerCompanyId: company.id,
        companyCode: company.code,
        companyName: company.name,
        actor: deps.actor,
        details: { rows: header.rows, exportedAt: header.exportedAt },
      })
      return header.rows
    })
  }
}

function parseHeader(file: string, line: string | undefined): CompanyArchiveHeader {
  let parsed: unknown
  try {
    parsed = JSON.parse(line ?? '')
  } catch {
    throw archiveError(file, 'the first line is not a company archive header')
  }
  const header = companyArchiveHeaderSchema.safeParse(parsed)
  if (!header.success) throw archiveError(file, 'the first line is not a company archive header')
  return header.data
}

function archiveError(file: string, message: string): DomainError {
  return new DomainError('invalid_input', `${file}: ${message}`, [{ path: 'file', message }])
}

/** The archive's lines, gunzipped; a file that is not gzip becomes invalid_input, naming the file. */
async function* readArchiveLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file)
  const stream = source.pipe(createGunzip())
  const failure = new Promise<never>((_, reject) => {
    source.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new DomainError('not_found', `no file ${file}`)
          : archiveError(file, `cannot read it (${error.message})`),
      ),
    )
    stream.on('error', (error) => reject(archiveError(file, `not a company archive (${error.message})`)))
  })
  failure.catch(() => {})
  const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })[
    Symbol.asyncIterator
  ]()
  for (;;) {
    const next = await Promise.race([reader.next(), failure])
    if (next.done) return
    yield next.value
  }
}
