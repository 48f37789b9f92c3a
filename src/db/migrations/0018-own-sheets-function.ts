import { type Kysely, sql } from 'kysely'

// "My appraisal" (我的考核) as a function, like the team queue (migrations 0016, 0017): on the embedded engine
// planning the statement cost as much as running it (about 0.7 ms of 1.5 for an employee with nine sheets),
// and a PL/pgSQL function's statements are planned once per connection. Read by listOwnSheetSummaries
// (db/sheet-list-repository.ts): one employee's sheets, newest period first (at most 1,000), as one JSON
// array of objects with SheetSummary's keys in SheetSummary's order; a change to it is a new migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function jixiao_own_sheets(p_company_id int, p_employee_id int) returns json
    language plpgsql stable as $$
    begin
      return (
        select json_agg(t order by t."periodStart" desc, t.id)
        from (
          select s.id, s.cycle_id as "cycleId", c.name as "cycleName", c.kind as "cycleKind",
            c.period_start as "periodStart", c.period_end as "periodEnd", s.employee_id as "employeeId",
            e.employee_no as "employeeNo", e.name as "employeeName", s.department_id as "departmentId",
            (select d.name from departments d where d.id = s.department_id) as "departmentName",
            s.reviewer_employee_id as "reviewerEmployeeId",
            (select r.name from employees r where r.id = s.reviewer_employee_id) as "reviewerName",
            s.state, s.version, s.total, s.grade, s.owner_confirmed_at is not null as "ownerConfirmed",
            s.reviewer_confirmed_at is not null as "reviewerConfirmed", s.appeal_deadline as "appealDeadline",
            c.deadlines, s.updated_at as "updatedAt"
          from appraisal_sheets s
          join cycles c on c.id = s.cycle_id
          join employees e on e.id = s.employee_id
          where s.company_id = p_company_id and s.employee_id = p_employee_id
          order by c.period_start desc, s.id
          limit 1000
        ) t
      );
    end
    $$`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists jixiao_own_sheets(int, int)`.execute(db)
}
