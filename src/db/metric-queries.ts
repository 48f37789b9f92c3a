import { sql } from 'kysely'
import type { AttributionKind } from '../core/ingest/fact-kinds.ts'
import type { MeasureName } from '../core/metrics/catalogue.ts'
import type { Db } from './database.ts'

// SQL for each named measure of the metric catalogue, grouped by employee, team, shop or company
// over a period; live rows only (not replaced, not undone). Each group lists the imports it came from.

export type MetricGrouping = 'employee' | 'team' | 'shop' | 'company'

export type MeasureRow = { group: string; value: string | null; imports: number[] }

export type MeasureRange = { start: string; end: string; previousStart: string; previousEnd: string }

type MeasureSql = {
  table: string
  value: string
  where?: string
  /** Day expression placing a row in the period (default f.day). */
  day?: string
  /** Use the previous period's range instead. */
  previous?: boolean
  /** Two-level aggregation: rows grouped by (group, key) with `inner`, then `outer` over those. */
  perKey?: { key: string; inner: string; outer: string }
  special?: 'followers'
}

const person: Record<string, { column: string; kind: AttributionKind } | undefined> = {
  fact_orders: { column: 'agent_nick', kind: 'agent_nick' },
  fact_order_lines: { column: 'agent_nick', kind: 'agent_nick' },
  fact_cs_performance: { column: 'agent_nick', kind: 'agent_nick' },
  fact_reviews: { column: 'agent_nick', kind: 'agent_nick' },
  fact_refunds: { column: 'agent_nick', kind: 'agent_nick' },
  fact_shipments: { column: 'packer', kind: 'employee_no' },
  fact_media_accounts: { column: 'account', kind: 'account' },
  fact_short_videos: { column: 'account', kind: 'account' },
  fact_live_sessions: { column: 'host', kind: 'host' },
  fact_attendance: { column: 'employee_ref', kind: 'employee_no' },
}

const withShop = new Set([
  'fact_orders',
  'fact_order_lines',
  'fact_traffic',
  'fact_cs_performance',
  'fact_reviews',
  'fact_dsr',
  'fact_shipments',
  'fact_refunds',
  'fact_ad_spend',
  'fact_live_sessions',
])

const ORDER = `f.order_status = 'order'`
const SHOP_LEVEL = `f.product_id = ''`
const afterSalesKind = `case when f.kind ~* '换货|exchange' then 'exchange' when f.kind ~* '退货|return' then 'return' else 'refund' end`
const ratingClass = (col: string) =>
  `case when ${col} ~* '^(好评|positive|good|好)$' then 'positive' when ${col} ~* '^(中评|neutral|中)$' then 'neutral' when ${col} ~* '^(差评|negative|bad|差)$' then 'negative' end`
const orderKey = `coalesce(nullif(f.order_no, ''), f.refund_no)`
const replyRate = `coalesce(f.replied_sessions::numeric / nullif(f.consult_sessions, 0), f.reply_rate)`
const satisfaction = `coalesce(f.satisfied_reviews::numeric / nullif(f.reviews_received, 0), f.satisfaction_rate)`

const cs = (value: string): MeasureSql => ({ table: 'fact_cs_performance', value })
const sum = (table: string, column: string, where?: string): MeasureSql => ({
  table,
  value: `sum(f.${column})`,
  where,
})

export const measureSql: Record<MeasureName, MeasureSql | undefined> = {
  gmv: { table: 'fact_orders', value: 'sum(f.amount)', where: ORDER },
  previous_gmv: { table: 'fact_orders', value: 'sum(f.amount)', where: ORDER, previous: true },
  order_count: { table: 'fact_orders', value: 'count(*)', where: ORDER },
  placed_orders: {
    table: 'fact_orders',
    value: 'count(*)',
    where: `f.order_status in ('order', 'cancellation')`,
  },
  cancelled_orders: { table: 'fact_orders', value: 'count(*)', where: `f.order_status = 'cancellation'` },
  buyers: { table: 'fact_orders', value: `count(distinct nullif(f.customer_id, ''))`, where: ORDER },
  previous_buyers: {
    table: 'fact_orders',
    value: `count(distinct nullif(f.customer_id, ''))`,
    where: ORDER,
    previous: true,
  },
  retained_customers: {
    table: 'fact_orders',
    value: `count(distinct nullif(f.customer_id, ''))`,
    where: `${ORDER} and f.customer_id in (select o.customer_id from fact_orders o where o.company_id = $1
              and o.superseded_by is null and o.order_status = 'order' and o.day >= $4::date and o.day < $5::date)`,
  },
  repeat_buyers: {
    table: 'fact_orders',
    value: '',
    where: `${ORDER} and coalesce(f.customer_id, '') <> ''`,
    perKey: { key: 'f.customer_id', inner: 'count(*) as n', outer: 'count(*) filter (where k.n >= 2)' },
  },
  new_customers: {
    table: 'fact_orders',
    value: '',
    where: `${ORDER} and coalesce(f.customer_id, '') <> ''`,
    perKey: {
      key: 'f.customer_id',
      inner: `min(f.day) as first_in_period`,
      outer: `count(*) filter (where not exists (select 1 from fact_orders o where o.company_id = $1 and o.superseded_by is null
                 and o.order_status = 'order' and o.customer_id = k.key and o.day < $2::date))`,
    },
  },
  costed_sales: {
    table: 'fact_order_lines',
    value: 'sum(f.amount)',
    where: 'not f.is_cancellation and f.unit_cost is not null and f.quantity > 0',
  },
  costed_margin: {
    table: 'fact_order_lines',
    value: 'sum(f.amount - f.quantity * f.unit_cost)',
    where: 'not f.is_cancellation and f.unit_cost is not null and f.quantity > 0',
  },
  uv: sum('fact_traffic', 'uv', SHOP_LEVEL),
  uv_days: {
    table: 'fact_traffic',
    value: 'count(distinct f.day) filter (where f.uv is not null)',
    where: SHOP_LEVEL,
  },
  pv: sum('fact_traffic', 'pv', SHOP_LEVEL),
  visits: sum('fact_traffic', 'visits', SHOP_LEVEL),
  stay_weighted: {
    table: 'fact_traffic',
    value: 'sum(f.stay_seconds * f.uv)',
    where: `${SHOP_LEVEL} and f.stay_seconds is not null`,
  },
  stay_weight: {
    table: 'fact_traffic',
    value: 'sum(f.uv)',
    where: `${SHOP_LEVEL} and f.stay_seconds is not null`,
  },
  bounce_weighted: {
    table: 'fact_traffic',
    value: 'sum(f.bounce_rate * f.uv)',
    where: `${SHOP_LEVEL} and f.bounce_rate is not null`,
  },
  bounce_weight: {
    table: 'fact_traffic',
    value: 'sum(f.uv)',
    where: `${SHOP_LEVEL} and f.bounce_rate is not null`,
  },
  shop_paid_amount: sum('fact_traffic', 'paid_amount', SHOP_LEVEL),
  shop_paid_buyers: sum('fact_traffic', 'paid_buyers', `${SHOP_LEVEL} and f.uv is not null`),
  shop_paid_buyers_uv: {
    table: 'fact_traffic',
    value: 'sum(f.uv)',
    where: `${SHOP_LEVEL} and f.paid_buyers is not null`,
  },
  ad_spend: sum('fact_ad_spend', 'spend'),
  ad_gmv: sum('fact_ad_spend', 'gmv'),
  ad_orders: sum('fact_ad_spend', 'orders'),
  ad_clicks: sum('fact_ad_spend', 'clicks'),
  ad_clicks_with_uv: sum('fact_ad_spend', 'clicks', 'f.uv is not null'),
  ad_uv: sum('fact_ad_spend', 'uv'),
  ad_promotion_uv: { table: 'fact_ad_spend', value: 'sum(coalesce(f.uv, f.clicks))' },
  ad_impressions: sum('fact_ad_spend', 'impressions'),
  refund_orders: {
    table: 'fact_refunds',
    value: `count(distinct ${orderKey})`,
    where: `${afterSalesKind} = 'refund'`,
  },
  return_orders: {
    table: 'fact_refunds',
    value: `count(distinct ${orderKey})`,
    where: `${afterSalesKind} = 'return'`,
  },
  exchange_orders: {
    table: 'fact_refunds',
    value: `count(distinct ${orderKey})`,
    where: `${afterSalesKind} = 'exchange'`,
  },
  refund_amount: sum('fact_refunds', 'amount'),
  after_sales_requests: { table: 'fact_refunds', value: 'count(*)' },
  after_sales_on_time: {
    table: 'fact_refunds',
    value: `count(*) filter (where f.completed_at is not null and f.completed_at <= f.applied_at + interval '48 hours')`,
  },
  shipments: { table: 'fact_shipments', value: 'count(*)' },
  shipments_on_time: {
    table: 'fact_shipments',
    value: 'count(*) filter (where f.shipped_at is not null and f.shipped_at <= f.promised_at)',
  },
  shipments_accurate: {
    table: 'fact_shipments',
    value: 'count(*) filter (where not coalesce(f.is_wrong, false) and not coalesce(f.is_missing, false))',
  },
  logistics_cost: sum('fact_shipments', 'logistics_cost'),
  cs_inquiries: cs('sum(f.inquiries)'),
  cs_final_paid_buyers: cs('sum(f.final_paid_buyers)'),
  cs_final_paid_amount: cs('sum(f.final_paid_amount)'),
  mean_cs_final_paid_amount: undefined,
  cs_first_response_sum: cs('sum(f.first_response_seconds)'),
  cs_first_response_rows: cs('count(f.first_response_seconds)'),
  cs_avg_response_sum: cs('sum(f.avg_response_seconds)'),
  cs_avg_response_rows: cs('count(f.avg_response_seconds)'),
  cs_reply_rate_sum: cs(`sum(${replyRate})`),
  cs_reply_rate_rows: cs(`count(${replyRate})`),
  cs_satisfaction_sum: cs(`sum(${satisfaction})`),
  cs_satisfaction_rows: cs(`count(${satisfaction})`),
  cs_receptions: cs('sum(f.receptions)'),
  cs_complaints: cs('sum(f.complaints)'),
  cs_complaints_handled: cs('sum(f.complaints_handled)'),
  reviews: { table: 'fact_reviews', value: 'count(*)' },
  positive_reviews: {
    table: 'fact_reviews',
    value: `count(*) filter (where ${ratingClass(`coalesce(nullif(f.revised_rating, ''), f.rating)`)} = 'positive')`,
  },
  revised_reviews: {
    table: 'fact_reviews',
    value: `count(*)`,
    where: `${ratingClass('f.rating')} in ('neutral', 'negative') and ${ratingClass('f.revised_rating')} = 'positive'`,
    day: 'coalesce(f.revised_at, f.day)',
  },
  dsr_description_sum: sum('fact_dsr', 'description_score'),
  dsr_days: { table: 'fact_dsr', value: 'count(f.description_score)' },
  followers_new: sum('fact_media_accounts', 'followers_new'),
  followers_lost: sum('fact_media_accounts', 'followers_lost'),
  followers_start: { table: 'fact_media_accounts', value: 'start_count', special: 'followers' },
  followers_end: { table: 'fact_media_accounts', value: 'start_count + net', special: 'followers' },
  media_shares: sum('fact_media_accounts', 'shares'),
  media_interactions: sum('fact_media_accounts', 'interactions', 'f.reads is not null'),
  media_reads: sum('fact_media_accounts', 'reads', 'f.interactions is not null'),
  media_reads_all: sum('fact_media_accounts', 'reads'),
  media_reads_reached: sum('fact_media_accounts', 'reads', 'f.reach is not null'),
  media_reach: sum('fact_media_accounts', 'reach', 'f.reads is not null'),
  videos: { table: 'fact_short_videos', value: 'count(*)' },
  video_plays: sum('fact_short_videos', 'plays'),
  video_engagements: {
    table: 'fact_short_videos',
    value: 'sum(coalesce(f.likes, 0) + coalesce(f.comments, 0))',
  },
  live_sessions: { table: 'fact_live_sessions', value: 'count(*)' },
  live_gmv: sum('fact_live_sessions', 'gmv'),
  live_viewers: sum('fact_live_sessions', 'viewers'),
  live_duration_hours: { table: 'fact_live_sessions', value: 'sum(f.duration_seconds) / 3600.0' },
  live_interactions: {
    table: 'fact_live_sessions',
    value: 'sum(coalesce(f.likes, 0) + coalesce(f.comments, 0) + coalesce(f.buyers, 0))',
  },
  live_interacting_users: sum('fact_live_sessions', 'interactions'),
  attendance_scheduled: sum('fact_attendance', 'scheduled_minutes'),
  attendance_worked: sum('fact_attendance', 'worked_minutes'),
  attendance_late_times: { table: 'fact_attendance', value: 'count(*) filter (where f.late_minutes > 0)' },
  attendance_late_minutes: sum('fact_attendance', 'late_minutes'),
  attendance_early_leave_times: {
    table: 'fact_attendance',
    value: 'count(*) filter (where f.early_leave_minutes > 0)',
  },
  attendance_incidents: {
    table: 'fact_attendance',
    value:
      'count(*) filter (where f.late_minutes > 0) + count(*) filter (where f.early_leave_minutes > 0) + count(*) filter (where f.is_absent)',
  },
  attendance_absent_days: { table: 'fact_attendance', value: 'count(*) filter (where f.is_absent)' },
  attendance_leave_days: sum('fact_attendance', 'leave_days'),
  attendance_overtime_hours: { table: 'fact_attendance', value: 'sum(f.overtime_minutes) / 60.0' },
  period_days: undefined,
}

function grouping(table: string, by: MetricGrouping): { joins: string; group: string } {
  const p = person[table]
  let joins = ''
  let employeeId = 'null::int'
  if (p) {
    joins += ` left join attributions a on a.company_id = f.company_id and a.source_kind = '${p.kind}' and a.source_name = f.${p.column}`
    employeeId = 'a.employee_id'
    if (p.kind === 'employee_no') {
      joins += ` left join employees e2 on e2.company_id = f.company_id and e2.employee_no = f.${p.column}`
      employeeId = 'coalesce(a.employee_id, e2.id)'
    }
  }
  switch (by) {
    case 'company':
      return { joins, group: `'company'` }
    case 'shop':
      return {
        joins,
        group: withShop.has(table)
          ? `coalesce(nullif(f.shop, ''), ${p ? 'a.shop' : 'null'}, '')`
          : p
            ? `coalesce(a.shop, '')`
            : `''`,
      }
    case 'employee':
      return { joins, group: `(${employeeId})::text` }
    case 'team':
      return {
        joins: `${joins} left join employees emp on emp.id = ${employeeId}`,
        group: `(coalesce(${p ? 'a.department_id' : 'null::int'}, emp.department_id))::text`,
      }
  }
}

/** Customer-service rollups to shops use agent rows when the period has any, else the shop-level rows. */
function csRollupFilter(table: string, by: MetricGrouping): string | undefined {
  if (table !== 'fact_cs_performance' || by === 'employee' || by === 'team') return undefined
  return `(f.agent_nick <> '') = exists (select 1 from fact_cs_performance z where z.company_id = $1 and z.superseded_by is null
            and z.day >= $2::date and z.day < $3::date and z.agent_nick <> '')`
}

/**
 * The SQL of one measure for a company and period, one row per group (`g`, `value`, and with
 * `provenance` the `imports` the group's rows came from). Without provenance it is the bare aggregate,
 * which bench/metrics.bench.ts uses as the baseline.
 */
export function measureQueryText(
  companyId: number,
  measure: MeasureName,
  by: MetricGrouping,
  range: MeasureRange,
  options: { provenance: boolean } = { provenance: true },
): string {
  const def = measureSql[measure]
  if (!def) throw new Error(`measure ${measure} has no SQL (computed by the service)`)
  const { joins, group } = grouping(def.table, by)
  const day = def.day ?? 'f.day'
  const [from, to] = def.previous ? ['$4::date', '$5::date'] : ['$2::date', '$3::date']
  const filters = [
    'f.company_id = $1',
    'f.superseded_by is null',
    def.special === 'followers' ? `${day} < ${to}` : `${day} >= ${from} and ${day} < ${to}`,
    def.where,
    csRollupFilter(def.table, by),
  ].filter(Boolean)
  const base = `select ${group} as g, f.* from ${def.table} f ${joins} where ${filters.join(' and ')}`
  const p = options.provenance
  let text: string
  if (def.perKey) {
    const key = def.perKey.key.replace('f.', 'x.')
    const inner = def.perKey.inner.replace(/f\./g, 'x.')
    text = p
      ? // One pass groups by (group, key) for the value and by (group, import) for the sources.
        `with x as (${base}),
        k0 as (select x.g, ${key} as key, grouping(x.import_id) as part, x.import_id, ${inner}
                 from x group by grouping sets ((x.g, ${key}), (x.g, x.import_id)))
        select v.g, v.value, i.imports
          from (select k.g, ${def.perKey.outer} as value from k0 k where k.part = 1 group by k.g) v
          left join (select g, array_agg(import_id) as imports from k0 where part = 0 group by g) i on i.g = v.g`
      : `with x as (${base}),
        k as (select x.g, ${key} as key, ${inner} from x group by x.g, ${key})
        select k.g, ${def.perKey.outer} as value from k group by k.g`
  } else if (def.special === 'followers') {
    text = `with r as (${base}),
      anchor as (select g, platform, account,
                        max(day) filter (where followers_total is not null and day < $2::date) as aday
                   from r group by g, platform, account),
      acc as (
        select r.g, r.platform, r.account,
               coalesce(max(r.followers_total) filter (where r.day = a.aday), 0)
                 + coalesce(sum(coalesce(r.followers_new, 0) - coalesce(r.followers_lost, 0))
                     filter (where r.day < $2::date and (a.aday is null or r.day > a.aday)), 0) as start_count,
               coalesce(sum(coalesce(r.followers_new, 0) - coalesce(r.followers_lost, 0)) filter (where r.day >= $2::date), 0) as net
               ${p ? ', array_agg(distinct r.import_id) as imports' : ''}
          from r join anchor a on a.g is not distinct from r.g and a.platform = r.platform and a.account = r.account
         group by r.g, r.platform, r.account)
      select g, sum(${def.value}) as value
             ${p ? ', (select array_agg(distinct i) from acc a2, unnest(a2.imports) i where a2.g is not distinct from acc.g) as imports' : ''}
        from acc group by g`
  } else if (p) {
    // The import ids come from a second grouping set (group, import) of the same pass: hashed, with no
    // sort of the fact rows that array_agg(distinct import_id) would need. Rows with part = 1 carry the value.
    text = `select x.g, grouping(x.import_id) as part, x.import_id, ${def.value.replace(/f\./g, 'x.')} as value
              from (${base}) x group by grouping sets ((x.g), (x.g, x.import_id))`
  } else {
    text = `select x.g, ${def.value.replace(/f\./g, 'x.')} as value from (${base}) x group by x.g`
  }
  return bind(text, [companyId, range.start, range.end, range.previousStart, range.previousEnd])
}

/** Runs one measure for a company and period; one row per group. */
export async function queryMeasure(
  db: Db,
  companyId: number,
  measure: MeasureName,
  by: MetricGrouping,
  range: MeasureRange,
): Promise<MeasureRow[]> {
  type Row = {
    g: string | null
    value: string | number | null
    imports?: number[] | null
    part?: number
    import_id?: number | null
  }
  const result = await sql.raw<Row>(measureQueryText(companyId, measure, by, range)).execute(db)
  const groups = new Map<string, MeasureRow>()
  const entry = (g: string) => {
    let row = groups.get(g)
    if (!row) {
      row = { group: g, value: null, imports: [] }
      groups.set(g, row)
    }
    return row
  }
  for (const r of result.rows) {
    if (r.g === null) continue
    const row = entry(String(r.g))
    if (r.part === undefined || Number(r.part) === 1) {
      row.value = r.value === null ? null : String(r.value)
      if (r.imports) row.imports = r.imports.map(Number)
    } else if (r.import_id !== null && r.import_id !== undefined) row.imports.push(Number(r.import_id))
  }
  for (const row of groups.values()) row.imports.sort((a, b) => a - b)
  return [...groups.values()]
}

/** Inlines the positional parameters (integers and ISO dates only, checked) so one text serves both engines. */
function bind(text: string, params: (string | number)[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1]
    if (typeof v === 'number' && Number.isInteger(v)) return String(v)
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return `'${v}'`
    throw new Error(`unsafe metric parameter $${n}`)
  })
}

/** Display names for employee and team group keys. */
export async function groupLabels(
  db: Db,
  companyId: number,
  by: MetricGrouping,
  keys: string[],
): Promise<Map<string, string>> {
  const ids = keys.map(Number).filter((n) => Number.isInteger(n))
  const labels = new Map<string, string>()
  if (ids.length === 0) return labels
  if (by === 'employee') {
    const rows = await db
      .selectFrom('employees')
      .select(['id', 'name'])
      .where('company_id', '=', companyId)
      .where('id', 'in', ids)
      .execute()
    for (const r of rows) labels.set(String(r.id), r.name)
  } else if (by === 'team') {
    const rows = await db
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('company_id', '=', companyId)
      .where('id', 'in', ids)
      .execute()
    for (const r of rows) labels.set(String(r.id), r.name)
  }
  return labels
}
