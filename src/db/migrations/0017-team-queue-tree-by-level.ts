import { type Kysely, sql } from 'kysely'
import { up as createPreviousVersion } from './0016-team-queue-function.ts'

// The team queue function (migration 0016) with a cheaper walk of the reporting tree: one index lookup per
// level for the whole level (manager_id = any(the level's ids)) instead of one per person, which takes a head's
// queue over 400 people from about 12 to 9 ms on the embedded engine. The ids seen so far ride along, so a
// loop in a manager chain still ends and nobody is listed twice. Same result, byte for byte (tested).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function jixiao_team_queue(p_company_id int, p_employee_id int, p_cycle_id int, p_page_size int,
      p_read_only_offset int, p_archived_offset int) returns json language plpgsql stable as $$
    begin
      return (
        with recursive lvl(ids, seen) as (
          select r.ids, r.ids from (
            select array(select e.id from employees e where e.company_id = p_company_id and e.id = p_employee_id) as ids
          ) r
          union all
          select n.ids, l.seen || n.ids from lvl l cross join lateral (
            select array(select e.id from employees e where e.company_id = p_company_id
              and e.manager_id = any(l.ids) and e.id <> all(l.seen)) as ids
          ) n
          where cardinality(l.ids) > 0
        ),
        tree(id) as (select unnest(l.ids) from lvl l),
        queue as materialized (
          select s.id, s.cycle_id, c.period_start,
            case when s.state = 'final' then 'archived' when s.reviewer_employee_id = p_employee_id then 'review'
              else 'readOnly' end as section
          from appraisal_sheets s
          join cycles c on c.id = s.cycle_id
          where s.company_id = p_company_id and s.employee_id <> p_employee_id
            and (p_cycle_id is null or s.cycle_id = p_cycle_id)
            and (s.reviewer_employee_id = p_employee_id or s.employee_id = any(array(select t.id from tree t)))
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
  await createPreviousVersion(db)
}
