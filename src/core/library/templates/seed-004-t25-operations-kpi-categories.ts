// 電商運營崗位職責與績效考核 (004_bf0d3beef0b50b5b.txt, seed-digest T25): six KPI categories, no weights.
import type { Template } from '../../templates/template.ts'
import {
  dimension,
  discretionary,
  hundredPointScoring,
  kci,
  measuredKpi,
  metric,
} from '../template-builders.ts'

function judged(key: string, name: string, definition: string, maxPoints: number) {
  return kci({
    key,
    name,
    definition: `${definition} 由上级酌情给分（0–${maxPoints}分）。`,
    maxPoints,
    rule: discretionary(maxPoints),
  })
}

export const seed004T25OperationsKpiCategories: Template = {
  code: 'seed-004-t25-operations-kpi-categories',
  name: '电商运营岗位绩效考核',
  description: '电商运营：流量、转化、运营效率、客户满意度、内容质量、市场响应六类指标，定量与定性相结合。',
  source: {
    seed: '电商运营岗位职责与绩效考核',
    table: 'T25 電商運營崗位職責與績效考核 · 四、績效考核體系的建立',
    notes: [
      '绩效考核应采用定量与定性相结合的方法，定性指标结合客户反馈、团队合作表现等评估；周期性进行绩效回顾，及时调整目标与措施。',
      `本表权重：流量15（访客数/UV 8、PV 7）、转化25（订单数8、转化率9、平均客单价8）、运营效率20（活动执行效率7、广告投放ROI 7、库存周转率6）、客户满意度20（售后评分7、客户投诉率7、复购率6）、内容质量10（各5）、市场响应10（各5）；可量化的按 实际/目标 比例计分，目标按人约定。`,
      '流量指标中"访客数"与"独立访客数（UV）"是同一口径，合并为一项。',
      '激励措施：绩效奖金、职业晋升、荣誉表彰（"优秀运营""创新奖"）、培训发展、团队激励。',
    ],
  },
  positions: ['电商运营'],
  period: 'monthly',
  dimensions: [
    dimension('traffic', '流量指标', 15, [
      measuredKpi('visitors', '访客数（UV）', '独立访客数。', 8, { dataSource: metric('uv'), unit: '人' }),
      measuredKpi('page_views', '页面浏览量（PV）', '页面被浏览的总次数。', 7, {
        dataSource: metric('pv'),
        unit: '次',
      }),
    ]),
    dimension('conversion', '转化指标', 25, [
      measuredKpi('orders', '订单数', '期间内的订单数。', 8, { dataSource: metric('orders'), unit: '笔' }),
      measuredKpi('conversion_rate', '转化率', '成交人数/访客数。', 9, {
        dataSource: metric('conversion_rate'),
        unit: '%',
      }),
      measuredKpi('aov', '平均客单价', '销售额/订单数。', 8, { dataSource: metric('aov'), unit: '元' }),
    ]),
    dimension('efficiency', '运营效率', 20, [
      judged('campaign_execution', '活动执行效率', '平台大促、节日促销、店庆等活动的策划、落地与总结。', 7),
      measuredKpi('ad_roi', '广告投放ROI', '广告带来的销售额/广告投入。', 7, { dataSource: metric('roi') }),
      measuredKpi('inventory_turnover', '库存周转率', '优化库存结构，合理控制库存。', 6, {
        dataSource: metric('inventory_turnover'),
      }),
    ]),
    dimension('satisfaction', '客户满意度', 20, [
      measuredKpi('after_sales_rating', '售后评分', '客户对售后服务的评分。', 7, {
        dataSource: metric('satisfaction_rate'),
        unit: '%',
      }),
      measuredKpi('complaint_rate', '客户投诉率', '投诉的客户比例（越低越好）。', 7, {
        dataSource: metric('complaint_rate'),
        direction: 'lower_better',
        unit: '%',
      }),
      measuredKpi('repeat_purchase_rate', '复购率', '重复购买的买家/买家。', 6, {
        dataSource: metric('repeat_purchase_rate'),
        unit: '%',
      }),
    ]),
    dimension('content', '内容质量', 10, [
      judged(
        'description_quality',
        '商品描述优化程度',
        '店铺首页、商品详情页、活动页等内容的策划与优化。',
        5,
      ),
      measuredKpi('content_updates', '内容更新频率', '期间内内容更新的次数。', 5, { unit: '次' }),
    ]),
    dimension('market_response', '市场响应', 10, [
      measuredKpi('launch_speed', '新产品上线速度', '新产品从确定到上线的天数（越短越好）。', 5, {
        direction: 'lower_better',
        unit: '天',
      }),
      measuredKpi('response_time', '市场反应时间', '对市场变化做出反应的天数（越短越好）。', 5, {
        direction: 'lower_better',
        unit: '天',
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
