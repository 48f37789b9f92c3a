import Decimal from 'decimal.js'
import type { PaySheet } from '../../contracts/pay.ts'
import type { ExportColumn, ExportTable, ExportValue } from '../../core/exports/export-table.ts'

// The pay sheet (工资表) as people use it in Excel: one row per person — who, score and coefficient, the inputs
// the pay was computed from, one column per pay component, the total — and one grand total row, so every money
// column sums to its grand total (no subtotal rows). The rule behind each line goes to a second sheet, without
// amounts, so nothing on it can be summed twice.

/** The named inputs of the seed pay systems as column headers; any other input is shown by its name. */
const inputHeaders: Record<string, string> = {
  sales: '个人销售额',
  team_sales: '团队销售额',
  neutral_reviews_revised: '中评修改个数',
  negative_reviews_revised: '差评修改个数',
  completion_rate: '任务完成率',
}

/** The component a pay line belongs to: its label before 「：」 (奖惩：全勤奖 → 奖惩, 调整：… → 调整). */
function componentOf(label: string): string {
  const cut = label.indexOf('：')
  return cut > 0 ? label.slice(0, cut) : label
}

export type PaySheetExportNames = { states: Record<string, string>; status: string }

/** The pay sheet's XLSX/CSV table for `employees` (already filtered to what the reader may see). */
export function buildPaySheetExport(
  sheet: PaySheet,
  employees: PaySheet['employees'],
  names: PaySheetExportNames,
): ExportTable {
  const inputs: string[] = []
  const components: string[] = []
  for (const e of employees) {
    for (const name of Object.keys(e.inputs)) if (!inputs.includes(name)) inputs.push(name)
    for (const l of e.lines) {
      const c = componentOf(l.label['zh-CN'])
      if (!components.includes(c)) components.push(c)
    }
  }
  const inputKey = (i: number) => `input${i}`
  const componentKey = (i: number) => `component${i}`
  const columns: ExportColumn[] = [
    { key: 'no', header: '工号', type: 'text' },
    { key: 'name', header: '姓名', type: 'text', width: 16 },
    { key: 'department', header: '部门', type: 'text', width: 14 },
    { key: 'position', header: '岗位', type: 'text', width: 14 },
    { key: 'scheme', header: '薪酬方案', type: 'text', width: 20 },
    { key: 'score', header: '得分', type: 'decimal2' },
    { key: 'coefficient', header: '绩效系数', type: 'decimal2' },
    ...inputs.map(
      (name, i): ExportColumn => ({
        key: inputKey(i),
        header: inputHeaders[name] ?? name,
        type: 'decimal2',
        width: 14,
      }),
    ),
    ...components.map(
      (header, i): ExportColumn => ({ key: componentKey(i), header, type: 'decimal2', width: 16 }),
    ),
    { key: 'total', header: '应发合计', type: 'decimal2', width: 14 },
    { key: 'status', header: '状态', type: 'text', width: 30 },
  ]
  const columnTotals = components.map(() => new Decimal(0))
  let grandTotal = new Decimal(0)
  let drafts = 0
  const rows = employees.map((e) => {
    const row: Record<string, ExportValue> = {
      no: e.employeeNo,
      name: e.employeeName,
      department: e.departmentName,
      position: e.positionName,
      scheme: e.schemeName?.['zh-CN'] ?? null,
      score: e.score,
      coefficient: e.coefficient,
      total: e.total,
      status: e.draft
        ? `草稿：考核未定稿（${names.states[e.sheetState] ?? e.sheetState}）`
        : e.problems.length > 0
          ? `无法计算：${e.problems.join('；')}`
          : names.status,
    }
    // A missing input is an empty cell, never 0.
    inputs.forEach((name, i) => {
      const used = e.inputs[name]
      row[inputKey(i)] = used && used.source !== 'missing' ? used.value : null
    })
    const sums = new Map<number, Decimal>()
    for (const l of e.lines) {
      const i = components.indexOf(componentOf(l.label['zh-CN']))
      sums.set(i, (sums.get(i) ?? new Decimal(0)).plus(l.amount))
    }
    for (const [i, amount] of sums) {
      row[componentKey(i)] = amount.toFixed(2)
      columnTotals[i] = columnTotals[i]!.plus(amount)
    }
    grandTotal = grandTotal.plus(e.total)
    if (e.draft) drafts++
    return row
  })
  const grand: Record<string, ExportValue> = {
    name: drafts > 0 ? `合计（含 ${drafts} 份未定稿草稿）` : '合计',
    total: grandTotal.toFixed(2),
    status: `${employees.length} 人`,
  }
  columnTotals.forEach((t, i) => {
    grand[componentKey(i)] = t.toFixed(2)
  })
  return {
    title: `工资表 ${sheet.cycleName}`,
    columns,
    rows,
    footer: grand,
    extraSheets: [
      {
        title: '计算规则',
        columns: [
          { key: 'no', header: '工号', type: 'text' },
          { key: 'name', header: '姓名', type: 'text', width: 16 },
          { key: 'line', header: '工资项', type: 'text', width: 24 },
          { key: 'rule', header: '计算规则', type: 'text', width: 80 },
        ],
        rows: employees.flatMap((e) =>
          e.lines.map((l) => ({
            no: e.employeeNo,
            name: e.employeeName,
            line: l.label['zh-CN'],
            rule: l.rule['zh-CN'],
          })),
        ),
      },
    ],
  }
}
