import { createHash } from 'node:crypto'
import { monthRange } from '../../core/rota/zoned-time.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { type AttendanceFactRow, createRotaRepository } from '../../db/rota-repository.ts'
import { computeMonthlyAttendance } from './compute-monthly-attendance.ts'
import type { RotaDeps } from './rota-deps.ts'

export type PublishedAttendance = { importId: number; month: string; rows: number; replacedRows: number }

/**
 * Writes the month's rota-matched attendance (排班考勤) as attendance facts, one row per agent and day, under an
 * import record (preset "rota"), so the catalogue metrics 出勤率 (attendance_rate), 迟到次数 (late_times),
 * 早退次数 (early_leave_times), 旷工天数 (absent_days) and 请假天数 (leave_days) — and every template indicator
 * bound to them — read it like an imported time-clock file. Publishing again replaces the agents' rows of that
 * month (the old ones are superseded, so undoing the import brings them back).
 * Minutes: scheduled = the rostered shifts counted in 出勤率; worked = the scheduled minutes of attended shifts;
 * late / early-leave minutes only past the grace; leave = 1 per day with a leave shift. With `until`, shifts not
 * yet over are left out.
 */
export async function publishMonthlyAttendance(
  deps: RotaDeps,
  companyId: number,
  month: string,
  options: { until?: Date } = {},
): Promise<PublishedAttendance> {
  const attendance = await computeMonthlyAttendance(deps, companyId, month, options)
  const { first, last } = monthRange(attendance.month)
  const employeeIds = [...new Set(attendance.shifts.map((s) => s.employeeId))]
  return deps.db.transaction().execute(async (trx) => {
    const repo = createRotaRepository(trx)
    const employees = await repo.employeeNumbers(companyId, employeeIds)
    const byId = new Map(employees.map((e) => [e.id, e]))
    const rows = new Map<string, AttendanceFactRow>()
    for (const s of attendance.shifts) {
      const employee = byId.get(s.employeeId)
      if (!employee) continue
      const key = `${employee.employee_no}|${s.date}`
      const row = rows.get(key) ?? {
        employeeRef: employee.employee_no,
        employeeName: employee.name,
        date: s.date,
        scheduledMinutes: 0,
        workedMinutes: 0,
        lateMinutes: 0,
        earlyLeaveMinutes: 0,
        isAbsent: false,
        leaveDays: 0,
      }
      const minutes = Math.round((s.scheduledEnd - s.scheduledStart) / 60_000)
      if (s.status !== 'leave' || attendance.rules.leaveCountsAsScheduled) row.scheduledMinutes += minutes
      if (s.status === 'attended') row.workedMinutes += minutes
      if (s.isLate) row.lateMinutes += s.lateMinutes
      if (s.isEarlyLeave) row.earlyLeaveMinutes += s.earlyLeaveMinutes
      if (s.status === 'absent') row.isAbsent = true
      if (s.status === 'leave') row.leaveDays = 1
      rows.set(key, row)
    }
    const facts = [...rows.values()].sort(
      (a, b) => a.employeeRef.localeCompare(b.employeeRef) || a.date.localeCompare(b.date),
    )
    const body = JSON.stringify(facts)
    const { importId, replacedRows } = await repo.writeAttendanceFacts(companyId, {
      month: attendance.month,
      first,
      last,
      facts,
      sha256: createHash('sha256').update(body).digest('hex'),
      sizeBytes: Buffer.byteLength(body),
      createdByUserId: deps.actorUserId ?? null,
    })
    await appendAudit(trx, {
      companyId,
      actorUserId: deps.actorUserId ?? null,
      action: 'rota.attendance.publish',
      entity: 'import',
      entityId: importId,
      after: { month: attendance.month, rows: facts.length, replacedRows },
    })
    return { importId, month: attendance.month, rows: facts.length, replacedRows }
  })
}
