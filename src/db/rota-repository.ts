import { type Selectable, sql } from 'kysely'
import type { ClockEvent } from '../core/rota/match-attendance.ts'
import type { Rota, RotaException, RotaPatternEntry, ServiceWindow, Shift } from '../core/rota/rota.ts'
import type { ScoredCriterion } from '../core/sampling/sampling-form.ts'
import type { Db } from './database.ts'
import { reportingTreeIds } from './organisation-repository.ts'
import type { SampleDrawTable } from './rota-tables.ts'

// All SQL of the rota, attendance and sampling tables.

/** Attendance thresholds plus the rota limits the admin sets, as stored for a company. */
export type StoredAttendanceRules = {
  lateGraceMinutes: number
  earlyLeaveGraceMinutes: number
  absentAfterMinutes: number | null
  matchWindowMinutes: number
  leaveCountsAsScheduled: boolean
  maxWeeklyHours: number | null
  maxConsecutiveDays: number | null
}

export const defaultStoredAttendanceRules: StoredAttendanceRules = {
  lateGraceMinutes: 5,
  earlyLeaveGraceMinutes: 5,
  absentAfterMinutes: null,
  matchWindowMinutes: 240,
  leaveCountsAsScheduled: true,
  maxWeeklyHours: null,
  maxConsecutiveDays: null,
}

export type SampleDrawRecord = {
  id: number
  employeeId: number
  week: string
  seed: string
  algorithm: string
  sampleSize: number
  candidateIds: string[]
  drawnIds: string[]
  drawnByUserId: number | null
  createdAt: Date
}

export type SampleScoreRecord = {
  id: number
  drawId: number
  employeeId: number
  week: string
  itemId: string
  criteria: ScoredCriterion[]
  score: number
  comment: string | null
  scoredByUserId: number | null
}

export type RotaExceptionRecord = RotaException & { id: number }

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

const toShift = (r: {
  id: number
  name: string
  start_time: string
  end_time: string
  crosses_midnight: boolean
}) => ({
  id: r.id,
  name: r.name,
  start: r.start_time,
  end: r.end_time,
  crossesMidnight: r.crosses_midnight,
})

/** The rota data layer for one database (or transaction); every call names its company. */
export function createRotaRepository(database: Db) {
  const db = database

  const repo = {
    async companyTimeZone(companyId: number): Promise<string | undefined> {
      const row = await db
        .selectFrom('companies')
        .select('time_zone')
        .where('id', '=', companyId)
        .executeTakeFirst()
      return row?.time_zone
    },

    /** Which of `ids` are employees of the company. */
    async existingEmployeeIds(companyId: number, ids: number[]): Promise<Set<number>> {
      const unique = [...new Set(ids)]
      if (unique.length === 0) return new Set()
      const rows = await db
        .selectFrom('employees')
        .select('id')
        .where('company_id', '=', companyId)
        .where('id', 'in', unique)
        .execute()
      return new Set(rows.map((r) => r.id))
    },

    /** Names of the given employees of the company, by id. */
    async employeeNames(companyId: number, ids: number[]): Promise<Map<number, string>> {
      const unique = [...new Set(ids)]
      if (unique.length === 0) return new Map()
      const rows = await db
        .selectFrom('employees')
        .select(['id', 'name'])
        .where('company_id', '=', companyId)
        .where('id', 'in', unique)
        .execute()
      return new Map(rows.map((r) => [r.id, r.name]))
    },

    async listShifts(companyId: number): Promise<Shift[]> {
      const rows = await db
        .selectFrom('shifts')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('id')
        .execute()
      return rows.map(toShift)
    },

    async insertShift(companyId: number, shift: Omit<Shift, 'id'>): Promise<Shift> {
      const row = await db
        .insertInto('shifts')
        .values({
          company_id: companyId,
          name: shift.name,
          start_time: shift.start,
          end_time: shift.end,
          crosses_midnight: shift.crossesMidnight,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return toShift(row)
    },

    async updateShift(companyId: number, shift: Shift): Promise<void> {
      await db
        .updateTable('shifts')
        .set({
          name: shift.name,
          start_time: shift.start,
          end_time: shift.end,
          crosses_midnight: shift.crossesMidnight,
        })
        .where('company_id', '=', companyId)
        .where('id', '=', shift.id)
        .execute()
    },

    async listServiceHours(companyId: number): Promise<ServiceWindow[]> {
      const rows = await db
        .selectFrom('service_hours')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('weekday')
        .orderBy('start_time')
        .execute()
      return rows.map((r) => ({
        weekday: r.weekday,
        start: r.start_time,
        end: r.end_time,
        crossesMidnight: r.crosses_midnight,
        requiredAgents: r.required_agents,
      }))
    },

    /** Replaces all of a company's service hours. */
    async replaceServiceHours(companyId: number, windows: ServiceWindow[]): Promise<void> {
      await db.deleteFrom('service_hours').where('company_id', '=', companyId).execute()
      if (windows.length === 0) return
      await db
        .insertInto('service_hours')
        .values(
          windows.map((w) => ({
            company_id: companyId,
            weekday: w.weekday,
            start_time: w.start,
            end_time: w.end,
            crosses_midnight: w.crossesMidnight,
            required_agents: w.requiredAgents,
          })),
        )
        .execute()
    },

    async listPatterns(companyId: number): Promise<RotaPatternEntry[]> {
      const rows = await db
        .selectFrom('rota_patterns')
        .selectAll()
        .where('company_id', '=', companyId)
        .orderBy('employee_id')
        .orderBy('weekday')
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        employeeId: r.employee_id,
        weekday: r.weekday,
        shiftId: r.shift_id,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      }))
    },

    /** Replaces one agent's weekly pattern. */
    async replacePattern(companyId: number, employeeId: number, entries: RotaPatternEntry[]): Promise<void> {
      await db
        .deleteFrom('rota_patterns')
        .where('company_id', '=', companyId)
        .where('employee_id', '=', employeeId)
        .execute()
      if (entries.length === 0) return
      await db
        .insertInto('rota_patterns')
        .values(
          entries.map((p) => ({
            company_id: companyId,
            employee_id: employeeId,
            weekday: p.weekday,
            shift_id: p.shiftId,
            valid_from: p.validFrom ?? null,
            valid_to: p.validTo ?? null,
          })),
        )
        .execute()
    },

    async listExceptions(companyId: number, from: string, to: string): Promise<RotaExceptionRecord[]> {
      const rows = await db
        .selectFrom('rota_exceptions')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .orderBy('date')
        .orderBy('id')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        date: r.date,
        employeeId: r.employee_id,
        kind: r.kind,
        shiftId: r.shift_id,
        coverEmployeeId: r.cover_employee_id,
        note: r.note,
      }))
    },

    async insertException(companyId: number, e: RotaException): Promise<number> {
      const row = await db
        .insertInto('rota_exceptions')
        .values({
          company_id: companyId,
          date: e.date,
          employee_id: e.employeeId,
          kind: e.kind,
          shift_id: e.shiftId,
          cover_employee_id: e.coverEmployeeId,
          note: e.note ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },

    /** Who a dated exception is about (the agent and any cover); undefined when it does not exist. */
    async findExceptionOwner(
      companyId: number,
      id: number,
    ): Promise<{ employeeId: number; coverEmployeeId: number | null } | undefined> {
      const row = await db
        .selectFrom('rota_exceptions')
        .select(['employee_id', 'cover_employee_id'])
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst()
      return row && { employeeId: row.employee_id, coverEmployeeId: row.cover_employee_id }
    },

    async deleteException(companyId: number, id: number): Promise<boolean> {
      const result = await db
        .deleteFrom('rota_exceptions')
        .where('company_id', '=', companyId)
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },

    /** The rota with the exceptions dated `from`–`to`. */
    async loadRota(
      companyId: number,
      from: string,
      to: string,
    ): Promise<Rota & { exceptions: RotaExceptionRecord[] }> {
      const [shifts, serviceHours, patterns, exceptions] = await Promise.all([
        repo.listShifts(companyId),
        repo.listServiceHours(companyId),
        repo.listPatterns(companyId),
        repo.listExceptions(companyId, from, to),
      ])
      return { shifts, serviceHours, patterns, exceptions }
    },

    /** Stores punches; a punch already stored (same agent, instant and kind) is skipped. Returns how many were new. */
    async insertClockEvents(companyId: number, events: ClockEvent[], source: string): Promise<number> {
      if (events.length === 0) return 0
      const rows = await db
        .insertInto('clock_records')
        .values(
          events.map((e) => ({
            company_id: companyId,
            employee_id: e.employeeId,
            at: new Date(e.at),
            kind: e.kind,
            source,
          })),
        )
        .onConflict((oc) => oc.columns(['company_id', 'employee_id', 'at', 'kind']).doNothing())
        .returning('id')
        .execute()
      return rows.length
    },

    /** Punches with from ≤ at < to (instants). */
    async listClockEvents(companyId: number, from: number, to: number): Promise<ClockEvent[]> {
      const rows = await db
        .selectFrom('clock_records')
        .select(['employee_id', 'at', 'kind'])
        .where('company_id', '=', companyId)
        .where('at', '>=', new Date(from))
        .where('at', '<', new Date(to))
        .orderBy('at')
        .execute()
      return rows.map((r) => ({ employeeId: r.employee_id, at: new Date(r.at).getTime(), kind: r.kind }))
    },

    async getAttendanceRules(companyId: number): Promise<StoredAttendanceRules> {
      const r = await db
        .selectFrom('attendance_rules')
        .selectAll()
        .where('company_id', '=', companyId)
        .executeTakeFirst()
      if (!r) return { ...defaultStoredAttendanceRules }
      return {
        lateGraceMinutes: r.late_grace_minutes,
        earlyLeaveGraceMinutes: r.early_leave_grace_minutes,
        absentAfterMinutes: r.absent_after_minutes,
        matchWindowMinutes: r.match_window_minutes,
        leaveCountsAsScheduled: r.leave_counts_as_scheduled,
        maxWeeklyHours: r.max_weekly_hours === null ? null : Number(r.max_weekly_hours),
        maxConsecutiveDays: r.max_consecutive_days,
      }
    },

    async saveAttendanceRules(companyId: number, rules: StoredAttendanceRules): Promise<void> {
      const values = {
        late_grace_minutes: rules.lateGraceMinutes,
        early_leave_grace_minutes: rules.earlyLeaveGraceMinutes,
        absent_after_minutes: rules.absentAfterMinutes,
        match_window_minutes: rules.matchWindowMinutes,
        leave_counts_as_scheduled: rules.leaveCountsAsScheduled,
        max_weekly_hours: rules.maxWeeklyHours,
        max_consecutive_days: rules.maxConsecutiveDays,
      }
      await db
        .insertInto('attendance_rules')
        .values({ company_id: companyId, ...values })
        .onConflict((oc) => oc.column('company_id').doUpdateSet({ ...values, updated_at: new Date() }))
        .execute()
    },

    async insertSampleDraw(
      companyId: number,
      draw: Omit<SampleDrawRecord, 'id' | 'createdAt'>,
    ): Promise<SampleDrawRecord> {
      const row = await db
        .insertInto('sample_draws')
        .values({
          company_id: companyId,
          employee_id: draw.employeeId,
          week: draw.week,
          seed: draw.seed,
          algorithm: draw.algorithm,
          sample_size: draw.sampleSize,
          candidate_ids: JSON.stringify(draw.candidateIds),
          drawn_ids: JSON.stringify(draw.drawnIds),
          drawn_by_user_id: draw.drawnByUserId,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return toDraw(row)
    },

    async findSampleDraw(companyId: number, drawId: number): Promise<SampleDrawRecord | undefined> {
      const row = await db
        .selectFrom('sample_draws')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('id', '=', drawId)
        .executeTakeFirst()
      return row && toDraw(row)
    },

    async findSampleDrawsOfWeek(companyId: number, week: string): Promise<SampleDrawRecord[]> {
      const rows = await db
        .selectFrom('sample_draws')
        .selectAll()
        .where('company_id', '=', companyId)
        .where('week', '=', week)
        .orderBy('employee_id')
        .execute()
      return rows.map(toDraw)
    },

    /** A (new or replaced) score of one sampled item. */
    async upsertSampleScore(
      companyId: number,
      score: Omit<SampleScoreRecord, 'id' | 'employeeId' | 'week'>,
    ): Promise<number> {
      const values = {
        criteria: JSON.stringify(score.criteria),
        score: score.score,
        comment: score.comment,
        scored_by_user_id: score.scoredByUserId,
      }
      const row = await db
        .insertInto('sample_scores')
        .values({ company_id: companyId, draw_id: score.drawId, item_id: score.itemId, ...values })
        .onConflict((oc) =>
          oc.columns(['draw_id', 'item_id']).doUpdateSet({ ...values, updated_at: new Date() }),
        )
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },

    /** Scores of the samples drawn for an agent in the given weeks. */
    async listSampleScores(
      companyId: number,
      employeeId: number,
      weeks: string[],
    ): Promise<SampleScoreRecord[]> {
      if (weeks.length === 0) return []
      const rows = await db
        .selectFrom('sample_scores as s')
        .innerJoin('sample_draws as d', 'd.id', 's.draw_id')
        .select([
          's.id',
          's.draw_id',
          'd.employee_id',
          'd.week',
          's.item_id',
          's.criteria',
          's.score',
          's.comment',
        ])
        .select('s.scored_by_user_id')
        .where('s.company_id', '=', companyId)
        .where('d.employee_id', '=', employeeId)
        .where('d.week', 'in', weeks)
        .orderBy('d.week')
        .orderBy('s.id')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        drawId: r.draw_id,
        employeeId: r.employee_id,
        week: r.week,
        itemId: r.item_id,
        criteria: r.criteria,
        score: Number(r.score),
        comment: r.comment,
        scoredByUserId: r.scored_by_user_id,
      }))
    },

    /** The ids in a supervisor's reporting tree (下属, the root included). */
    async reportingTreeIds(companyId: number, rootEmployeeId: number): Promise<Set<number>> {
      const { rows } = await sql<{
        id: number
      }>`select id from ${reportingTreeIds(companyId, rootEmployeeId)} as t`.execute(db)
      return new Set(rows.map((r) => Number(r.id)))
    },

    /** How many weekly-pattern lines and dated exceptions name a shift. */
    async countShiftUses(companyId: number, shiftId: number): Promise<number> {
      const { rows } = await sql<{ uses: number }>`
        select (select count(*) from rota_patterns where company_id = ${companyId} and shift_id = ${shiftId})
             + (select count(*) from rota_exceptions where company_id = ${companyId} and shift_id = ${shiftId}) as uses`.execute(
        db,
      )
      return Number(rows[0]?.uses ?? 0)
    },

    async deleteShift(companyId: number, shiftId: number): Promise<void> {
      await sql`delete from shifts where company_id = ${companyId} and id = ${shiftId}`.execute(db)
    },

    /** 工号 and name of the company's employees among `ids`. */
    async employeeNumbers(
      companyId: number,
      ids: number[],
    ): Promise<{ id: number; employee_no: string; name: string }[]> {
      if (ids.length === 0) return []
      return db
        .selectFrom('employees')
        .select(['id', 'employee_no', 'name'])
        .where('company_id', '=', companyId)
        .where('id', 'in', ids)
        .execute()
    },

    /**
     * Writes a month of rota attendance as attendance facts under a new completed import (preset "rota"):
     * the agents' current rows of those days are superseded by it first. Returns the import and how many rows it
     * replaced.
     */
    async writeAttendanceFacts(
      companyId: number,
      publish: {
        month: string
        first: string
        last: string
        facts: AttendanceFactRow[]
        sha256: string
        sizeBytes: number
        createdByUserId: number | null
      },
    ): Promise<{ importId: number; replacedRows: number }> {
      const { first, last, facts } = publish
      const imported = await db
        .insertInto('imports')
        .values({
          company_id: companyId,
          kind: 'attendance',
          preset: 'rota',
          source: 'rota',
          file_name: `rota-attendance-${publish.month}.json`,
          sha256: publish.sha256,
          size_bytes: publish.sizeBytes,
          rows: facts.length,
          period_start: first,
          period_end: last,
          status: 'completed',
          created_by_user_id: publish.createdByUserId,
          errors: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const importId = imported.id
      const refs = [...new Set(facts.map((f) => f.employeeRef))]
      if (refs.length === 0) return { importId, replacedRows: 0 }
      const replaced = await sql`
        update fact_attendance set superseded_by = ${importId}
         where company_id = ${companyId} and superseded_by is null
           and day between ${first}::date and ${last}::date
           and employee_ref in (${sql.join(refs)})`.execute(db)
      const replacedRows = Number(replaced.numAffectedRows ?? 0)
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
        )}`.execute(db)
      await sql`update imports set replaced_rows = ${replacedRows} where id = ${importId}`.execute(db)
      return { importId, replacedRows }
    },
  }
  return repo
}

export type RotaRepository = ReturnType<typeof createRotaRepository>

function toDraw(r: Selectable<SampleDrawTable>): SampleDrawRecord {
  return {
    id: r.id,
    employeeId: r.employee_id,
    week: r.week,
    seed: r.seed,
    algorithm: r.algorithm,
    sampleSize: r.sample_size,
    candidateIds: r.candidate_ids,
    drawnIds: r.drawn_ids,
    drawnByUserId: r.drawn_by_user_id,
    createdAt: r.created_at,
  }
}
