import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readValuesFile } from './read-values-file.ts'

// Issue 12.3 for the CLI's values files: rich text and shared strings stored after the sheet come out as text.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

describe('readValuesFile', () => {
  it('reads a LibreOffice workbook (shared strings after the sheet, rich text, dates) as text', async () => {
    const table = await readValuesFile(
      path.join(root, 'test-fixtures/ingest/libreoffice/libreoffice-traffic-rich-text-dates.xlsx'),
    )
    expect(table).toEqual({
      header: ['日期', '店铺', '访客数', '支付金额'],
      rows: [
        { row: 2, cells: ['2011-11-01', '旗舰店', '10', '100.5'] },
        { row: 3, cells: ['2011-11-02', '专卖店', '7', '0.5'] },
      ],
    })
  })
})
