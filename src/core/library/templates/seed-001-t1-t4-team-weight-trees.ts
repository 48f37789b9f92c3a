// 績效考核管理辦法電商 (001_36ae27b3f8a18c19.txt, seed-digest T1–T4): four team weight trees, no scoring rules given.
import type { DataSource, Indicator, Template } from '../../templates/template.ts'
import { metricDisplayUnit } from '../metric-keys.ts'
import {
  agreedTarget,
  dimension,
  discretionary,
  hundredPointScoring,
  kci,
  kpi,
  manual,
  metric,
  proportional,
} from '../template-builders.ts'

const seed = '绩效考核管理办法（电商）'

const commonNotes = [
  '各子项分值为占100分总分的分值，子项之和等于所在维度的权重（如30+15+5 = 50）。',
  `可量化的指标按"得分 = 分值 × min(1, 实际/目标)"评分（越低越好的指标取 目标/实际），目标在考核期开始时按团队约定；协作与学习类指标由上级在0至分值之间酌情给分。`,
  '适用于新员工与老员工；考核对象是团队，数据按团队口径归集。',
]

/** A measured team indicator: proportional to the agreed target, data from the catalogue when it can be measured. */
function measured(
  key: string,
  name: string,
  definition: string,
  maxPoints: number,
  dataSource: DataSource = manual,
  direction: Indicator['direction'] = 'higher_better',
  unit: string | undefined = dataSource.kind === 'metric' ? metricDisplayUnit(dataSource.metric) : undefined,
): Indicator {
  return kpi({
    key,
    name,
    definition: `${definition} 本表按完成比例计分：得分 = ${maxPoints} × min(1, ${direction === 'higher_better' ? '实际/目标' : '目标/实际'})，目标按团队约定。`,
    direction,
    ...(unit ? { unit } : {}),
    maxPoints,
    target: agreedTarget(),
    rule: proportional(1),
    dataSource,
  })
}

/** A judged team indicator, 0…max at the supervisor's discretion. */
function judged(key: string, name: string, definition: string, maxPoints: number): Indicator {
  return kci({
    key,
    name,
    definition: `${definition} 由上级酌情给分（0–${maxPoints}分）。`,
    maxPoints,
    rule: discretionary(maxPoints),
  })
}

export const seed001T1OperationsTeam: Template = {
  code: 'seed-001-t1-operations-team',
  name: '电商运营团队绩效考核',
  description: '电商运营团队：业绩50、运营30、团队协作与沟通10、学习与成长10。',
  source: { seed, table: 'T1 電商運營團隊', notes: commonNotes },
  positions: ['电商运营团队', '运营经理', '店长'],
  period: 'monthly',
  dimensions: [
    dimension('results', '业绩指标', 50, [
      measured(
        'sales',
        '销售额',
        '衡量电商运营工作成果的重要指标；通过优化店铺运营、策划营销活动等方式不断提升销售额。',
        30,
        metric('gmv', 'team'),
      ),
      measured(
        'gross_margin',
        '毛利率',
        '在追求销售额的同时注重产品的利润空间，合理控制成本，提高毛利率。',
        15,
        metric('gross_margin', 'team'),
      ),
      measured(
        'new_customers',
        '新客户获取数量',
        '拓展新客户群体，为公司注入新的活力。',
        5,
        metric('new_customers', 'team'),
      ),
    ]),
    dimension('operations', '运营指标', 30, [
      measured(
        'shop_traffic',
        '店铺流量',
        '包括浏览量、访客数等；通过搜索引擎优化（SEO）、社交媒体推广等手段吸引更多流量进入店铺。默认按访客数（UV）计。',
        10,
        metric('uv', 'team'),
      ),
      measured(
        'conversion_rate',
        '转化率',
        '将流量转化为实际购买行为的能力；可通过优化产品页面、提升客服服务质量等方式提高。',
        10,
        metric('conversion_rate', 'team'),
      ),
      measured(
        'inventory_turnover',
        '库存周转率',
        '合理控制库存，避免积压或缺货，确保库存资金的有效利用。',
        5,
        metric('inventory_turnover', 'team'),
      ),
      judged(
        'campaign_execution',
        '活动策划与执行效果',
        '成功策划并执行各类促销活动、节日活动等，吸引消费者购买，提升品牌知名度。',
        5,
      ),
    ]),
    dimension('collaboration', '团队协作与沟通', 10, [
      judged(
        'cross_department',
        '与其他部门的协作配合度',
        '积极与客服、市场推广、物流等部门沟通协作，确保电商业务的顺利开展。',
        5,
      ),
      judged(
        'internal_communication',
        '内部团队沟通效率与效果',
        '在运营团队内部保持良好的沟通，及时分享信息，共同解决问题。',
        5,
      ),
    ]),
    dimension('learning', '学习与成长', 10, [
      judged(
        'industry_knowledge',
        '行业知识学习与应用',
        '关注电商行业动态，学习新的运营技巧与方法，并应用到实际工作中。',
        5,
      ),
      judged('personal_skills', '个人技能提升', '不断提升在数据分析、营销策划、项目管理等方面的技能。', 5),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed001T2CustomerServiceTeam: Template = {
  code: 'seed-001-t2-customer-service-team',
  name: '客服团队绩效考核',
  description: '客服团队：服务质量50、销售20、团队协作与沟通15、学习与成长15。',
  source: {
    seed,
    table: 'T2 客服團隊',
    notes: [
      ...commonNotes,
      '投诉率、响应时间越低越好；响应时间按首次响应时间（秒）计。',
      '引导购买成功率按询单转化率（咨询后下单的比例）计。',
    ],
  },
  positions: ['客服团队'],
  period: 'monthly',
  dimensions: [
    dimension('service_quality', '服务质量指标', 50, [
      measured(
        'satisfaction',
        '客户满意度',
        '通过客户评价、问卷调查等方式收集客户对客服服务的满意度。',
        30,
        metric('satisfaction_rate', 'team'),
      ),
      measured(
        'complaint_rate',
        '投诉率',
        '客户投诉的比例；尽量避免客户投诉，一旦出现投诉要及时妥善处理。',
        10,
        metric('complaint_rate', 'team'),
        'lower_better',
      ),
      measured(
        'response_time',
        '响应时间',
        '客户咨询后客服的首次响应时间。',
        10,
        metric('first_response_seconds', 'team'),
        'lower_better',
      ),
    ]),
    dimension('sales', '销售指标', 20, [
      measured(
        'guided_purchase_rate',
        '引导购买成功率',
        '在与客户沟通中，引导客户完成购买行为的比例。',
        10,
        metric('inquiry_conversion_rate', 'team'),
      ),
      measured(
        'upsell_amount',
        '追加销售金额',
        '通过向客户推荐相关产品或升级服务增加的销售金额。',
        10,
        manual,
        'higher_better',
        '元',
      ),
    ]),
    dimension('collaboration', '团队协作与沟通', 15, [
      judged(
        'cross_department',
        '与运营、售后等部门的协作配合度',
        '及时反馈客户问题，协助其他部门解决客户需求。',
        10,
      ),
      judged(
        'experience_sharing',
        '内部团队沟通与经验分享',
        '在客服团队内部分享客户服务经验，共同提升服务水平。',
        5,
      ),
    ]),
    dimension('learning', '学习与成长', 15, [
      judged('product_knowledge', '产品知识掌握程度', '熟悉公司各类产品的特点、功能、使用方法等。', 5),
      judged('service_skills', '服务技巧提升', '不断学习新的客户服务技巧，提高沟通能力和问题解决能力。', 5),
      judged('industry_rules', '行业新规学习', '了解电商行业关于客户服务的相关法规和规定，确保服务合规。', 5),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed001T3MarketingTeam: Template = {
  code: 'seed-001-t3-marketing-team',
  name: '市场推广团队绩效考核',
  description: '市场推广团队：推广效果50、创意与策划能力20、团队协作与沟通15、学习与成长15。',
  source: { seed, table: 'T3 市場推廣團隊', notes: commonNotes },
  positions: ['市场推广团队', '市场推广'],
  period: 'monthly',
  dimensions: [
    dimension('promotion_effect', '推广效果指标', 50, [
      measured(
        'brand_exposure',
        '品牌曝光量',
        '通过社交媒体、广告投放等各种推广渠道获得的品牌曝光次数。',
        20,
        metric('impressions', 'team'),
      ),
      measured(
        'traffic_in',
        '流量引入量',
        '从推广渠道引入到电商平台的流量数量。',
        15,
        metric('promotion_uv', 'team'),
      ),
      measured(
        'campaign_conversion',
        '营销活动转化率',
        '参与营销活动的用户中，完成购买行为或其他预期行为的比例。',
        15,
        manual,
        'higher_better',
        '%',
      ),
    ]),
    dimension('creativity', '创意与策划能力', 20, [
      judged('creative_novelty', '推广创意新颖性', '策划的推广活动、广告内容等具有创新性和独特性。', 10),
      judged(
        'plan_feasibility',
        '活动策划完整性与可行性',
        '营销活动策划方案的完整性、合理性以及实际执行的可行性。',
        10,
      ),
    ]),
    dimension('collaboration', '团队协作与沟通', 15, [
      judged(
        'cross_department',
        '与运营、客服等部门的协作配合度',
        '根据电商业务需求制定相应的推广策略，与其他部门密切配合。',
        10,
      ),
      judged(
        'resource_integration',
        '内部团队沟通与资源整合',
        '在市场推广团队内部合理整合资源，共同推进推广项目。',
        5,
      ),
    ]),
    dimension('learning', '学习与成长', 15, [
      judged('market_trends', '市场趋势把握', '关注电商市场动态、竞争对手动态以及消费者需求变化。', 5),
      judged('new_channels', '新推广渠道与技术应用', '学习并尝试新的推广渠道和技术手段，提升推广效果。', 5),
      judged(
        'data_analysis',
        '数据分析能力提升',
        '通过数据分析评估推广效果，为后续推广策略调整提供依据。',
        5,
      ),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed001T4LogisticsAfterSalesTeam: Template = {
  code: 'seed-001-t4-logistics-after-sales-team',
  name: '物流售后团队绩效考核',
  description: '物流售后团队：物流配送40、售后服务40、团队协作与沟通10、学习与成长10。',
  source: {
    seed,
    table: 'T4 物流售後團隊',
    notes: [...commonNotes, '物流成本控制按每单物流成本计，越低越好。'],
  },
  positions: ['物流售后团队', '发货', '物流售后'],
  period: 'monthly',
  dimensions: [
    dimension('logistics', '物流配送指标', 40, [
      measured(
        'on_time_shipping',
        '发货及时率',
        '按时发货的订单比例；确保订单及时发出，让客户尽快收到商品。',
        20,
        metric('on_time_ship_rate', 'team'),
      ),
      measured(
        'delivery_accuracy',
        '配送准确率',
        '准确配送商品的订单比例；避免错发、漏发等情况。',
        10,
        metric('ship_accuracy_rate', 'team'),
      ),
      measured(
        'logistics_cost',
        '物流成本控制',
        '在保证服务质量的前提下合理控制物流费用，降低物流成本。',
        10,
        metric('logistics_cost_per_order', 'team'),
        'lower_better',
      ),
    ]),
    dimension('after_sales', '售后服务指标', 40, [
      measured(
        'return_handling_timeliness',
        '退换货处理及时率',
        '及时处理客户退换货申请的比例。',
        20,
        metric('return_handling_on_time_rate', 'team'),
      ),
      measured(
        'after_sales_satisfaction',
        '售后问题解决满意度',
        '客户对售后问题解决结果的满意度。',
        15,
        manual,
        'higher_better',
        '%',
      ),
      measured(
        'follow_up_rate',
        '客户回访率',
        '对已完成交易的客户进行回访的比例；通过回访了解客户需求，收集反馈意见，不断优化服务。',
        5,
        manual,
        'higher_better',
        '%',
      ),
    ]),
    dimension('collaboration', '团队协作与沟通', 10, [
      judged(
        'cross_department',
        '与运营、客服等部门的协作配合度',
        '及时了解订单信息、客户售后需求，与其他部门协同工作。',
        5,
      ),
      judged(
        'process_optimisation',
        '内部团队沟通与流程优化',
        '在物流售后团队内部加强沟通，优化工作流程，提高工作效率。',
        5,
      ),
    ]),
    dimension('learning', '学习与成长', 10, [
      judged(
        'regulations',
        '物流与售后政策法规学习',
        '了解电商行业关于物流配送、售后服务的相关政策法规，确保工作合规。',
        5,
      ),
      judged(
        'service_innovation',
        '服务流程优化与创新',
        '不断探索优化物流配送和售后服务流程，提高服务质量和效率。',
        5,
      ),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
