import { type RawBuilder, sql } from 'kysely'
import type { Db } from './database.ts'

// Reading the audit log a page at a time, for the audit page, with the names its sentences need resolved here
// (the person, cycle, template … a row is about), one correlated look-up per row of the page.

/** A text as an integer id where it is one (entity ids are stored as text), else null: never a cast error. */
const asId = (text: RawBuilder<unknown>) => sql`(case when ${text} ~ '^[0-9]{1,9}$' then (${text})::int end)`
const entityId = asId(sql`a.entity_id`)
/** An id the row's own values name (a deleted pool still names its cycle). */
const namedId = (key: string) => asId(sql`coalesce(a.after, a.before) ->> ${sql.lit(key)}`)
const employeeName = (id: RawBuilder<unknown>) =>
  sql`(select e.name from employees e where e.company_id = a.company_id and e.id = ${id})`
const cycleName = (id: RawBuilder<unknown>) =>
  sql`(select c.name from cycles c where c.company_id = a.company_id and c.id = ${id})`
const ofRow = (table: string, column: string) =>
  sql`(select x.${sql.ref(column)} from ${sql.table(table)} x where x.company_id = a.company_id and x.id = ${entityId})`
const sheetOf = (table: string) =>
  sql`(select x.sheet_id from ${sql.table(table)} x where x.company_id = a.company_id and x.id = ${entityId})`
const sheetColumn = (column: string, sheetId: RawBuilder<unknown>) =>
  sql`(select s.${sql.ref(column)} from appraisal_sheets s where s.company_id = a.company_id and s.id = ${sheetId})`

const subjectName = sql<string | null>`coalesce(case a.entity
    when 'employee' then ${employeeName(entityId)}
    when 'appraisal_sheet' then ${employeeName(sheetColumn('employee_id', entityId))}
    when 'appeal' then ${employeeName(sheetColumn('employee_id', sheetOf('appeals')))}
    when 'peer_review' then ${employeeName(sheetColumn('employee_id', sheetOf('peer_reviews')))}
    when 'cycle' then ${cycleName(entityId)}
    when 'pay_sheet' then ${cycleName(ofRow('pay_sheets', 'cycle_id'))}
    when 'template' then ${ofRow('templates', 'name')}
    when 'department' then ${ofRow('departments', 'name')}
    when 'position' then ${ofRow('positions', 'name')}
    when 'shift' then ${ofRow('shifts', 'name')}
    when 'import_mapping' then ${ofRow('import_mappings', 'name')}
    when 'bonus_pool' then ${ofRow('bonus_pools', 'name')}
    when 'identity_provider' then ${ofRow('identity_providers', 'display_name')}
    when 'attribution' then ${ofRow('attributions', 'source_name')}
    when 'import' then ${ofRow('imports', 'file_name')}
    when 'user' then (select u2.display_name from users u2 where u2.company_id = a.company_id and u2.id = ${entityId})
    when 'company' then (select co.name from companies co where co.id = a.company_id)
    when 'pay_item' then ${employeeName(ofRow('pay_items', 'employee_id'))}
    when 'pay_assignment' then coalesce(${employeeName(ofRow('pay_assignments', 'employee_id'))},
      (select p.name from positions p where p.company_id = a.company_id and p.id = ${ofRow('pay_assignments', 'position_id')}))
    when 'improvement_plan' then ${employeeName(ofRow('improvement_plans', 'employee_id'))}
    when 'rota_exception' then ${employeeName(ofRow('rota_exceptions', 'employee_id'))}
    when 'sample_draw' then ${employeeName(ofRow('sample_draws', 'employee_id'))}
    when 'sample_score' then ${employeeName(
      sql`(select d.employee_id from sample_draws d where d.company_id = a.company_id and d.id = ${ofRow('sample_scores', 'draw_id')})`,
    )}
    when 'pay_inputs' then ${employeeName(asId(sql`split_part(a.entity_id, ':', 2)`))}
    when 'roster' then a.entity_id
  end, ${employeeName(namedId('employeeId'))})`

const cycleNameOfRow = sql<string | null>`coalesce(case a.entity
    when 'cycle' then ${cycleName(entityId)}
    when 'appraisal_sheet' then ${cycleName(sheetColumn('cycle_id', entityId))}
    when 'appeal' then ${cycleName(sheetColumn('cycle_id', sheetOf('appeals')))}
    when 'peer_review' then ${cycleName(sheetColumn('cycle_id', sheetOf('peer_reviews')))}
    when 'pay_sheet' then ${cycleName(ofRow('pay_sheets', 'cycle_id'))}
    when 'bonus_pool' then ${cycleName(ofRow('bonus_pools', 'cycle_id'))}
    when 'pay_item' then ${cycleName(ofRow('pay_items', 'cycle_id'))}
    when 'improvement_plan' then ${cycleName(ofRow('improvement_plans', 'cycle_id'))}
    when 'pay_inputs' then ${cycleName(asId(sql`split_part(a.entity_id, ':', 1)`))}
  end, ${cycleName(namedId('cycleId'))})`

export type AuditPageFilter = { entity?: string; entityId?: string; limit: number; offset: number }

/**
 * One company's audit rows, newest first, with the actor's display name, the name of what each row is about and
 * of its cycle, and how many match in all.
 */
export async function findAuditRows(db: Db, companyId: number, filter: AuditPageFilter) {
  let q = db.selectFrom('audit_log as a').where('a.company_id', '=', companyId)
  if (filter.entity) q = q.where('a.entity', '=', filter.entity)
  if (filter.entityId) q = q.where('a.entity_id', '=', filter.entityId)
  const [rows, count] = await Promise.all([
    // The page is cut first, so names are looked up for its rows only, however deep the page.
    db
      .selectFrom(
        q
          .select([
            'a.id',
            'a.company_id',
            'a.actor_user_id',
            'a.action',
            'a.entity',
            'a.entity_id',
            'a.before',
            'a.after',
            'a.reason',
            'a.created_at',
          ])
          .orderBy('a.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .as('a'),
      )
      .leftJoin('users as u', 'u.id', 'a.actor_user_id')
      .select([
        'a.id',
        'a.actor_user_id',
        'u.display_name',
        'a.action',
        'a.entity',
        'a.entity_id',
        'a.before',
        'a.after',
        'a.reason',
        'a.created_at',
        subjectName.as('subject_name'),
        cycleNameOfRow.as('cycle_name'),
      ])
      .orderBy('a.id', 'desc')
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      actorUserId: r.actor_user_id,
      actorName: r.display_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      reason: r.reason,
      createdAt: new Date(r.created_at),
      subjectName: r.subject_name,
      cycleName: r.cycle_name,
    })),
  }
}
