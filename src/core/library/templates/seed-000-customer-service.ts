// 客服专员 appraisal of 000_7e0bba9429147a53.txt: supervisor's weekly sampling 75% + month-end self-assessment 25%.
import type { Template } from '../../templates/template.ts'
import {
  agreedTarget,
  dimension,
  discretionary,
  hundredPointScoring,
  kci,
  kpi,
  metric,
  proportional,
} from '../template-builders.ts'

export const seed000CustomerService: Template = {
  code: 'seed-000-customer-service',
  name: '客服专员绩效考核（主管抽查75% + 自我鉴定25%）',
  description:
    '客服岗位：问题解决率、服务质量、客户评价、投诉处理率；主管每周随机抽取若干客户考察打分占75%，月底客服自我鉴定占25%；绩效系数决定底薪发放。',
  source: {
    seed: '电商各岗位KPI绩效考核表及工作职责',
    table: '客服专员岗位说明书 / 电商各岗位KPI绩效评估表 · 客服岗位',
    notes: [
      '主管每个星期随机抽取若干客户进行考察打分，占75%；月底客服进行自我鉴定，占25%。本表取主管当月各周抽查得分的平均，与自评按75%/25%合成；每周由主管填写一份评分表。',
      '四项指标各25分；比率型指标按 实际/目标 的比例计分，服务质量由评分人酌情给分。',
      '"100%+20%"：基础100分，主管可在100分之外另给0–20分的加分。',
      '绩效系数：低于65分 0.5；65分（含）以上 1.0；80分（含）以上 1.2；95分（含）以上 1.5。连续两个月低于65分将被辞退。',
      '工资制度：500（底薪）× 绩效系数 + 销售提成2% + 中评修改个数 × 10 + 差评修改个数 × 20 + 奖惩。',
      '工作时间：9:30–24:00，早班9:30–16:30，晚班16:30–24:00。',
    ],
  },
  positions: ['客服专员', '客服', '在线客服'],
  period: 'monthly',
  dimensions: [
    dimension('service', '客服岗位KPI', 100, [
      kpi({
        key: 'problem_resolution_rate',
        name: '问题解决率',
        definition: `高效解决客户问题，提高客户满意度。实际值：已解决问题数/客户提出问题数。本表按完成比例计分：得分 = 25 × min(1, 实际/目标)，目标默认95%。`,
        unit: '%',
        maxPoints: 25,
        target: agreedTarget(0.95),
        rule: proportional(1),
      }),
      kci({
        key: 'service_quality',
        name: '服务质量',
        definition: `提供优质的售前和售后服务，打造良好的客户体验。主管按每周随机抽查的客户打分；客服月底自我鉴定。0–25分。`,
        maxPoints: 25,
        rule: discretionary(25),
        // The supervisor's part is the month's weekly samples (每周抽查), averaged and put on the 0–25 scale.
        dataSource: { kind: 'sampling' },
      }),
      kpi({
        key: 'customer_reviews',
        name: '客户评价',
        definition: `通过客户反馈评价客服服务的质量。本表按好评率计分：得分 = 25 × min(1, 实际/目标)，目标默认98%。`,
        unit: '%',
        maxPoints: 25,
        target: agreedTarget(0.98),
        rule: proportional(1),
        dataSource: metric('positive_review_rate'),
      }),
      kpi({
        key: 'complaint_handling_rate',
        name: '投诉处理率',
        definition: `妥善处理客户投诉，提高投诉处理率。实际值：已妥善处理投诉数/投诉数。本表按完成比例计分：得分 = 25 × min(1, 实际/目标)，目标默认100%。`,
        unit: '%',
        maxPoints: 25,
        target: agreedTarget(1),
        rule: proportional(1),
        dataSource: metric('complaint_handling_rate'),
      }),
    ]),
  ],
  adjustments: [
    {
      key: 'extra_twenty_percent',
      name: '额外加分（至多20分）',
      kind: 'bonus',
      rule: { shape: 'bonus_range', min: 0, max: 20 },
      cap: 20,
      assessor: { rater: 'supervisor' },
      dataSource: { kind: 'manual' },
    },
  ],
  scoring: hundredPointScoring({ supervisor: 0.75, self: 0.25 }),
}
