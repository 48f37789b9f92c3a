import { type Kysely, sql } from 'kysely'

// The team queue ("my team", 我的团队) as a function, so that its plan is kept between calls: on embedded
// PGlite planning the statement cost as much as running it (about 2 ms of 5 for a supervisor of 40), and
// a PL/pgSQL function's statements are planned once per connection. Read by listTeamQueueSheets
// (db/sheet-list-repository.ts), which documents the result; a change to the result is a new migration
// that replaces the function.
//
// The reporting tree is walked level by level through employees (company_id, manager_id) (a lateral
// subquery kept apart by `offset 0`, so the planner does not hash every employee at every level; `union`
// ends a cycle in the manager chain). The queue's sheets are read once into a materialised list, from which
// the section totals, the cycles and the pages are taken; only the sheets of the pages are joined to names.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function jixiao_team_queue(p_company_id int, p_employee_id int, p_cycle_id int, p_page_size int,
      p_read_only_offset int, p_archived_offset int) returns json language plpgsql stable as $$
    begin
      return (
        with recursive tree(id) as (
          select e.id from employees e where e.company_id = p_company_id and e.id = p_employee_id
          union
          select report.id from tree cross join lateral (
            select e.id from employees e where e.company_id = p_company_id and e.manager_id = tree.id offset 0
          ) report
        ),
        queue as materialized (
          select s.id, s.cycle_id, c.period_start,
            case when s.state = 'final' then 'archived' when s.reviewer_employee_id = p_employee_id then 'review'
              else 'readOnly' end as section
          from appraisal_sheets s
          join cycles c on c.id = s.cycle_id
          where s.company_id = p_company_id and s.employee_id <> p_employee_id
            and (p_cycle_id is null or s.cycle_id = p_cycle_id)
            and (s.reviewer_employee_id = p_employee_id or s.employee_id = any(array(select id from tree)))
        ),
        page as (
          (select q.id, q.section from queue q where q.section = 'review'
            order by q.period_start desc, q.id limit 1000)
          union all
          (select q.id, q.section from queue q where q.section = 'readOnly'
            order by q.period_start desc, q.id limit p_page_size offset p_read_only_offset)
          union all
          (select q.id, q.section from queue q where q.section = 'archived'
            order by q.period_start desc, q.id limit p_page_size offset p_archived_offset)
        )
        select json_build_object(
          'totals', (select json_object_agg(t.section, t.n)
            from (select q.section, count(*)::int as n from queue q group by q.section) t),
          'cycles', (select json_agg(json_build_object('id', c.id, 'name', c.name) order by c.period_start desc, c.id)
            from cycles c where c.id in (select q.cycle_id from queue q)),
          'sheets', (select json_agg(t order by t."periodStart" desc, t.id) from (
            select p.section, s.id, s.cycle_id as "cycleId", c.name as "cycleName", c.kind as "cycleKind",
              c.period_start as "periodStart", c.period_end as "periodEnd", s.employee_id as "employeeId",
              e.employee_no as "employeeNo", e.name as "employeeName", s.department_id as "departmentId",
              (select d.name from departments d where d.id = s.department_id) as "departmentName",
              s.reviewer_employee_id as "reviewerEmployeeId",
              (select r.name from employees r where r.id = s.reviewer_employee_id) as "reviewerName",
              s.state, s.version, s.total, s.grade, s.owner_confirmed_at is not null as "ownerConfirmed",
              s.reviewer_confirmed_at is not null as "reviewerConfirmed", s.appeal_deadline as "appealDeadline",
              c.deadlines, s.updated_at as "updatedAt"
            from page p
            join appraisal_sheets s on s.id = p.id
            join cycles c on c.id = s.cycle_id
            join employees e on e.id = s.employee_id
          ) t)
        )
      );
    end
    $$`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists jixiao_team_queue(int, int, int, int, int, int)`.execute(db)
}
