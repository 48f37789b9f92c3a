import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely'

// Pay (薪酬): pay schemes per position or employee, rewards and penalties (奖惩) and post-approval adjustments,
// hand-entered pay inputs, the cycle's pay sheet (approval snapshot), bonus pools (奖金池), the consequence
// rules (结果应用) and improvement/training plans (改进/培训计划).
export async function up(db: Kysely<unknown>): Promise<void> {
  const company = (c: ColumnDefinitionBuilder) => c.notNull().references('companies.id').onDelete('cascade')
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey().generatedAlwaysAsIdentity()
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`)
  const jsonb = (fallback: string) => (c: ColumnDefinitionBuilder) =>
    c.notNull().defaultTo(sql.raw(`'${fallback}'::jsonb`))
  const user = (c: ColumnDefinitionBuilder) => c.references('users.id').onDelete('set null')
  const cycle = (c: ColumnDefinitionBuilder) => c.notNull().references('cycles.id').onDelete('cascade')
  const employee = (c: ColumnDefinitionBuilder) => c.notNull().references('employees.id').onDelete('cascade')

  await db.schema
    .createTable('pay_assignments')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('position_id', 'integer', (c) => c.references('positions.id').onDelete('cascade'))
    .addColumn('employee_id', 'integer', (c) => c.references('employees.id').onDelete('cascade'))
    .addColumn('scheme', 'jsonb', (c) => c.notNull())
    .addColumn('input_sources', 'jsonb', jsonb('{}'))
    .addColumn('updated_by_user_id', 'integer', user)
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addCheckConstraint('pay_assignments_one_target', sql`(position_id is null) <> (employee_id is null)`)
    .addUniqueConstraint('pay_assignments_position_unique', ['company_id', 'position_id'])
    .addUniqueConstraint('pay_assignments_employee_unique', ['company_id', 'employee_id'])
    .execute()

  await db.schema
    .createTable('pay_items')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('cycle_id', 'integer', cycle)
    .addColumn('employee_id', 'integer', employee)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reward_penalty', 'adjustment')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('amount', 'numeric(14, 2)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by_user_id', 'integer', user)
    .addColumn('created_at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('pay_items_cycle_idx')
    .on('pay_items')
    .columns(['company_id', 'cycle_id'])
    .execute()

  await db.schema
    .createTable('pay_input_values')
    .addColumn('company_id', 'integer', company)
    .addColumn('cycle_id', 'integer', cycle)
    .addColumn('employee_id', 'integer', employee)
    .addColumn('values', 'jsonb', jsonb('{}'))
    .addColumn('updated_by_user_id', 'integer', user)
    .addColumn('updated_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('pay_input_values_pk', ['cycle_id', 'employee_id'])
    .execute()

  await db.schema
    .createTable('pay_sheets')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('cycle_id', 'integer', (c) => c.notNull().unique().references('cycles.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('approved')`))
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('total', 'numeric(16, 2)', (c) => c.notNull())
    .addColumn('approved_by_user_id', 'integer', user)
    .addColumn('approved_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('bonus_pools')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('quarterly', 'annual')`))
    .addColumn('cycle_id', 'integer', cycle)
    .addColumn('amount', 'numeric(16, 2)', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('rule', 'jsonb', (c) => c.notNull())
    .addColumn('lines', 'jsonb', jsonb('[]'))
    .addColumn('created_by_user_id', 'integer', user)
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('consequence_settings')
    .addColumn('company_id', 'integer', (c) => c.primaryKey().references('companies.id').onDelete('cascade'))
    .addColumn('settings', 'jsonb', jsonb('{}'))
    .addColumn('updated_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('improvement_plans')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('employee_id', 'integer', employee)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('improvement', 'training')`))
    .addColumn('cycle_id', 'integer', (c) => c.references('cycles.id').onDelete('set null'))
    .addColumn('dimension', 'text')
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('owner_employee_id', 'integer', employee)
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done', 'cancelled')`))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('improvement_plans_employee_idx')
    .on('improvement_plans')
    .columns(['company_id', 'employee_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'improvement_plans',
    'consequence_settings',
    'bonus_pools',
    'pay_sheets',
    'pay_input_values',
    'pay_items',
    'pay_assignments',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
