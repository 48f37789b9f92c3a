import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely'

// Customer-service rota (客服排班), attendance (考勤) and the supervisor's weekly sampling (主管抽查).
export async function up(db: Kysely<unknown>): Promise<void> {
  const company = (c: ColumnDefinitionBuilder) => c.notNull().references('companies.id').onDelete('cascade')
  const hhmm = (column: string) => sql.raw(`${column} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'`)

  await db.schema
    .createTable('shifts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('company_id', 'integer', company)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull().check(hhmm('start_time')))
    .addColumn('end_time', 'text', (c) => c.notNull().check(hhmm('end_time')))
    .addColumn('crosses_midnight', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('shifts_company_name_unique', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('service_hours')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('company_id', 'integer', company)
    .addColumn('weekday', 'smallint', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_time', 'text', (c) => c.notNull().check(hhmm('start_time')))
    .addColumn('end_time', 'text', (c) => c.notNull().check(hhmm('end_time')))
    .addColumn('crosses_midnight', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('required_agents', 'integer', (c) => c.notNull().defaultTo(1).check(sql`required_agents >= 0`))
    .execute()
  await db.schema
    .createIndex('service_hours_company_idx')
    .on('service_hours')
    .columns(['company_id', 'weekday'])
    .execute()

  await db.schema
    .createTable('rota_patterns')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('company_id', 'integer', company)
    .addColumn('employee_id', 'integer', (c) => c.notNull().references('employees.id').onDelete('cascade'))
    .addColumn('weekday', 'smallint', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('shift_id', 'integer', (c) => c.notNull().references('shifts.id').onDelete('cascade'))
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('rota_patterns_company_idx')
    .on('rota_patterns')
    .columns(['company_id', 'employee_id', 'weekday'])
    .execute()

  await db.schema
    .createTable('rota_exceptions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('company_id', 'integer', company)
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('employee_id', 'integer', (c) => c.notNull().references('employees.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('leave', 'swap', 'cover')`))
    .addColumn('shift_id', 'integer', (c) => c.references('shifts.id').onDelete('cascade'))
    .addColumn('cover_employee_id', 'integer', (c) => c.references('employees.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('rota_exceptions_company_date_idx')
    .on('rota_exceptions')
    .columns(['company_id', 'date'])
    .execute()

  await db.schema
    .createTable('clock_records')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('company_id', 'integer', company)
    .addColumn('employee_id', 'integer', (c) => c.notNull().references('employees.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('in', 'out')`))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('clock_records_unique', ['company_id', 'employee_id', 'at', 'kind'])
    .execute()
  await db.schema
    .createIndex('clock_records_company_at_idx')
    .on('clock_records')
    .columns(['company_id', 'at'])
    .execute()

  await db.schema
    .createTable('attendance_rules')
    .addColumn('company_id', 'integer', (c) => c.primaryKey().references('companies.id').onDelete('cascade'))
    .addColumn('late_grace_minutes', 'integer', (c) =>
      c.notNull().defaultTo(5).check(sql`late_grace_minutes >= 0`),
    )
    .addColumn('early_leave_grace_minutes', 'integer', (c) =>
      c.notNull().defaultTo(5).check(sql`early_leave_grace_minutes >= 0`),
    )
    .addColumn('absent_after_minutes', 'integer', (c) => c.check(sql`absent_after_minutes >= 0`))
    .addColumn('match_window_minutes', 'integer', (c) =>
      c.notNull().defaultTo(240).check(sql`match_window_minutes > 0`),
    )
    .addColumn('leave_counts_as_scheduled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('max_weekly_hours', 'numeric(5, 2)', (c) => c.check(sql`max_weekly_hours > 0`))
    .addColumn('max_consecutive_days', 'integer', (c) => c.check(sql`max_consecutive_days > 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('sample_draws')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('company_id', 'integer', company)
    .addColumn('employee_id', 'integer', (c) => c.notNull().references('employees.id').onDelete('cascade'))
    .addColumn('week', 'text', (c) => c.notNull().check(sql`week ~ '^[0-9]{4}-W[0-9]{2}$'`))
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('sample_size', 'integer', (c) => c.notNull().check(sql`sample_size > 0`))
    .addColumn('candidate_ids', 'jsonb', (c) => c.notNull())
    .addColumn('drawn_ids', 'jsonb', (c) => c.notNull())
    .addColumn('drawn_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sample_draws_week_unique', ['company_id', 'employee_id', 'week'])
    .execute()

  await db.schema
    .createTable('sample_scores')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('company_id', 'integer', company)
    .addColumn('draw_id', 'integer', (c) => c.notNull().references('sample_draws.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('criteria', 'jsonb', (c) => c.notNull())
    .addColumn('score', 'numeric(5, 2)', (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn('comment', 'text')
    .addColumn('scored_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sample_scores_item_unique', ['draw_id', 'item_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sample_scores',
    'sample_draws',
    'attendance_rules',
    'clock_records',
    'rota_exceptions',
    'rota_patterns',
    'service_hours',
    'shifts',
  ])
    await db.schema.dropTable(table).ifExists().execute()
}
