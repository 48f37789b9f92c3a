import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { DomainError } from '../../../core/errors.ts'
import { readCsvRows, readXlsxRows, type SheetRow } from './read-rows.ts'
import { type ReaderLimits, readerLimits } from './reader-limits.ts'

// The CSV reader's bounds (issue 12.2): each refusal names the row (and column) and the bound; and whatever bytes
// the readers are fed, they answer rows or a DomainError (a 4xx), never another error (a 500).

const scratch = mkdtempSync(path.join(tmpdir(), 'jixiao-read-rows-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let fileNo = 0
const write = (content: string | Buffer, ext = 'csv') => {
  const p = path.join(scratch, `${++fileNo}.${ext}`)
  writeFileSync(p, content)
  return p
}
const utf8 = { encoding: 'utf-8', bomLength: 0 } as const

const readCsv = async (content: string | Buffer, limits: ReaderLimits = readerLimits) => {
  const rows: SheetRow[] = []
  for await (const row of readCsvRows(write(content), 'f.csv', utf8, undefined, undefined, limits))
    rows.push(row)
  return rows
}
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal')
    },
    (error: unknown) => {
      if (!(error instanceof DomainError)) throw error
      return error
    },
  )

describe('readCsvRows', () => {
  it('reads CRLF, LF and CR line ends in one file, blank rows kept as rows', async () => {
    const rows = await readCsv('a,b\r\n1,2\n\n3,4\r5,6\n')
    expect(rows.map((r) => [r.row, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['']],
      [4, ['3', '4']],
      [5, ['5', '6']],
    ])
  })

  it('refuses a cell over 32767 characters, naming row, column and bound', async () => {
    const error = await refusal(readCsv(`a,b\n1,${'x'.repeat(32_768)}\n`))
    expect(error.message).toMatch(/第 2 行 B 列有 32768 个字符，超出了每个单元格 32767 个字符的上限/)
    expect(error.issues[0]?.path).toBe('row 2.B')
  })

  it('refuses a row of more than 1000 non-empty columns, naming the row', async () => {
    const error = await refusal(readCsv(`a${',b'.repeat(1000)}\n`))
    expect(error.message).toMatch(/第 1 行有 1001 列，超出了每行 1000 列的上限/)
  })

  it('refuses a line with no end past 1 MB, and a quote never closed, naming the row', async () => {
    const line = await refusal(readCsv(`a,b\n1,${'x'.repeat(1_100_000)}`))
    expect(line.message).toMatch(/第 2 行超出了每行 1048576 字节的上限/)
    const quote = await refusal(readCsv(`a,b\n1,2\n3,"${'y'.repeat(1_100_000)}\n4,5\n`))
    expect(quote.message).toMatch(/第 3 行超出了每行 1048576 字节的上限（是否有引号没有闭合/)
  })

  it('refuses the row past the row bound, blank rows counted', async () => {
    const error = await refusal(readCsv(`a,b\n${'\n'.repeat(20)}`, { ...readerLimits, maxRows: 10 }))
    expect(error.message).toMatch(/第 11 行超出了每个文件 10 行的上限（空行也计入）/)
    expect(error.issues[0]?.path).toBe('row 11')
  })

  it('answers rows or a DomainError for any bytes, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        try {
          await readCsv(Buffer.from(bytes), { ...readerLimits, maxColumns: 50, maxFieldChars: 300 })
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('readXlsxRows on random input', () => {
  it('answers a DomainError for random bytes and for ZIPs of random parts, never another error', async () => {
    const parts = ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', '_rels/.rels']
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 500 }).map((b) => Promise.resolve(Buffer.from(b))),
          fc
            .array(fc.tuple(fc.constantFrom(...parts), fc.string({ maxLength: 200 })), { maxLength: 4 })
            .map(async (entries) => {
              const zip = new JSZip()
              for (const [name, text] of entries) zip.file(name, text)
              return zip.generateAsync({ type: 'nodebuffer' })
            }),
        ),
        async (content) => {
          const filePath = write(await content, 'xlsx')
          try {
            for await (const _row of readXlsxRows(filePath, 'f.xlsx')) {
              // rows of a workbook that happens to parse are fine too
            }
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError)
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})
