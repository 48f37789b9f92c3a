import type { ExportTable, ExportValue } from '../../core/exports/export-table.ts'
import { eachDate, isoWeekday, monthRange } from '../../core/rota/zoned-time.ts'
import type { CoverageCheck } from './check-coverage.ts'
import type { RotaView } from './get-rota.ts'

const weekdayNames = ['', '一', '二', '三', '四', '五', '六', '日']

/**
 * A month's rota as export tables: 排班表 (one row per agent, one column per day, the shift names worked that day;
 * leave written 请假, cover 顶) and 覆盖缺口 (each uncovered stretch of the service hours), plus 超限 (agents over
 * the weekly-hours or consecutive-days limit).
 */
export function buildRotaMonthTables(month: string, rota: RotaView, coverage: CoverageCheck): ExportTable[] {
  const { first, last } = monthRange(month)
  const dates = eachDate(first, last)
  const agents = new Map<number, string>()
  for (const p of rota.patterns) agents.set(p.employeeId, `#${p.employeeId}`)
  for (const d of rota.days) agents.set(d.employeeId, d.employeeName)
  for (const l of rota.leaves) agents.set(l.employeeId, l.employeeName)
  const cells = new Map<string, string[]>()
  const add = (employeeId: number, date: string, text: string) => {
    const key = `${employeeId}|${date}`
    cells.set(key, [...(cells.get(key) ?? []), text])
  }
  for (const d of rota.days)
    add(d.employeeId, d.date, d.source === 'cover' ? `${d.shiftName}(顶)` : d.shiftName)
  for (const l of rota.leaves) add(l.employeeId, l.date, `请假(${l.shiftName})`)
  const grid: ExportTable = {
    title: `排班表 ${month}`,
    columns: [
      { key: 'name', header: '姓名 Agent', type: 'text', width: 14 },
      ...dates.map((date) => ({
        key: date,
        header: `${date.slice(5)} ${weekdayNames[isoWeekday(date)]}`,
        type: 'text' as const,
        width: 11,
      })),
      { key: 'shifts', header: '班次数 Shifts', type: 'integer' },
    ],
    rows: [...agents.entries()]
      .sort(([a], [b]) => a - b)
      .map(([id, name]) => {
        const row: Record<string, ExportValue> = { name }
        for (const date of dates) row[date] = (cells.get(`${id}|${date}`) ?? []).join('、')
        row.shifts = rota.days.filter((d) => d.employeeId === id).length
        return row
      }),
  }
  const name = (id: number) => coverage.employeeNames[id] ?? `#${id}`
  const gaps: ExportTable = {
    title: '覆盖缺口 Gaps',
    columns: [
      { key: 'date', header: '日期 Date', type: 'date', width: 12 },
      { key: 'weekday', header: '星期 Weekday', type: 'text' },
      { key: 'from', header: '开始 From', type: 'text' },
      { key: 'to', header: '结束 To', type: 'text' },
      { key: 'onDuty', header: '在岗 On duty', type: 'integer' },
      { key: 'required', header: '需要 Required', type: 'integer' },
      { key: 'agents', header: '在岗客服 Agents', type: 'text', width: 20 },
    ],
    rows: coverage.gaps.map((g) => ({
      date: g.date,
      weekday: g.weekdayName,
      from: g.from,
      to: g.to,
      onDuty: g.onDuty,
      required: g.required,
      agents: g.employeeIds.map(name).join('、'),
    })),
  }
  const limits: ExportTable = {
    title: '超限 Limits',
    columns: [
      { key: 'agent', header: '客服 Agent', type: 'text', width: 14 },
      { key: 'rule', header: '规则 Rule', type: 'text', width: 22 },
      { key: 'from', header: '从 From', type: 'date', width: 12 },
      { key: 'to', header: '到 To', type: 'date', width: 12 },
      { key: 'value', header: '实际 Actual', type: 'decimal2' },
      { key: 'limit', header: '上限 Limit', type: 'decimal2' },
    ],
    rows: [
      ...coverage.weeklyHoursViolations.map((v) => ({
        agent: name(v.employeeId),
        rule: '每周工时 Weekly hours',
        from: v.weekStart,
        to: v.weekEnd,
        value: v.hours,
        limit: v.limit,
      })),
      ...coverage.consecutiveDaysViolations.map((v) => ({
        agent: name(v.employeeId),
        rule: '连续工作天数 Days in a row',
        from: v.from,
        to: v.to,
        value: v.days,
        limit: v.limit,
      })),
    ],
  }
  return [grid, gaps, limits]
}
