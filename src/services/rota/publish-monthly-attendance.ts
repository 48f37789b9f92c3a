import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { monthRange } from '../../core/rota/zoned-time.ts'
import { appendAudit } from '../../db/audit-log-repository.ts'
import { computeMonthlyAttendance } from './compute-monthly-attendance.ts'
import type { RotaDeps } from './rota-deps.ts'

/** One day of one agent as written to fact_attendance (the attendance fact kind the metric catalogue reads). */
export type AttendanceFactRow = {
  employeeRef: string
  employeeName: string
  date: string
  scheduledMinutes: number
  workedMinutes: number
  lateMinutes: number
  earlyLeaveMinutes: number
  isAbsent: boolean
  leaveDays: number
}

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
    const employees =
      employeeIds.length === 0
        ? []
        : await trx
            .selectFrom('employees')
            .select(['id', 'employee_no', 'name'])
            .where('company_id', '=', companyId)
            .where('id', 'in', employeeIds)
            .execute()
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
    const imported = await trx
      .insertInto('imports')
      .values({
        company_id: companyId,
        kind: 'attendance',
        preset: 'rota',
        source: 'rota',
        file_name: `rota-attendance-${attendance.month}.json`,
        sha256: createHash('sha256').update(body).digest('hex'),
        size_bytes: Buffer.byteLength(body),
        rows: facts.length,
        period_start: first,
        period_end: last,
        status: 'completed',
        created_by_user_id: deps.actorUserId ?? null,
        errors: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const importId = imported.id
    const refs = [...new Set(facts.map((f) => f.employeeRef))]
    let replacedRows = 0
    if (refs.length > 0) {
      const replaced = await sql`
        update fact_attendance set superseded_by = ${importId}
         where company_id = ${companyId} and superseded_by is null
           and day between ${first}::date and ${last}::date
           and employee_ref in (${sql.join(refs)})`.execute(trx)
      replacedRows = Number(replaced.numAffectedRows ?? 0)
      await sql`
        insert into fact_attendance (company_id, import_id, row_no, day, employee_ref, employee_name, date,
          scheduled_minutes, worked_minutes, late_minutes, early_leave_minutes, is_absent, leave_days)
        values ${sql.join(
          facts.map(
            (
              f,
              i,
            ) => sql`(${companyId}, ${importId}, ${i + 1}, ${f.date}::date, ${f.employeeRef}, ${f.employeeName},
              ${f.date}::date, ${f.scheduledMinutes}, ${f.workedMinutes}, ${f.lateMinutes}, ${f.earlyLeaveMinutes},
              ${f.isAbsent}, ${f.leaveDays})`,
          ),
        )}`.execute(trx)
      await sql`update imports set replaced_rows = ${replacedRows} where id = ${importId}`.execute(trx)
    }
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
