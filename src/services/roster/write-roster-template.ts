import ExcelJS from 'exceljs'
import { rosterColumns } from '../../core/roster/roster-columns.ts'
import { rosterLimits } from './read-roster-file.ts'

// The roster template (花名册模板): the columns with one example row, and a second sheet 填写说明 saying what
// each column takes. Small, so it is built in memory.

/** The template workbook as XLSX bytes. */
export async function writeRosterTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = rosterColumns.map((c) => ({
    key: c.field,
    header: c.header,
    width: c.field === 'email' ? 28 : c.field === 'managerNo' ? 14 : 12,
    style: {
      numFmt: c.field === 'hireDate' || c.field === 'leaveDate' ? 'yyyy-mm-dd' : '@',
    },
  }))
  sheet.getRow(1).font = { bold: true }
  sheet.addRow(
    Object.fromEntries(
      rosterColumns.map((c) => [
        c.field,
        c.example === ''
          ? null
          : c.field === 'hireDate' || c.field === 'leaveDate'
            ? new Date(`${c.example}T00:00:00Z`)
            : c.example,
      ]),
    ),
  )

  const help = workbook.addWorksheet('填写说明')
  help.columns = [
    { header: '列名', key: 'header', width: 14 },
    { header: '必填', key: 'required', width: 6 },
    { header: '说明', key: 'explanation', width: 80 },
    { header: '示例', key: 'example', width: 22 },
  ]
  help.getRow(1).font = { bold: true }
  for (const c of rosterColumns)
    help.addRow({
      header: c.header,
      required: c.required ? '是' : '否',
      explanation: c.explanation,
      example: c.example,
    })
  help.addRow({})
  for (const line of [
    `每个文件最多 ${rosterLimits.maxPeople} 人；第一行是表头，列的顺序不限，也可以用英文列名（Employee No、Name…）。`,
    '按工号匹配：系统中已有的工号会被更新，没有的会被新增；文件中没有的员工保持不变。',
    '导入前会先预览新增、变更和不变的人数，以及每个错误所在的行和列；有任何错误时整个文件都不会导入。',
    '可以上传 XLSX，或 UTF-8 / GBK 编码的 CSV。',
  ])
    help.addRow({ header: line })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
