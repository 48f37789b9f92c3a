// 新媒体运营部KPI绩效考核 (002_3b338a4c7be2c5e8.txt, seed-digest T15): scores up to 120% per row, weights × score.
import type { Template } from '../../templates/template.ts'
import {
  dimension,
  fixedTarget,
  hundredPointScoring,
  kpi,
  manual,
  metric,
  supervisor,
} from '../template-builders.ts'

/** The seed names no assessor; its 数据来源 is 后台数据 and a 数据审核 column checks the figures. */
const backOffice = supervisor

/** 品牌计划执行: 每出现一次疏漏则扣2分（百分制）, 0 omissions = full, ≥13 omissions = 0. */
const brandPlanWeight = 25
const brandPlanLadder = Array.from({ length: 13 }, (_, count) => ({
  count,
  points: Math.round(brandPlanWeight * (1 - 0.02 * count) * 100) / 100,
}))

export const seed002T15NewMediaDepartment: Template = {
  code: 'seed-002-t15-new-media-department',
  name: '新媒体运营部KPI绩效考核',
  description:
    '新媒体运营部月度考核：平台浏览量（M端UV）、触达量、渠道开拓、品牌计划执行、活动策划；超额完成的行最高可得120%。',
  source: {
    seed: '网络推广绩效KPI考核表合集',
    table: 'T15 新媒体运营部KPI绩效考核',
    notes: [
      '权重：平台浏览量11、内容触达量27、渠道开拓12、品牌计划执行25、活动策划25，合计100分（不含额外加分项）。',
      '平台浏览量：目标值为上个月的日均UV×110%；得分 = 所占分值 ×（实际完成值/目标值），最高120%。本表按"实际/目标低于60%得0分"计分。',
      '内容触达量：目标50000，按 分值 ×（实际/50000）计分，最高120%，20000及以下得0分。',
      '渠道开拓：5个及以上满分；4个得90%、3个得75%、2个得60%；1个及以下0分；超额部分不另加分。',
      '品牌计划执行：每出现一次疏漏则扣2分（百分制），N=0满分，N≥13则0分；按本项权重折算（每次疏漏扣权重的2%）。',
      '活动策划：每月完成1次活动，活动期间至少有一天微信指数高于前一天2倍；N≥1满分，N=0得0分。',
      '绩效工资：绩效基数 × 绩效分值 = 应发绩效金额。备注：指标及分配权重可根据当期实际业绩完成情况进行微调。',
    ],
  },
  positions: ['新媒体运营', '新媒体运营部'],
  period: 'monthly',
  dimensions: [
    dimension('department_performance', '部门绩效维度', 38, [
      kpi({
        key: 'platform_page_views',
        name: '平台浏览量',
        definition:
          '媒体传播与品牌宣传须为平台带来实际流量。平台M端总用户量（UV）作为考核指标，实际值为本月日均UV。目标值为上个月的日均UV×110%。计算公式：所占分值×（实际完成值/目标值）= 最终得分，最高120%；实际/目标低于60%（如目标11万时N≤66000）则此项0分。',
        unit: '人/日',
        maxPoints: 11,
        target: { kind: 'derived', metric: 'uv', from: 'previous_period_daily_average', factor: 1.1 },
        rule: { shape: 'ratio_to_target', capRatio: 1.2, zeroBelowRatio: 0.6 },
        assessor: backOffice,
        dataSource: metric('uv_daily_average', 'shop'),
      }),
      kpi({
        key: 'content_reach',
        name: '内容触达量',
        definition:
          'N≥50000 → 100–120；50000>N>20000 → 60–99；N≤20000 → 0。本表按 分值×（实际/50000）计分，最高120%，N≤20000得0分。',
        unit: '次',
        maxPoints: 27,
        target: fixedTarget(50000),
        rule: { shape: 'ratio_to_target', capRatio: 1.2, zeroBelowRatio: 0.4 },
        assessor: backOffice,
        dataSource: manual,
      }),
    ]),
    dimension('internal_operations', '内部运营维度', 62, [
      kpi({
        key: 'channel_development',
        name: '渠道开拓',
        definition:
          '目标A≥5。N≥5 → 100–120；5>N≥1 → 60–99；N≤1 → 0。本表按 4个 → 90%，3个 → 75%，2个 → 60%，≤1个 → 0 计分。',
        unit: '个',
        maxPoints: 12,
        target: fixedTarget(5),
        rule: {
          shape: 'bands',
          basis: 'actual',
          bands: [
            { min: 5, minInclusive: true, points: 12, label: 'N≥5' },
            { min: 4, minInclusive: true, max: 5, maxInclusive: false, points: 10.8, label: '5>N≥1（4个）' },
            { min: 3, minInclusive: true, max: 4, maxInclusive: false, points: 9, label: '5>N≥1（3个）' },
            { min: 2, minInclusive: true, max: 3, maxInclusive: false, points: 7.2, label: '5>N≥1（2个）' },
            { max: 2, maxInclusive: false, points: 0, label: 'N≤1' },
          ],
        },
        assessor: backOffice,
      }),
      kpi({
        key: 'brand_plan_execution',
        name: '品牌计划执行',
        definition:
          '包括软文、视频素材等市场投放量、品牌方案执行情况。每出现一次疏漏则扣2分（百分制，按本项权重折算）。若N=0则此项满分，若N≥13，则此项0分。实际值：疏漏次数N。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: brandPlanWeight,
        target: fixedTarget(0),
        rule: { shape: 'count_ladder', steps: brandPlanLadder, beyond: 0, scale: 'points' },
        assessor: backOffice,
      }),
      kpi({
        key: 'campaign_planning',
        name: '活动策划',
        definition:
          '每月完成1次活动期间需要至少有一天微信指数高于前一天2倍的活动策划、执行、活动效果分析。N≥1满分，N=0得0分。实际值：达标活动次数N。',
        unit: '次',
        maxPoints: 25,
        target: fixedTarget(1),
        rule: { shape: 'pass_fail', condition: { op: '>=', value: 1 } },
        assessor: backOffice,
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
