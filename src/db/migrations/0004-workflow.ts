import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely'

// Appraisal cycles and the review workflow (考核周期与流程): jobs, cycles, sheets with their state machine and
// history, work records and observations, small files, peer reviews, appeals, the working-day calendar,
// and notifications (in-app and a webhook outbox).
export async function up(db: Kysely<unknown>): Promise<void> {
  const company = (c: ColumnDefinitionBuilder) => c.notNull().references('companies.id').onDelete('cascade')
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey().generatedAlwaysAsIdentity()
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`)
  const jsonb = (fallback: string) => (c: ColumnDefinitionBuilder) =>
    c.notNull().defaultTo(sql.raw(`'${fallback}'::jsonb`))

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed')`),
    )
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('params', 'jsonb', jsonb('{}'))
    .addColumn('result', 'jsonb')
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('cycles')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('monthly', 'quarterly', 'annual')`))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('opening', 'open', 'closed', 'failed')`),
    )
    .addColumn('participants', 'jsonb', jsonb('{}'))
    .addColumn('settings', 'jsonb', jsonb('{}'))
    .addColumn('deadlines', 'jsonb', jsonb('{}'))
    .addColumn('template_id', 'integer', (c) => c.references('templates.id').onDelete('set null'))
    .addColumn('job_id', 'integer', (c) => c.references('jobs.id').onDelete('set null'))
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .addCheckConstraint('cycles_period_check', sql`period_end >= period_start`)
    .addUniqueConstraint('cycles_company_name_unique', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('appraisal_sheets')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('employee_id', 'integer', (c) => c.notNull().references('employees.id').onDelete('cascade'))
    .addColumn('reviewer_employee_id', 'integer', (c) => c.references('employees.id').onDelete('set null'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('position_id', 'integer', (c) => c.references('positions.id').onDelete('set null'))
    .addColumn('template_version_id', 'integer', (c) =>
      c.notNull().references('template_versions.id').onDelete('restrict'),
    )
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('targets', 'jsonb', jsonb('{}'))
    .addColumn('owner_confirmed_at', 'timestamptz')
    .addColumn('reviewer_confirmed_at', 'timestamptz')
    .addColumn('self_review', 'jsonb', jsonb('{}'))
    .addColumn('supervisor_review', 'jsonb', jsonb('{}'))
    .addColumn('shared_inputs', 'jsonb', jsonb('{}'))
    .addColumn('sampling', 'jsonb')
    .addColumn('score', 'jsonb')
    .addColumn('total', 'numeric')
    .addColumn('grade', 'text')
    .addColumn('coefficient', 'numeric')
    .addColumn('calibration', 'jsonb')
    .addColumn('feedback', 'jsonb')
    .addColumn('signed_at', 'timestamptz')
    .addColumn('signed_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('appeal_deadline', 'date')
    .addColumn('finalized_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addUniqueConstraint('appraisal_sheets_cycle_employee_unique', ['cycle_id', 'employee_id'])
    .execute()
  await db.schema
    .createIndex('appraisal_sheets_employee_idx')
    .on('appraisal_sheets')
    .columns(['company_id', 'employee_id'])
    .execute()
  await db.schema
    .createIndex('appraisal_sheets_reviewer_idx')
    .on('appraisal_sheets')
    .columns(['company_id', 'reviewer_employee_id', 'state'])
    .execute()
  await db.schema
    .createIndex('appraisal_sheets_cycle_state_idx')
    .on('appraisal_sheets')
    .columns(['cycle_id', 'state'])
    .execute()

  await db.schema
    .createTable('sheet_events')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('sheet_id', 'integer', (c) =>
      c.notNull().references('appraisal_sheets.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('sheet_events_sheet_idx')
    .on('sheet_events')
    .columns(['sheet_id', 'id'])
    .execute()

  await db.schema
    .createTable('sheet_files')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('sheet_id', 'integer', (c) =>
      c.notNull().references('appraisal_sheets.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0 and size <= 2097152`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('sheet_entries')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('sheet_id', 'integer', (c) =>
      c.notNull().references('appraisal_sheets.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('work_record', 'observation')`))
    .addColumn('entry_date', 'date', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('links', 'jsonb', jsonb('[]'))
    .addColumn('file_ids', 'jsonb', jsonb('[]'))
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('sheet_entries_sheet_idx')
    .on('sheet_entries')
    .columns(['sheet_id', 'entry_date'])
    .execute()

  await db.schema
    .createTable('peer_reviews')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('sheet_id', 'integer', (c) =>
      c.notNull().references('appraisal_sheets.id').onDelete('cascade'),
    )
    .addColumn('reviewer_employee_id', 'integer', (c) =>
      c.notNull().references('employees.id').onDelete('cascade'),
    )
    .addColumn('indicators', 'jsonb', jsonb('{}'))
    .addColumn('comment', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('peer_reviews_sheet_reviewer_unique', ['sheet_id', 'reviewer_employee_id'])
    .execute()
  await db.schema
    .createIndex('peer_reviews_reviewer_idx')
    .on('peer_reviews')
    .columns(['company_id', 'reviewer_employee_id'])
    .execute()

  await db.schema
    .createTable('sheet_score_history')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('sheet_id', 'integer', (c) =>
      c.notNull().references('appraisal_sheets.id').onDelete('cascade'),
    )
    .addColumn('score', 'jsonb')
    .addColumn('total', 'numeric')
    .addColumn('grade', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('replaced_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .execute()

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('sheet_id', 'integer', (c) =>
      c.notNull().references('appraisal_sheets.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('filed', 'investigating', 'ruled')`))
    .addColumn('reasons', 'text', (c) => c.notNull().check(sql`length(btrim(reasons)) > 0`))
    .addColumn('evidence', 'jsonb', jsonb('[]'))
    .addColumn('requested_outcome', 'text', (c) => c.notNull())
    .addColumn('disputed', 'jsonb', jsonb('[]'))
    .addColumn('handler_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('investigation_due', 'date')
    .addColumn('notes', 'jsonb', jsonb('[]'))
    .addColumn('ruling', 'text', (c) => c.check(sql`ruling in ('upheld', 'partly_upheld', 'rejected')`))
    .addColumn('ruling_note', 'text')
    .addColumn('changed_inputs', 'jsonb')
    .addColumn('filed_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('filed_at', 'timestamptz', now)
    .addColumn('ruled_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('appeals_company_status_idx')
    .on('appeals')
    .columns(['company_id', 'status'])
    .execute()

  await db.schema
    .createTable('calendar_days')
    .addColumn('company_id', 'integer', company)
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'workday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_days_pk', ['company_id', 'date'])
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['company_id', 'user_id', 'id'])
    .execute()

  await db.schema
    .createTable('notification_webhooks')
    .addColumn('company_id', 'integer', (c) => c.primaryKey().references('companies.id').onDelete('cascade'))
    .addColumn('flavour', 'text', (c) => c.notNull().check(sql`flavour in ('dingtalk', 'feishu', 'wecom')`))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute()

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'integer', id)
    .addColumn('company_id', 'integer', company)
    .addColumn('notification_id', 'integer', (c) => c.references('notifications.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', now)
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('notification_outbox_due_idx')
    .on('notification_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notification_outbox',
    'notification_webhooks',
    'notifications',
    'calendar_days',
    'appeals',
    'sheet_score_history',
    'peer_reviews',
    'sheet_entries',
    'sheet_files',
    'sheet_events',
    'appraisal_sheets',
    'cycles',
    'jobs',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
