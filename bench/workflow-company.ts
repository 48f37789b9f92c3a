import { sql } from 'kysely'
import type { Db } from '../src/db/database.ts'
import type { Actor } from '../src/services/auth/actor.ts'
import { hashPassword } from '../src/services/auth/password.ts'
import { openCycle } from '../src/services/cycles/open-cycle.ts'
import { installBuiltinTemplates } from '../src/services/templates/install-builtin-templates.ts'

// A generated company for the workflow benchmarks (not a benchmark itself: no `.bench.ts`): the built-in
// templates, one department and position linked to the customer-service template, and a reporting tree of
// `managers` heads over `supervisors` team leads over everyone else, inserted with set-based SQL.

export type BenchCompany = {
  companyId: number
  actor: Actor
  positionId: number
  /**
   * Usernames (password jixiao123): employees of the first team (`employee` is the first), the supervisor
   * of that team and the head over that supervisor.
   */
  users: { admin: string; employee: string; employees: string[]; supervisor: string; manager: string }
}

export async function generateBenchCompany(
  db: Db,
  size: { employees: number; supervisors: number; managers: number; employeeLogins?: number },
): Promise<BenchCompany> {
  const company = await db
    .insertInto('companies')
    .values({ name: '基准公司', settings: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const companyId = company.id
  await installBuiltinTemplates(db, companyId)
  const department = await db
    .insertInto('departments')
    .values({ company_id: companyId, name: '客服部', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  const position = await db
    .insertInto('positions')
    .values({
      company_id: companyId,
      name: '客服专员',
      department_id: department.id,
      superior_position_id: null,
      job_description: '{"duties":[]}',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const template = await db
    .selectFrom('templates')
    .select('id')
    .where('company_id', '=', companyId)
    .where('code', '=', 'seed-000-customer-service')
    .executeTakeFirstOrThrow()
  await db.deleteFrom('position_templates').where('position_id', '=', position.id).execute()
  await db
    .insertInto('position_templates')
    .values({ company_id: companyId, position_id: position.id, template_id: template.id })
    .execute()
  const insertLevel = async (
    prefix: string,
    count: number,
    managerOf: (g: string) => ReturnType<typeof sql>,
  ) =>
    sql`
      insert into employees (company_id, employee_no, name, department_id, position_id, manager_id, hire_date, status)
      select ${companyId}, ${prefix} || g, ${prefix} || '员工' || g, ${department.id}, ${position.id}, ${managerOf('g')}, '2024-01-01', 'active'
      from generate_series(1, ${count}) g`.execute(db)
  const firstId = async (prefix: string) =>
    (
      await db
        .selectFrom('employees')
        .select(sql<number>`min(id)`.as('id'))
        .where('company_id', '=', companyId)
        .where('employee_no', 'like', `${prefix}%`)
        .executeTakeFirstOrThrow()
    ).id
  const { employees, supervisors, managers } = size
  await insertLevel('M', managers, () => sql`null::int`)
  const m1 = await firstId('M')
  await insertLevel('S', supervisors, (g) => sql`${m1}::int + (${sql.raw(g)} % ${managers})`)
  const s1 = await firstId('S')
  await insertLevel(
    'E',
    employees - supervisors - managers,
    (g) => sql`${s1}::int + (${sql.raw(g)} % ${supervisors})`,
  )
  await sql`analyze employees`.execute(db)
  const passwordHash = await hashPassword('jixiao123')
  const team = await db
    .selectFrom('employees')
    .select('id')
    .where('company_id', '=', companyId)
    .where('manager_id', '=', s1)
    .orderBy('id')
    .limit(size.employeeLogins ?? 1)
    .execute()
  const manager = await db
    .selectFrom('employees')
    .select('manager_id')
    .where('id', '=', s1)
    .executeTakeFirstOrThrow()
  const users = {
    admin: `bench-admin-${companyId}`,
    employee: `bench-emp-${companyId}-1`,
    employees: team.map((_, i) => `bench-emp-${companyId}-${i + 1}`),
    supervisor: `bench-sup-${companyId}`,
    manager: `bench-head-${companyId}`,
  }
  const user = (username: string, role: string, employeeId: number | null, displayName: string) => ({
    company_id: companyId,
    username,
    password_hash: passwordHash,
    role: role as 'admin',
    employee_id: employeeId,
    display_name: displayName,
  })
  const admin = await db
    .insertInto('users')
    .values(user(users.admin, 'admin', null, '管理员'))
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('users')
    .values([
      ...team.map((e, i) => user(users.employees[i]!, 'employee', e.id, `员工${i + 1}`)),
      user(users.supervisor, 'supervisor', s1, '主管'),
      user(users.manager, 'supervisor', manager.manager_id, '经理'),
    ])
    .execute()
  return {
    companyId,
    actor: { userId: admin.id, companyId, role: 'admin', employeeId: null },
    positionId: position.id,
    users,
  }
}

/**
 * Closed monthly cycles before the benchmark's own, each with one final sheet per employee (copied from the
 * employees with set-based SQL), so the sheet table holds a realistic history when the API is measured.
 */
export async function addPastCycles(db: Db, company: BenchCompany, count: number): Promise<void> {
  for (let m = 1; m <= count; m++) {
    const month = String(m).padStart(2, '0')
    const end = new Date(Date.UTC(2026, m, 0)).toISOString().slice(0, 10)
    await sql`
      with c as (
        insert into cycles (company_id, name, kind, period_start, period_end, status, participants, settings, deadlines)
        values (${company.companyId}, ${`2026-${month}`}, 'monthly', ${`2026-${month}-01`}, ${end}, 'closed', '{}', '{}', '{}')
        returning id)
      insert into appraisal_sheets (company_id, cycle_id, employee_id, reviewer_employee_id, department_id, position_id,
        template_version_id, state, total, grade, coefficient, score, finalized_at)
      select e.company_id, c.id, e.id, e.manager_id, e.department_id, e.position_id, tv.id, 'final',
        80 + (e.id % 20), 'B', 1, '{"total":90}'::jsonb, now()
      from employees e
      cross join c
      join position_templates pt on pt.position_id = e.position_id
      join templates t on t.id = pt.template_id
      join template_versions tv on tv.template_id = t.id and tv.version = t.latest_version
      where e.company_id = ${company.companyId}`.execute(db)
  }
  await sql`analyze appraisal_sheets`.execute(db)
}

/** Opens the benchmark's own month (September 2026) for every employee of the position and waits for its sheets. */
export async function openBenchCycle(
  deps: { db: Db; now: () => Date },
  company: BenchCompany,
  name = '2026-09',
): Promise<number> {
  const opened = await openCycle(deps, company.actor, {
    name,
    kind: 'monthly',
    periodStart: '2026-09-01',
    periodEnd: '2026-09-30',
    participants: { positionIds: [company.positionId] },
    settings: {},
  })
  await opened.completion
  return opened.cycle.id
}
