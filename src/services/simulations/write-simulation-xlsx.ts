import ExcelJS from 'exceljs'
import type { Simulation, SimulationRow } from '../../contracts/simulations.ts'
import { neutraliseCell } from '../../core/exports/neutralise-cell.ts'

// A simulation as a workbook: one row per person (today → draft, Δ, the rules that moved it) and the department
// totals on a second sheet. Numbers are numbers; every text cell goes through neutraliseCell.

export type ExportLanguage = 'zh-CN' | 'zh-TW' | 'en'

type Words = Record<
  | 'people'
  | 'departments'
  | 'employeeNo'
  | 'name'
  | 'department'
  | 'position'
  | 'today'
  | 'draft'
  | 'delta'
  | 'score'
  | 'grade'
  | 'coefficient'
  | 'pay'
  | 'changedBy'
  | 'problems'
  | 'headcount'
  | 'changed'
  | 'averageScore'
  | 'all'
  | 'none'
  | 'scale'
  | 'gradeBands'
  | 'coefficientBands',
  string
>

const words: Record<ExportLanguage, Words> = {
  'zh-CN': {
    people: '人员',
    departments: '部门合计',
    employeeNo: '工号',
    name: '姓名',
    department: '部门',
    position: '岗位',
    today: '现行',
    draft: '草稿',
    delta: '差额',
    score: '得分',
    grade: '等级',
    coefficient: '绩效系数',
    pay: '薪酬',
    changedBy: '变动原因',
    problems: '问题',
    headcount: '人数',
    changed: '变动人数',
    averageScore: '平均分',
    all: '全部',
    none: '无部门',
    scale: '计分方式',
    gradeBands: '等级区间',
    coefficientBands: '系数区间',
  },
  'zh-TW': {
    people: '人員',
    departments: '部門合計',
    employeeNo: '工號',
    name: '姓名',
    department: '部門',
    position: '崗位',
    today: '現行',
    draft: '草稿',
    delta: '差額',
    score: '得分',
    grade: '等級',
    coefficient: '績效係數',
    pay: '薪酬',
    changedBy: '變動原因',
    problems: '問題',
    headcount: '人數',
    changed: '變動人數',
    averageScore: '平均分',
    all: '全部',
    none: '無部門',
    scale: '計分方式',
    gradeBands: '等級區間',
    coefficientBands: '係數區間',
  },
  en: {
    people: 'People',
    departments: 'Department totals',
    employeeNo: 'No.',
    name: 'Name',
    department: 'Department',
    position: 'Position',
    today: 'today',
    draft: 'draft',
    delta: 'Δ',
    score: 'Score',
    grade: 'Grade',
    coefficient: 'Coefficient',
    pay: 'Pay',
    changedBy: 'Changed by',
    problems: 'Problems',
    headcount: 'People',
    changed: 'Changed',
    averageScore: 'Average score',
    all: 'All',
    none: 'No department',
    scale: 'scoring scale',
    gradeBands: 'grade bands',
    coefficientBands: 'coefficient bands',
  },
}

const num = (value: string | null) => (value === null ? null : Number(value))
const text = (value: string | null | undefined) => (value ? neutraliseCell(value) : null)

/** The rules that moved a person's result, in one line: 「指标名 18 → 20」. */
export function describeChanges(row: SimulationRow, language: ExportLanguage): string {
  const w = words[language]
  return row.changes
    .map((c) => {
      const name =
        c.kind === 'scale'
          ? w.scale
          : c.kind === 'grade_bands'
            ? w.gradeBands
            : c.kind === 'coefficient_bands'
              ? w.coefficientBands
              : language === 'en' && c.nameEn
                ? c.nameEn
                : c.name
      return `${name} ${c.before ?? '—'} → ${c.after ?? '—'}`
    })
    .join(language === 'en' ? '; ' : '；')
}

/** The simulation as XLSX bytes. */
export async function writeSimulationXlsx(simulation: Simulation, language: ExportLanguage): Promise<Buffer> {
  const w = words[language]
  const workbook = new ExcelJS.Workbook()
  const people = workbook.addWorksheet(w.people, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] })
  const side = (what: string, which: string) =>
    language === 'en' ? `${what} (${which})` : `${what}（${which}）`
  people.columns = [
    { header: w.employeeNo, key: 'no', width: 10 },
    { header: w.name, key: 'name', width: 12 },
    { header: w.department, key: 'department', width: 14 },
    { header: w.position, key: 'position', width: 14 },
    { header: side(w.score, w.today), key: 'totalToday', width: 12, style: { numFmt: '0.00' } },
    { header: side(w.score, w.draft), key: 'totalDraft', width: 12, style: { numFmt: '0.00' } },
    { header: side(w.score, w.delta), key: 'totalDelta', width: 12, style: { numFmt: '0.00' } },
    { header: side(w.grade, w.today), key: 'gradeToday', width: 10 },
    { header: side(w.grade, w.draft), key: 'gradeDraft', width: 10 },
    { header: side(w.coefficient, w.today), key: 'coefficientToday', width: 12, style: { numFmt: '0.00' } },
    { header: side(w.coefficient, w.draft), key: 'coefficientDraft', width: 12, style: { numFmt: '0.00' } },
    { header: side(w.pay, w.today), key: 'payToday', width: 14, style: { numFmt: '#,##0.00' } },
    { header: side(w.pay, w.draft), key: 'payDraft', width: 14, style: { numFmt: '#,##0.00' } },
    { header: side(w.pay, w.delta), key: 'payDelta', width: 14, style: { numFmt: '#,##0.00' } },
    { header: w.changedBy, key: 'changes', width: 40 },
    { header: w.problems, key: 'problems', width: 30 },
  ]
  people.getRow(1).font = { bold: true }
  for (const row of simulation.rows)
    people.addRow({
      no: text(row.employeeNo),
      name: text(row.employeeName),
      department: text(row.departmentName ?? w.none),
      position: text(row.positionName),
      totalToday: num(row.today.total),
      totalDraft: num(row.draft.total),
      totalDelta: num(row.delta.total),
      gradeToday: text(row.today.grade),
      gradeDraft: text(row.draft.grade),
      coefficientToday: num(row.today.coefficient),
      coefficientDraft: num(row.draft.coefficient),
      payToday: num(row.today.pay),
      payDraft: num(row.draft.pay),
      payDelta: num(row.delta.pay),
      changes: text(describeChanges(row, language)),
      problems: text(row.problems.map((p) => (language === 'en' ? p.en : p['zh-CN'])).join('；')),
    })
  const departments = workbook.addWorksheet(w.departments, { views: [{ state: 'frozen', ySplit: 1 }] })
  departments.columns = [
    { header: w.department, key: 'department', width: 16 },
    { header: w.headcount, key: 'people', width: 8 },
    { header: w.changed, key: 'changed', width: 10 },
    { header: side(w.averageScore, w.today), key: 'avgToday', width: 14, style: { numFmt: '0.00' } },
    { header: side(w.averageScore, w.draft), key: 'avgDraft', width: 14, style: { numFmt: '0.00' } },
    { header: side(w.pay, w.today), key: 'payToday', width: 16, style: { numFmt: '#,##0.00' } },
    { header: side(w.pay, w.draft), key: 'payDraft', width: 16, style: { numFmt: '#,##0.00' } },
    { header: side(w.pay, w.delta), key: 'payDelta', width: 16, style: { numFmt: '#,##0.00' } },
  ]
  departments.getRow(1).font = { bold: true }
  for (const [i, d] of [...simulation.departments, simulation.all].entries()) {
    const isAll = i === simulation.departments.length
    const added = departments.addRow({
      department: text(isAll ? w.all : (d.departmentName ?? w.none)),
      people: d.people,
      changed: d.changed,
      avgToday: num(d.today.averageScore),
      avgDraft: num(d.draft.averageScore),
      payToday: num(d.today.pay),
      payDraft: num(d.draft.pay),
      payDelta: num(d.delta.pay),
    })
    if (isAll) added.font = { bold: true }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
