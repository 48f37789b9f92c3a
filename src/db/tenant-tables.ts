// The tenant tables: every table whose rows belong to one company (a `company_id` column). The one list that
// company export, import and delete walk, so a new table cannot be forgotten: tenant-tables.test.ts fails when a
// table with `company_id` is missing here, or when the order breaks a foreign key.

/**
 * Parents before children: a table comes after every table its foreign keys point to (import inserts in this
 * order, delete counts in the reverse order). `companies` itself is not listed: it is the tenant.
 */
export const tenantTables = [
  'departments',
  'positions',
  'employees',
  'users',
  'account_tokens',
  'sessions',
  'identity_providers',
  'external_identities',
  'directory_sync_runs',
  'idempotency_keys',
  'audit_log',
  'templates',
  'template_versions',
  'position_templates',
  'jobs',
  'imports',
  'import_mappings',
  'attributions',
  'fact_order_lines',
  'fact_orders',
  'fact_traffic',
  'fact_cs_performance',
  'fact_reviews',
  'fact_dsr',
  'fact_shipments',
  'fact_refunds',
  'fact_ad_spend',
  'fact_media_accounts',
  'fact_short_videos',
  'fact_live_sessions',
  'fact_attendance',
  'cycles',
  'appraisal_sheets',
  'sheet_events',
  'sheet_files',
  'sheet_entries',
  'sheet_score_history',
  'peer_reviews',
  'appeals',
  'notifications',
  'notification_outbox',
  'notification_webhooks',
  'calendar_days',
  'shifts',
  'service_hours',
  'rota_patterns',
  'rota_exceptions',
  'clock_records',
  'attendance_rules',
  'sample_draws',
  'sample_scores',
  'pay_assignments',
  'pay_input_values',
  'pay_items',
  'pay_sheets',
  'bonus_pools',
  'improvement_plans',
  'consequence_settings',
] as const

export type TenantTable = (typeof tenantTables)[number]

/**
 * Columns pointing at a row of the same table (a department's parent, a manager). Import inserts these as empty
 * and fills them once every row of the table is in, so rows need no order among themselves.
 */
export const selfReferences: Partial<Record<TenantTable, readonly string[]>> = {
  departments: ['parent_id'],
  positions: ['superior_position_id'],
  employees: ['manager_id'],
}
