// 电商运营kpi考核方案 篇3 (003_dcdca70acc44d938.txt, seed-digest T22): five weighted groups, grade bands 90/80/60.
import type { Template } from '../../templates/template.ts'
import {
  department,
  dimension,
  discretionary,
  hundredPointScoring,
  kci,
  measuredKpi,
  metric,
  peer,
} from '../template-builders.ts'

export const seed003T22OperationsTeam: Template = {
  code: 'seed-003-t22-operations-team',
  name: '电商运营团队绩效考核（运营经理、运营专员）',
  description:
    '运营经理与运营专员：销售业绩40、客户满意度20、流量指标20、营销推广效果10、团队协作10；月度与年度考核相结合。',
  source: {
    seed: '电商运营KPI考核方案',
    table: 'T22 电商运营kpi考核方案 篇3',
    notes: [
      '各组内两项指标平分分值（销售额20、订单量20；好评率10、退货率10；网站访问量10、页面浏览量10；广告投放回报率5、活动参与度5；内部协作满意度5、跨部门协作满意度5）。',
      '本表按完成比例计分：得分 = 分值 × min(1, 实际/目标)；退货率越低越好，按 目标/实际 计。',
      '网站访问量按统计周期内网站的访问人数（独立访客数）计。',
      '广告投放回报率按 销售额/广告投入 计算。',
      '考核标准：优秀90分及以上，良好80–89分，合格60–79分，不合格60分以下。考核结果用于绩效奖金、晋升与调薪、培训与发展；申诉期限由考核周期设置。',
      '内部协作满意度由团队成员互评；跨部门协作满意度由跨部门合作的同事评价。',
    ],
  },
  positions: ['运营经理', '运营专员', '店长'],
  period: 'monthly',
  dimensions: [
    dimension('sales', '销售业绩', 40, [
      measuredKpi('sales', '销售额', '实际完成的销售额与目标销售额的比率。', 20, {
        dataSource: metric('gmv'),
        unit: '元',
      }),
      measuredKpi('orders', '订单量', '实际完成的订单数量与目标订单数量的比率。', 20, {
        dataSource: metric('orders'),
        unit: '笔',
      }),
    ]),
    dimension('satisfaction', '客户满意度', 20, [
      measuredKpi('positive_review_rate', '好评率', '店铺好评数量与总评价数量的比率。', 10, {
        dataSource: metric('positive_review_rate'),
        unit: '%',
      }),
      measuredKpi('return_rate', '退货率', '退货订单数量与总订单数量的比率（越低越好）。', 10, {
        dataSource: metric('return_rate'),
        direction: 'lower_better',
        unit: '%',
      }),
    ]),
    dimension('traffic', '流量指标', 20, [
      measuredKpi('visitors', '网站访问量', '统计周期内网站的访问人数。', 10, {
        dataSource: metric('uv'),
        unit: '人',
      }),
      measuredKpi('page_views', '页面浏览量', '统计周期内网站页面被浏览的总次数。', 10, {
        dataSource: metric('pv'),
        unit: '次',
      }),
    ]),
    dimension('marketing', '营销推广效果', 10, [
      measuredKpi('ad_roi', '广告投放回报率', '广告投入与带来的销售额之间的比率。', 5, {
        dataSource: metric('roi'),
      }),
      measuredKpi(
        'campaign_participation',
        '活动参与度',
        '促销活动的参与人数与目标参与人数的比率。实际值：参与人数。',
        5,
        { unit: '人' },
      ),
    ]),
    dimension('teamwork', '团队协作', 10, [
      kci({
        key: 'internal_collaboration',
        name: '内部协作满意度',
        definition: '通过团队成员互评得出，互评者在0–5分之间打分。',
        maxPoints: 5,
        rule: discretionary(5),
        assessor: peer,
      }),
      kci({
        key: 'cross_department_collaboration',
        name: '跨部门协作满意度',
        definition: '由跨部门合作的同事评价，在0–5分之间打分。',
        maxPoints: 5,
        rule: discretionary(5),
        assessor: department('跨部门合作同事'),
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
