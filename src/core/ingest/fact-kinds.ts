// The kinds of shop facts Jixiao imports, their columns and natural keys: one definition drives
// the migration, the staging/validation SQL, the presets and the metric catalogue.

/** How a cell is parsed and stored. `rate` is a fraction (12.34% → 0.1234); `seconds` a duration. */
export type FactColumnType = 'text' | 'int' | 'numeric' | 'rate' | 'seconds' | 'date' | 'timestamp' | 'bool'

export type FactColumn = {
  name: string
  type: FactColumnType
  required?: boolean
  /** Filled by SQL from other columns when the file has no such column (see fact-tables). */
  derived?: boolean
  /** Negative values are refused (except where the kind allows them, e.g. cancellations). */
  nonNegative?: boolean
  label: { zh: string; en: string }
}

export const factKindNames = [
  'orders',
  'traffic',
  'cs_performance',
  'reviews',
  'dsr',
  'shipments',
  'refunds',
  'ad_spend',
  'media_accounts',
  'short_videos',
  'live_sessions',
  'attendance',
] as const

export type FactKindName = (typeof factKindNames)[number]

/** Which attribution a fact row carries: customer-service nick, live host, media account, employee number. */
export type AttributionKind = 'agent_nick' | 'host' | 'account' | 'employee_no' | 'shop'

export type FactKind = {
  name: FactKindName
  table: string
  label: { zh: string; en: string }
  columns: FactColumn[]
  /** Unique within a company among live rows; a duplicate within one file is an error. */
  naturalKey: string[]
  /** The column (date or timestamp) that places a row in a period. */
  dateColumn: string
  /** The column naming who the fact is credited to, and its attribution kind. */
  person?: { column: string; kind: AttributionKind }
}

const c = (
  name: string,
  type: FactColumnType,
  zh: string,
  en: string,
  extra: Partial<FactColumn> = {},
): FactColumn => ({ name, type, label: { zh, en }, ...extra })

const shop = c('shop', 'text', '店铺', 'Shop')

export const factKinds: Record<FactKindName, FactKind> = {
  orders: {
    name: 'orders',
    table: 'fact_order_lines',
    label: { zh: '订单明细', en: 'Order lines' },
    columns: [
      c('order_no', 'text', '订单编号', 'Order number', { required: true }),
      c('line_no', 'int', '行号', 'Line number', { derived: true }),
      c('sku', 'text', '商品编码', 'SKU'),
      c('product_name', 'text', '商品名称', 'Product name'),
      c('quantity', 'int', '数量', 'Quantity', { required: true }),
      c('unit_price', 'numeric', '单价', 'Unit price'),
      c('unit_cost', 'numeric', '成本价', 'Unit cost', { nonNegative: true }),
      c('amount', 'numeric', '金额', 'Amount', { derived: true }),
      c('ordered_at', 'timestamp', '下单时间', 'Ordered at', { required: true }),
      c('customer_id', 'text', '买家', 'Customer'),
      shop,
      c('status', 'text', '订单状态', 'Status'),
      c('is_cancellation', 'bool', '是否取消', 'Cancellation', { derived: true }),
      c('agent_nick', 'text', '客服', 'Agent'),
    ],
    naturalKey: ['shop', 'order_no', 'line_no'],
    dateColumn: 'ordered_at',
    person: { column: 'agent_nick', kind: 'agent_nick' },
  },
  traffic: {
    name: 'traffic',
    table: 'fact_traffic',
    label: { zh: '店铺流量与经营', en: 'Shop traffic and sales' },
    columns: [
      c('date', 'date', '日期', 'Date', { required: true }),
      shop,
      c('product_id', 'text', '商品ID', 'Product ID'),
      c('product_name', 'text', '商品名称', 'Product name'),
      c('pv', 'int', '浏览量', 'Page views', { nonNegative: true }),
      c('visits', 'int', '访问次数', 'Visits', { nonNegative: true }),
      c('uv', 'int', '访客数', 'Unique visitors', { nonNegative: true }),
      c('stay_seconds', 'seconds', '平均停留时长', 'Average stay', { nonNegative: true }),
      c('bounce_rate', 'rate', '跳出率', 'Bounce rate', { nonNegative: true }),
      c('paid_buyers', 'int', '支付买家数', 'Paying buyers', { nonNegative: true }),
      c('paid_orders', 'int', '支付订单数', 'Paid orders', { nonNegative: true }),
      c('paid_amount', 'numeric', '支付金额', 'Paid amount'),
      c('net_amount', 'numeric', '净销售额', 'Net sales'),
      c('refund_amount', 'numeric', '退款金额', 'Refund amount'),
      c('ad_spend', 'numeric', '推广花费', 'Promotion spend'),
      c('profit', 'numeric', '利润', 'Profit'),
      c('conversion_rate', 'rate', '支付转化率', 'Conversion rate'),
      c('new_buyers', 'int', '新买家数', 'New buyers', { nonNegative: true }),
    ],
    naturalKey: ['shop', 'date', 'product_id'],
    dateColumn: 'date',
  },
  cs_performance: {
    name: 'cs_performance',
    table: 'fact_cs_performance',
    label: { zh: '客服绩效', en: 'Customer-service performance' },
    columns: [
      c('date', 'date', '日期', 'Date', { required: true }),
      shop,
      c('agent_nick', 'text', '旺旺昵称', 'Agent nick'),
      c('report', 'text', '报表', 'Report'),
      c('consultations', 'int', '咨询人数', 'Consulting buyers', { nonNegative: true }),
      c('receptions', 'int', '接待人数', 'Buyers received', { nonNegative: true }),
      c('inquiries', 'int', '询单人数', 'Inquiring buyers', { nonNegative: true }),
      c('same_day_paid_buyers', 'int', '当日付款人数', 'Paid same day', { nonNegative: true }),
      c('same_day_paid_amount', 'numeric', '当日付款金额', 'Paid amount same day'),
      c('final_paid_buyers', 'int', '询单最终付款人数', 'Final paying buyers', { nonNegative: true }),
      c('final_paid_amount', 'numeric', '询单最终付款金额', 'Final paid amount'),
      c('first_response_seconds', 'seconds', '首次响应时长', 'First response', { nonNegative: true }),
      c('avg_response_seconds', 'seconds', '平均响应时长', 'Average response', { nonNegative: true }),
      c('consult_sessions', 'int', '咨询客服人次', 'Consultations (times)', { nonNegative: true }),
      c('replied_sessions', 'int', '客服回复人次', 'Replies (times)', { nonNegative: true }),
      c('reply_rate', 'rate', '旺旺回复率', 'Reply rate', { nonNegative: true }),
      c('unreplied', 'int', '未回复人数', 'Unreplied buyers', { nonNegative: true }),
      c('slow_responses', 'int', '慢响应人数', 'Slow responses', { nonNegative: true }),
      c('satisfaction_rate', 'rate', '客户满意率', 'Satisfaction rate', { nonNegative: true }),
      c('satisfied_reviews', 'int', '满意评价数', 'Satisfied ratings', { nonNegative: true }),
      c('reviews_received', 'int', '评价收到数', 'Ratings received', { nonNegative: true }),
      c('sales_amount', 'numeric', '销售额', 'Sales amount'),
      c('sales_quantity', 'int', '销售量', 'Sales quantity'),
      c('sales_buyers', 'int', '销售人数', 'Sales buyers', { nonNegative: true }),
      c('refund_amount', 'numeric', '成功退款金额', 'Refunded amount'),
      c('complaints', 'int', '投诉数', 'Complaints', { nonNegative: true }),
      c('complaints_handled', 'int', '已处理投诉数', 'Complaints handled', { nonNegative: true }),
    ],
    naturalKey: ['shop', 'date', 'agent_nick', 'report'],
    dateColumn: 'date',
    person: { column: 'agent_nick', kind: 'agent_nick' },
  },
  reviews: {
    name: 'reviews',
    table: 'fact_reviews',
    label: { zh: '评价', en: 'Reviews' },
    columns: [
      c('review_id', 'text', '评价ID', 'Review ID', { required: true }),
      c('date', 'date', '评价日期', 'Review date', { required: true }),
      shop,
      c('order_no', 'text', '订单编号', 'Order number'),
      c('rating', 'text', '评价等级', 'Rating (positive/neutral/negative)', { required: true }),
      c('revised_rating', 'text', '修改后评价', 'Revised rating'),
      c('revised_at', 'date', '修改日期', 'Revised on'),
      c('agent_nick', 'text', '跟进客服', 'Credited agent'),
    ],
    naturalKey: ['shop', 'review_id'],
    dateColumn: 'date',
    person: { column: 'agent_nick', kind: 'agent_nick' },
  },
  dsr: {
    name: 'dsr',
    table: 'fact_dsr',
    label: { zh: '店铺DSR', en: 'Shop DSR scores' },
    columns: [
      c('date', 'date', '日期', 'Date', { required: true }),
      shop,
      c('description_score', 'numeric', '描述相符', 'Item as described', { nonNegative: true }),
      c('logistics_score', 'numeric', '物流服务', 'Logistics', { nonNegative: true }),
      c('service_score', 'numeric', '服务态度', 'Service attitude', { nonNegative: true }),
    ],
    naturalKey: ['shop', 'date'],
    dateColumn: 'date',
  },
  shipments: {
    name: 'shipments',
    table: 'fact_shipments',
    label: { zh: '发货', en: 'Shipments' },
    columns: [
      c('order_no', 'text', '订单编号', 'Order number', { required: true }),
      shop,
      c('paid_at', 'timestamp', '付款时间', 'Paid at'),
      c('promised_at', 'timestamp', '承诺发货时间', 'Promised ship time', { required: true }),
      c('shipped_at', 'timestamp', '实际发货时间', 'Shipped at'),
      c('carrier', 'text', '快递公司', 'Carrier'),
      c('is_wrong', 'bool', '错发', 'Wrong item'),
      c('is_missing', 'bool', '漏发', 'Missing item'),
      c('logistics_cost', 'numeric', '物流费用', 'Logistics cost', { nonNegative: true }),
      c('packer', 'text', '发货人', 'Packer'),
    ],
    naturalKey: ['shop', 'order_no'],
    dateColumn: 'promised_at',
    person: { column: 'packer', kind: 'employee_no' },
  },
  refunds: {
    name: 'refunds',
    table: 'fact_refunds',
    label: { zh: '退款/退货/换货', en: 'Refunds, returns, exchanges' },
    columns: [
      c('refund_no', 'text', '退款编号', 'Refund number', { required: true }),
      c('order_no', 'text', '订单编号', 'Order number'),
      shop,
      c('kind', 'text', '售后类型', 'After-sales type'),
      c('amount', 'numeric', '退款总额', 'Refund amount', { nonNegative: true }),
      c('paid_amount', 'numeric', '买家实际支付金额', 'Buyer paid'),
      c('status', 'text', '退款状态', 'Status'),
      c('goods_status', 'text', '货物状态', 'Goods status'),
      c('product_id', 'text', '商品id', 'Product ID'),
      c('product_name', 'text', '宝贝标题', 'Product'),
      c('paid_at', 'timestamp', '订单付款时间', 'Paid at'),
      c('applied_at', 'timestamp', '退款申请时间', 'Applied at', { required: true }),
      c('completed_at', 'timestamp', '退款完结时间', 'Completed at'),
      c('reason', 'text', '买家退款原因', 'Reason'),
      c('agent_nick', 'text', '处理客服', 'Agent'),
    ],
    naturalKey: ['shop', 'refund_no'],
    dateColumn: 'applied_at',
    person: { column: 'agent_nick', kind: 'agent_nick' },
  },
  ad_spend: {
    name: 'ad_spend',
    table: 'fact_ad_spend',
    label: { zh: '推广花费', en: 'Advertising spend' },
    columns: [
      c('date', 'date', '日期', 'Date', { required: true }),
      shop,
      c('channel', 'text', '推广渠道', 'Channel'),
      c('campaign_id', 'text', '主体ID', 'Campaign/item ID'),
      c('campaign_name', 'text', '主体名称', 'Campaign/item name'),
      c('impressions', 'int', '展现量', 'Impressions', { nonNegative: true }),
      c('clicks', 'int', '点击量', 'Clicks', { nonNegative: true }),
      c('spend', 'numeric', '花费', 'Spend', { nonNegative: true, required: true }),
      c('gmv', 'numeric', '总成交金额', 'Attributed sales', { nonNegative: true }),
      c('orders', 'int', '总成交笔数', 'Attributed orders', { nonNegative: true }),
      c('uv', 'int', '引入访客数', 'Visitors brought', { nonNegative: true }),
    ],
    naturalKey: ['shop', 'date', 'channel', 'campaign_id'],
    dateColumn: 'date',
  },
  media_accounts: {
    name: 'media_accounts',
    table: 'fact_media_accounts',
    label: { zh: '新媒体账号', en: 'New-media accounts' },
    columns: [
      c('date', 'date', '日期', 'Date', { required: true }),
      c('platform', 'text', '平台', 'Platform'),
      c('account', 'text', '账号', 'Account', { required: true }),
      c('followers_total', 'int', '累计关注人数', 'Followers (total)', { nonNegative: true }),
      c('followers_new', 'int', '新关注人数', 'New followers', { nonNegative: true }),
      c('followers_lost', 'int', '取消关注人数', 'Unfollows', { nonNegative: true }),
      c('posts', 'int', '发布数', 'Posts', { nonNegative: true }),
      c('reach', 'int', '触达人数', 'Users reached', { nonNegative: true }),
      c('reads', 'int', '阅读数', 'Reads', { nonNegative: true }),
      c('shares', 'int', '分享数', 'Shares', { nonNegative: true }),
      c('interactions', 'int', '互动数', 'Interactions', { nonNegative: true }),
    ],
    naturalKey: ['platform', 'account', 'date'],
    dateColumn: 'date',
    person: { column: 'account', kind: 'account' },
  },
  short_videos: {
    name: 'short_videos',
    table: 'fact_short_videos',
    label: { zh: '短视频', en: 'Short videos' },
    columns: [
      c('video_id', 'text', '视频ID', 'Video ID', { required: true }),
      c('date', 'date', '发布日期', 'Published on', { required: true }),
      c('platform', 'text', '平台', 'Platform'),
      c('account', 'text', '账号', 'Account'),
      c('title', 'text', '标题', 'Title'),
      c('exposures', 'int', '曝光量', 'Exposures', { nonNegative: true }),
      c('plays', 'int', '播放量', 'Plays', { nonNegative: true }),
      c('likes', 'int', '点赞数', 'Likes', { nonNegative: true }),
      c('comments', 'int', '评论数', 'Comments', { nonNegative: true }),
      c('shares', 'int', '分享数', 'Shares', { nonNegative: true }),
      c('new_followers', 'int', '新增粉丝数', 'New followers', { nonNegative: true }),
    ],
    naturalKey: ['platform', 'video_id'],
    dateColumn: 'date',
    person: { column: 'account', kind: 'account' },
  },
  live_sessions: {
    name: 'live_sessions',
    table: 'fact_live_sessions',
    label: { zh: '直播场次', en: 'Live sessions' },
    columns: [
      c('host', 'text', '主播昵称', 'Host', { required: true }),
      shop,
      c('started_at', 'timestamp', '直播开始时间', 'Started at', { required: true }),
      c('duration_seconds', 'seconds', '直播时长', 'Duration', { nonNegative: true }),
      c('exposures', 'int', '直播间曝光人数', 'Exposed users', { nonNegative: true }),
      c('viewers', 'int', '直播间观看人数', 'Viewers', { nonNegative: true }),
      c('views', 'int', '直播间观看次数', 'Views', { nonNegative: true }),
      c('peak_viewers', 'int', '人数峰值', 'Peak viewers', { nonNegative: true }),
      c('product_exposures', 'int', '直播间商品曝光人数', 'Product exposures', { nonNegative: true }),
      c('product_clicks', 'int', '直播间商品点击人数', 'Product clicks', { nonNegative: true }),
      c('buyers', 'int', '直播间成交人数', 'Buyers', { nonNegative: true }),
      c('gmv', 'numeric', '直播间用户支付金额', 'Sales', { nonNegative: true }),
      c('spend', 'numeric', '直播间消耗', 'Ad spend', { nonNegative: true }),
      c('new_followers', 'int', '直播间新增粉丝数', 'New followers', { nonNegative: true }),
      c('likes', 'int', '直播间点赞次数', 'Likes', { nonNegative: true }),
      c('comments', 'int', '直播间评论次数', 'Comments', { nonNegative: true }),
      c('interactions', 'int', '互动人数', 'Interacting users', { nonNegative: true }),
    ],
    naturalKey: ['host', 'started_at'],
    dateColumn: 'started_at',
    person: { column: 'host', kind: 'host' },
  },
  attendance: {
    name: 'attendance',
    table: 'fact_attendance',
    label: { zh: '考勤', en: 'Attendance' },
    columns: [
      c('employee_ref', 'text', '工号', 'Employee number', { required: true }),
      c('employee_name', 'text', '姓名', 'Name'),
      c('date', 'date', '日期', 'Date', { required: true }),
      c('scheduled_minutes', 'int', '应出勤分钟', 'Scheduled minutes', { nonNegative: true }),
      c('worked_minutes', 'int', '实际出勤分钟', 'Worked minutes', { nonNegative: true }),
      c('late_minutes', 'int', '迟到分钟', 'Late minutes', { nonNegative: true }),
      c('early_leave_minutes', 'int', '早退分钟', 'Early-leave minutes', { nonNegative: true }),
      c('is_absent', 'bool', '旷工', 'Absent'),
      c('leave_days', 'numeric', '请假天数', 'Leave days', { nonNegative: true }),
      c('overtime_minutes', 'int', '加班分钟', 'Overtime minutes', { nonNegative: true }),
    ],
    naturalKey: ['employee_ref', 'date'],
    dateColumn: 'date',
    person: { column: 'employee_ref', kind: 'employee_no' },
  },
}

/** The fact kind by name, or undefined. */
export function findFactKind(name: string): FactKind | undefined {
  return (factKinds as Record<string, FactKind>)[name]
}
