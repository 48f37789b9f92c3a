// Every catalogue metric the built-in templates read (DataSource.metric and derived targets), with its zh-CN
// label, unit and the seed definition, so the metric catalogue can implement exactly these keys.
// Rates are fractions (12.34% → 0.1234), as in core/ingest; amounts are yuan; durations seconds or hours.
import type { FactKindName } from '../ingest/fact-kinds.ts'
import type { Direction } from '../templates/template.ts'

export type MetricUnit = 'count' | 'yuan' | 'rate' | 'ratio' | 'seconds' | 'hours'

export type LibraryMetricKey = {
  label: string
  unit: MetricUnit
  direction: Direction
  /** The formula the seeds give or imply (seed-digest §7). */
  definition: string
  /** Fact kinds the figure is computed from. */
  facts: FactKindName[]
}

export const libraryMetricKeys = {
  gmv: {
    label: '销售额（成交额GMV）',
    unit: 'yuan',
    direction: 'higher_better',
    definition: '期间内已付款订单金额之和',
    facts: ['orders'],
  },
  gmv_growth_rate: {
    label: '月度销售额增长率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '(本期销售额 − 上期销售额) / 上期销售额',
    facts: ['orders'],
  },
  orders: {
    label: '订单量',
    unit: 'count',
    direction: 'higher_better',
    definition: '订单数',
    facts: ['orders'],
  },
  buyers: {
    label: '成交人数',
    unit: 'count',
    direction: 'higher_better',
    definition: '实际购买的去重买家数',
    facts: ['orders'],
  },
  aov: {
    label: '客单价',
    unit: 'yuan',
    direction: 'higher_better',
    definition: '销售额 / 订单数（002 T17c、T19）；003 篇4 写作"每独立访客的平均成交额"，口径可配置',
    facts: ['orders'],
  },
  new_customers: {
    label: '新客户数',
    unit: 'count',
    direction: 'higher_better',
    definition: '期间内首次购买的买家数（客户注册数据和购买记录）',
    facts: ['orders'],
  },
  customer_retention_rate: {
    label: '客户留存率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '保留的客户数 / 总客户数',
    facts: ['orders'],
  },
  repeat_purchase_rate: {
    label: '复购率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '期间内购买两次及以上的买家 / 买家',
    facts: ['orders'],
  },
  gross_margin: {
    label: '毛利率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '(销售额 − 成本) / 销售额',
    facts: ['orders'],
  },
  inventory_turnover: {
    label: '库存周转率',
    unit: 'ratio',
    direction: 'higher_better',
    definition: '销售成本 / 平均库存（种子未给出公式）',
    facts: ['orders'],
  },
  uv: {
    label: '独立访客数（UV）',
    unit: 'count',
    direction: 'higher_better',
    definition: '去重访客数',
    facts: ['traffic'],
  },
  uv_daily_average: {
    label: '日均独立访客数',
    unit: 'count',
    direction: 'higher_better',
    definition: '期间内每日UV的平均值（T12/T13 网站独立访客，T15 平台M端UV）',
    facts: ['traffic'],
  },
  pv: {
    label: '页面浏览量（PV）',
    unit: 'count',
    direction: 'higher_better',
    definition: '页面被浏览的总次数',
    facts: ['traffic'],
  },
  visits: {
    label: '网站访问量（访问次数）',
    unit: 'count',
    direction: 'higher_better',
    definition: '访问次数（会话数）',
    facts: ['traffic'],
  },
  pv_per_uv: {
    label: '人均访问页面量（PV/UV）',
    unit: 'ratio',
    direction: 'higher_better',
    definition: 'PV / UV',
    facts: ['traffic'],
  },
  avg_time_on_page_seconds: {
    label: '平均停留时长',
    unit: 'seconds',
    direction: 'higher_better',
    definition: '停留时长之和 / 访问次数',
    facts: ['traffic'],
  },
  bounce_rate: {
    label: '跳出率',
    unit: 'rate',
    direction: 'lower_better',
    definition: '只访问一个页面就离开的UV / UV',
    facts: ['traffic'],
  },
  conversion_rate: {
    label: '转化率（订单转换率）',
    unit: 'rate',
    direction: 'higher_better',
    definition: '成交人数 / UV',
    facts: ['orders', 'traffic'],
  },
  promotion_uv: {
    label: '推广引入访客数',
    unit: 'count',
    direction: 'higher_better',
    definition: '来源为推广渠道的UV（流量引入量、推广人员UV量）',
    facts: ['traffic', 'ad_spend'],
  },
  reach_rate: {
    label: '到达率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '落地页访问数 / 广告点击数',
    facts: ['ad_spend', 'traffic'],
  },
  impressions: {
    label: '曝光量',
    unit: 'count',
    direction: 'higher_better',
    definition: '广告与内容的展现次数',
    facts: ['ad_spend', 'media_accounts'],
  },
  cost_per_uv: {
    label: 'UV平均获取成本',
    unit: 'yuan',
    direction: 'lower_better',
    definition: '推广花费 / 推广引入UV',
    facts: ['ad_spend', 'traffic'],
  },
  cost_per_order: {
    label: '每订单推广成本（订单转换ROI）',
    unit: 'yuan',
    direction: 'lower_better',
    definition: '推广花费 / 推广带来的订单数（003 篇4 以"每订单成本"定义订单转换ROI）',
    facts: ['ad_spend', 'orders'],
  },
  roi: {
    label: '广告投放回报率（ROI）',
    unit: 'ratio',
    direction: 'higher_better',
    definition: '广告带来的销售额 / 广告投入',
    facts: ['ad_spend'],
  },
  click_through_rate: {
    label: '点击率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '广告点击数 / 展现次数',
    facts: ['ad_spend'],
  },
  share_rate: {
    label: '传播率（分享率）',
    unit: 'rate',
    direction: 'higher_better',
    definition: '内容被分享的次数 / 阅读次数',
    facts: ['media_accounts'],
  },
  read_rate: {
    label: '阅读率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '阅读（点击、播放）人数 / 触达人数',
    facts: ['media_accounts'],
  },
  follower_churn_rate: {
    label: '粉丝流失率',
    unit: 'rate',
    direction: 'lower_better',
    definition: '取消关注人数 / 期初关注人数',
    facts: ['media_accounts'],
  },
  social_shares: {
    label: '社交媒体分享次数',
    unit: 'count',
    direction: 'higher_better',
    definition: '社交平台上内容被分享的次数',
    facts: ['media_accounts'],
  },
  return_rate: {
    label: '退货率',
    unit: 'rate',
    direction: 'lower_better',
    definition: '退货订单数 / 总订单数',
    facts: ['refunds', 'orders'],
  },
  exchange_rate: {
    label: '换货率',
    unit: 'rate',
    direction: 'lower_better',
    definition: '换货订单数 / 总订单数',
    facts: ['refunds', 'orders'],
  },
  refund_rate: {
    label: '退款率',
    unit: 'rate',
    direction: 'lower_better',
    definition: '退款订单数 / 总订单数',
    facts: ['refunds', 'orders'],
  },
  return_handling_on_time_rate: {
    label: '退换货处理及时率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '按时处理的退换货申请 / 退换货申请数',
    facts: ['refunds'],
  },
  on_time_ship_rate: {
    label: '发货及时率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '按时发货的订单 / 发货订单',
    facts: ['shipments'],
  },
  ship_accuracy_rate: {
    label: '配送准确率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '无错发、漏发的订单 / 发货订单',
    facts: ['shipments'],
  },
  logistics_cost_per_order: {
    label: '每单物流成本',
    unit: 'yuan',
    direction: 'lower_better',
    definition: '物流费用 / 发货订单数',
    facts: ['shipments'],
  },
  first_response_seconds: {
    label: '首次响应时间',
    unit: 'seconds',
    direction: 'lower_better',
    definition: '客户咨询后客服首次响应的平均秒数',
    facts: ['cs_performance'],
  },
  avg_response_seconds: {
    label: '平均响应时间',
    unit: 'seconds',
    direction: 'lower_better',
    definition: '客服每次回复的平均响应秒数',
    facts: ['cs_performance'],
  },
  inquiry_conversion_rate: {
    label: '咨询转换率（询单转化率）',
    unit: 'rate',
    direction: 'higher_better',
    definition: '成功付款UV数 / 接待总UV数',
    facts: ['cs_performance'],
  },
  cs_sales_vs_average: {
    label: '成交额转换率',
    unit: 'ratio',
    direction: 'higher_better',
    definition: '个人成交金额 / 客服平均成交金额',
    facts: ['cs_performance'],
  },
  satisfaction_rate: {
    label: '客户满意度',
    unit: 'rate',
    direction: 'higher_better',
    definition: '满意评价数 / 评价总数（客户评价、问卷调查）',
    facts: ['cs_performance', 'reviews'],
  },
  positive_review_rate: {
    label: '好评率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '好评数 / 总评价数',
    facts: ['reviews'],
  },
  complaint_rate: {
    label: '投诉率',
    unit: 'rate',
    direction: 'lower_better',
    definition: '投诉的客户数 / 接待客户数',
    facts: ['cs_performance'],
  },
  complaint_handling_rate: {
    label: '投诉处理率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '已处理投诉 / 收到的投诉',
    facts: ['cs_performance'],
  },
  followers_net_growth: {
    label: '粉丝净增长',
    unit: 'count',
    direction: 'higher_better',
    definition: '新关注人数 − 取消关注人数',
    facts: ['media_accounts'],
  },
  interaction_rate: {
    label: '互动率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '互动数（评论、点赞、分享） / 阅读数（T18b、T19 粉丝互动率）',
    facts: ['media_accounts'],
  },
  video_posts: {
    label: '视频发布数（制作数量）',
    unit: 'count',
    direction: 'higher_better',
    definition: '期间内发布的短视频条数',
    facts: ['short_videos'],
  },
  video_posts_daily_average: {
    label: '日均发布视频数量',
    unit: 'ratio',
    direction: 'higher_better',
    definition: '发布的短视频条数 / 期间天数',
    facts: ['short_videos'],
  },
  video_plays: {
    label: '视频播放（曝光）量',
    unit: 'count',
    direction: 'higher_better',
    definition: '短视频播放次数之和',
    facts: ['short_videos'],
  },
  video_engagements: {
    label: '视频点赞和评论量',
    unit: 'count',
    direction: 'higher_better',
    definition: '短视频点赞数 + 评论数',
    facts: ['short_videos'],
  },
  live_gmv: {
    label: '直播销售额',
    unit: 'yuan',
    direction: 'higher_better',
    definition: '归属直播场次的成交金额',
    facts: ['live_sessions'],
  },
  live_viewers: {
    label: '直播场均观看人数',
    unit: 'count',
    direction: 'higher_better',
    definition: 'Σ 观看人数 / 场次（T17a 每场观看人数、T17b 每场直播观看人数平均）',
    facts: ['live_sessions'],
  },
  live_viewers_total: {
    label: '累计直播观看人数',
    unit: 'count',
    direction: 'higher_better',
    definition: 'Σ 观看人数（T19 累计直播观看人数）',
    facts: ['live_sessions'],
  },
  live_interaction_rate: {
    label: '直播互动率',
    unit: 'rate',
    direction: 'higher_better',
    definition: '互动人数 / 观看人数（T17c，原文"观看人数与互动人数的比例"）',
    facts: ['live_sessions'],
  },
  live_duration_hours: {
    label: '直播时长',
    unit: 'hours',
    direction: 'higher_better',
    definition: '直播时长之和（小时）',
    facts: ['live_sessions'],
  },
  live_interactions: {
    label: '直播互动次数',
    unit: 'count',
    direction: 'higher_better',
    definition: '直播中评论、点赞、购买等互动次数（T17a "互动率"按次数定义）',
    facts: ['live_sessions'],
  },
  attendance_incidents: {
    label: '考勤异常次数（迟到、早退、旷工）',
    unit: 'count',
    direction: 'lower_better',
    definition: '迟到次数 + 早退次数 + 旷工天数；排班考勤发布后按考勤事实计算（T14 "考勤制度"）',
    facts: ['attendance'],
  },
} as const satisfies Record<string, LibraryMetricKey>

export type LibraryMetricKeyName = keyof typeof libraryMetricKeys

const displayUnits: Partial<Record<MetricUnit, string>> = {
  rate: '%',
  yuan: '元',
  seconds: '秒',
  hours: '小时',
}

/** The unit an indicator reading this metric shows (rates as %, amounts in 元); undefined for plain counts. */
export function metricDisplayUnit(key: string): string | undefined {
  const info = (libraryMetricKeys as Record<string, LibraryMetricKey>)[key]
  return info ? displayUnits[info.unit] : undefined
}
