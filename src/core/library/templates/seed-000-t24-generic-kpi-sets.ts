// Generic KPI lists of 000_7e0bba9429147a53.txt (seed-digest T24): indicators without weights or targets.
import type { Template } from '../../templates/template.ts'
import {
  dimension,
  discretionary,
  hundredPointScoring,
  kci,
  measuredKpi,
  metric,
} from '../template-builders.ts'

const seed = '电商各岗位KPI绩效考核表及工作职责'
const noWeights = '具体的考核方式和比重可根据实际情况进行调整和补充。'

function judged(key: string, name: string, definition: string, maxPoints: number) {
  return kci({
    key,
    name,
    definition: `${definition} 由上级酌情给分（0–${maxPoints}分）。`,
    maxPoints,
    rule: discretionary(maxPoints),
  })
}

export const seed000T24Sales: Template = {
  code: 'seed-000-t24-sales',
  name: '销售岗位KPI绩效评估表',
  description: '销售岗位：销售额、客单价、客户满意度、销售转化率。',
  source: {
    seed,
    table: 'T24 电商行业电商各岗位KPI绩效评估表 · 销售岗位',
    notes: [
      noWeights,
      '本表四项各25分，按 实际/目标 的比例计分，目标按人约定。',
      '也可只以销售额、销售目标完成情况和客户满意度（调查）为基准；销售目标完成情况即本表"销售额"对目标的比例。',
    ],
  },
  positions: ['销售'],
  period: 'monthly',
  dimensions: [
    dimension('kpi', 'KPI绩效评估', 100, [
      measuredKpi('sales', '销售额', '完成个人销售目标，以实际销售额衡量。', 25, {
        dataSource: metric('gmv'),
        unit: '元',
      }),
      measuredKpi('aov', '客单价', '提高平均客单价，能有效增加销售额。', 25, {
        dataSource: metric('aov'),
        unit: '元',
      }),
      measuredKpi(
        'satisfaction',
        '客户满意度',
        '通过有效沟通和良好的服务态度，提升客户满意度（客户满意度调查）。',
        25,
        {
          dataSource: metric('satisfaction_rate'),
          unit: '%',
        },
      ),
      measuredKpi('sales_conversion', '销售转化率', '将潜在客户转化为实际购买客户的比例。', 25, {
        unit: '%',
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed000T24Operations: Template = {
  code: 'seed-000-t24-operations',
  name: '运营岗位KPI绩效评估表',
  description: '运营岗位：网站流量、转化率、退货率、用户留存率。',
  source: {
    seed,
    table: 'T24 电商行业电商各岗位KPI绩效评估表 · 运营岗位',
    notes: [
      noWeights,
      '本表四项各25分，按 实际/目标 的比例计分（退货率越低越好，按 目标/实际），目标按人约定。',
    ],
  },
  positions: ['运营岗位'],
  period: 'monthly',
  dimensions: [
    dimension('kpi', 'KPI绩效评估', 100, [
      measuredKpi('site_traffic', '网站流量', '通过营销策略和推广手段，提升网站的访问量。', 25, {
        dataSource: metric('visits'),
        unit: '次',
      }),
      measuredKpi('conversion_rate', '转化率', '将访问网站的用户转化为实际购买客户的比例。', 25, {
        dataSource: metric('conversion_rate'),
        unit: '%',
      }),
      measuredKpi('return_rate', '退货率', '降低退货率，提高产品质量和售后服务水平（越低越好）。', 25, {
        dataSource: metric('return_rate'),
        direction: 'lower_better',
        unit: '%',
      }),
      measuredKpi('retention_rate', '用户留存率', '通过运营手段提升用户忠诚度，提高用户的留存率。', 25, {
        dataSource: metric('customer_retention_rate'),
        unit: '%',
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed000T24Marketing: Template = {
  code: 'seed-000-t24-marketing',
  name: '市场推广岗位KPI绩效评估表',
  description: '市场推广岗位：曝光率、点击率、转化率、品牌知名度。',
  source: {
    seed,
    table: 'T24 电商行业电商各岗位KPI绩效评估表 · 市场推广岗位',
    notes: [
      noWeights,
      '本表四项各25分；曝光率、点击率、转化率按 实际/目标 的比例计分，品牌知名度由上级酌情给分。',
      '也可以市场推广效果、市场份额的变化、广告投入回报率评估市场推广人员，按需替换。',
    ],
  },
  positions: ['市场推广岗位'],
  period: 'monthly',
  dimensions: [
    dimension('kpi', 'KPI绩效评估', 100, [
      measuredKpi('exposure', '曝光率', '通过各种渠道和媒体提高产品的曝光率（按曝光量计）。', 25, {
        dataSource: metric('impressions'),
        unit: '次',
      }),
      measuredKpi('click_through_rate', '点击率', '提高广告的点击率，吸引更多潜在客户。', 25, {
        dataSource: metric('click_through_rate'),
        unit: '%',
      }),
      measuredKpi('ad_conversion_rate', '转化率', '将广告点击转化为实际购买客户的比例。', 25, { unit: '%' }),
      judged('brand_awareness', '品牌知名度', '通过市场推广活动提升品牌的知名度。', 25),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed000T24OperationsManager: Template = {
  code: 'seed-000-t24-operations-manager',
  name: '电商运营经理绩效考核表',
  description: '电商运营经理：销售业绩、线上推广效果、客户满意度、数据分析能力、团队合作能力。',
  source: {
    seed,
    table: 'T24 电商运营经理职位职责及绩效考核表',
    notes: [
      '以上绩效考核指标仅供参考，具体的考核方式和比重可根据实际情况进行调整和补充。',
      `本表权重：销售业绩30（目标达成15、增长15）、线上推广效果20（10/10）、客户满意度20（10/10）、数据分析能力15（8/7）、团队合作能力15（8/7）；可量化的按 实际/目标 比例计分，其余由上级酌情给分。`,
    ],
  },
  positions: ['电商运营经理'],
  period: 'monthly',
  dimensions: [
    dimension('sales', '销售业绩', 30, [
      measuredKpi(
        'target_attainment',
        '销售目标和利润目标达成情况',
        '达成销售目标和利润目标的实际情况（按销售额对目标计）。',
        15,
        {
          dataSource: metric('gmv'),
          unit: '元',
        },
      ),
      measuredKpi('growth', '销售增长率', '销售增长率、销售额和利润的增长。', 15, {
        dataSource: metric('gmv_growth_rate'),
        unit: '%',
      }),
    ]),
    dimension('online_promotion', '线上推广效果', 20, [
      judged('participation', '线上推广活动的参与度和影响力', '线上推广活动的参与度和影响力。', 10),
      measuredKpi(
        'channel_conversion',
        '线上渠道的用户增长与转化率',
        '线上渠道的用户增长与转化率（按转化率计）。',
        10,
        {
          dataSource: metric('conversion_rate'),
          unit: '%',
        },
      ),
    ]),
    dimension('satisfaction', '客户满意度', 20, [
      measuredKpi('reviews', '客户评价和反馈的质量和数量', '客户评价和反馈的质量和数量（按好评率计）。', 10, {
        dataSource: metric('positive_review_rate'),
        unit: '%',
      }),
      judged('complaints', '客户投诉和纠纷的处理', '客户投诉和纠纷的处理及时性和结果满意度。', 10),
    ]),
    dimension('data_analysis', '数据分析能力', 15, [
      judged('accuracy', '数据收集和分析的准确性和深度', '数据收集和分析的准确性和深度。', 8),
      judged(
        'data_driven',
        '利用数据分析指导销售策略和改进运营',
        '利用数据分析指导销售策略和改进运营的能力。',
        7,
      ),
    ]),
    dimension('teamwork', '团队合作能力', 15, [
      judged('coordination', '与市场部门和推广团队的合作协调', '与市场部门和推广团队的合作协调能力。', 8),
      judged('team_goals', '团队目标的实现和团队氛围建设', '团队目标的实现和团队工作氛围的建设。', 7),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
