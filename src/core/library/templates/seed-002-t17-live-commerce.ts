// 电商直播 indicator tables (002_3b338a4c7be2c5e8.txt, seed-digest T17a–c): indicators without weights or targets.
import type { DataSource, Indicator, Template } from '../../templates/template.ts'
import {
  abcLevels,
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

const seed = '网络推广绩效KPI考核表合集'

/** A measured indicator scored in proportion to the agreed target (seed: "越高越好", no target or weight given). */
function measured(
  key: string,
  name: string,
  definition: string,
  maxPoints: number,
  dataSource: DataSource = manual,
  unit?: string,
): Indicator {
  return kpi({
    key,
    name,
    definition: `${definition} 本表按完成比例计分：得分 = ${maxPoints} × min(1, 实际/目标)，目标与主播约定。`,
    ...(unit ? { unit } : {}),
    maxPoints,
    target: agreedTarget(),
    rule: proportional(1),
    dataSource,
  })
}

/** 达到设定目标者，给予相应奖励 (R32): met the agreed target ⇒ full points. */
function targetMet(
  key: string,
  name: string,
  definition: string,
  maxPoints: number,
  dataSource: DataSource = manual,
  unit?: string,
): Indicator {
  return kpi({
    key,
    name,
    definition: `${definition} 本表按是否达到设定目标计分：达到得${maxPoints}分，否则0分；目标在考核期开始时按人设定。`,
    ...(unit ? { unit } : {}),
    maxPoints,
    target: agreedTarget(),
    rule: {
      shape: 'bands',
      basis: 'completion_rate',
      bands: [
        { min: 1, minInclusive: true, points: maxPoints, label: '达到设定目标' },
        { max: 1, maxInclusive: false, points: 0, label: '未达到' },
      ],
    },
    dataSource,
  })
}

export const seed002T17aLiveSalesperson: Template = {
  code: 'seed-002-t17a-live-salesperson',
  name: '电商直播推销员KPI绩效考核指标表',
  description: '电商直播推销员：销售额、新客户数、观看人数、直播时长、互动、客户维护。',
  source: {
    seed,
    table: 'T17a 电商直播推销员KPI绩效考核指标表',
    notes: [
      '权重：销售额30、新客户数15、观看人数15、直播时长10、互动15、客户维护15；数值指标越高越好，按 实际/目标 比例计分，目标与推销员约定。',
      '互动按互动次数（评论、点赞、购买等）计。',
      '客户维护为定性指标，由上级按A（好）/B（一般）/C（差）= 满分/一半/0评定。',
      '观看人数按每场直播的平均观看人数计。',
    ],
  },
  positions: ['主播', '直播推销员'],
  period: 'monthly',
  dimensions: [
    dimension('indicators', '考核指标', 100, [
      measured(
        'live_sales',
        '销售额',
        '推销员通过直播销售的产品销售额；通过销售记录和销售凭证统计。',
        30,
        metric('live_gmv'),
        '元',
      ),
      measured(
        'new_customers',
        '新客户数',
        '推销员通过直播获得的新客户数量；通过客户注册数据和购买记录统计。',
        15,
        metric('new_customers'),
        '人',
      ),
      measured(
        'viewers',
        '观看人数',
        '每场直播中观看推销员直播的人数（按场均）；直播平台观看人数统计。',
        15,
        metric('live_viewers'),
        '人/场',
      ),
      measured(
        'live_duration',
        '直播时长',
        '推销员每场直播的时长；直播平台直播时长统计。',
        10,
        metric('live_duration_hours'),
        '小时',
      ),
      measured(
        'interactions',
        '互动率',
        '观众在直播中与推销员互动的次数（评论、点赞、购买等）；直播平台互动数统计。',
        15,
        metric('live_interactions'),
        '次',
      ),
      kci({
        key: 'customer_retention',
        name: '客户维护',
        definition: '推销员对现有客户的维护和跟进情况（定性）。A好、B一般、C差。',
        maxPoints: 15,
        rule: abcLevels(15, ['维护和跟进到位', '维护和跟进一般', '缺少维护和跟进']),
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed002T17bLivePromoter: Template = {
  code: 'seed-002-t17b-live-promoter',
  name: '电商直播推广员KPI绩效考核指标表',
  description: '电商直播推广员：销售业绩、观众互动、新客开发、节目创新，达到设定目标给予奖励。',
  source: {
    seed,
    table: 'T17b 电商直播推广员KPI绩效考核指标表',
    notes: [
      '达到（超过）设定目标者给予相应奖励或提升权益。本表按每项是否达到设定目标计分：达到得满分，否则0分；权重为销售业绩40、观众互动30（观看人数、点赞数、评论数各10）、新客开发20、节目创新10。',
      '每月根据考核结果形成绩效报告；奖励措施：绩效奖金、晋升机会、福利待遇。',
    ],
  },
  positions: ['直播推广员'],
  period: 'monthly',
  dimensions: [
    dimension('sales', '销售业绩', 40, [
      targetMet(
        'monthly_sales',
        '个人月销售额',
        '销售额是评估电商直播推广员绩效的关键指标。设定：个人月销售额达到设定目标。',
        40,
        metric('live_gmv'),
        '元',
      ),
    ]),
    dimension('audience', '观众互动', 30, [
      targetMet(
        'avg_viewers',
        '场均观看人数',
        '设定：每场直播观看人数平均达到设定人数。统计每场直播的观看人数并平均。',
        10,
        metric('live_viewers'),
        '人/场',
      ),
      targetMet('avg_likes', '场均点赞数', '设定：点赞数平均达到设定数量。', 10, manual, '个/场'),
      targetMet('avg_comments', '场均评论数', '设定：评论数平均达到设定数量。', 10, manual, '个/场'),
    ]),
    dimension('new_customers', '新客开发', 20, [
      targetMet(
        'new_customers',
        '每月新客户数量',
        '通过吸引新客户进行购买和转化。设定：每月新客户数量达到设定人数。',
        20,
        metric('new_customers'),
        '人',
      ),
    ]),
    dimension('innovation', '节目创新', 10, [
      targetMet(
        'new_formats',
        '创新节目形式',
        '设定：每月推出设定数量的创新节目形式；每月评估推广员提出的节目创新形式。',
        10,
        manual,
        '种',
      ),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed002T17cLiveSales: Template = {
  code: 'seed-002-t17c-live-sales',
  name: '电商直播销售员KPI绩效考核指标表',
  description: '电商直播销售员：销售业绩、行为、服务、团队协作四组指标。',
  source: {
    seed,
    table: 'T17c 电商直播销售员KPI绩效考核指标表',
    notes: [
      '目标根据实际工作情况与销售员进行调整和协商。权重：销售业绩45（完成率15、销售额10、新客户数10、客单价5、客户留存率5）、行为25（直播时长10、招商数量5、直播互动率5、文案质量5）、服务15（售后满意度10、客户反馈5）、团队协作15（各5）。数值指标按 实际/目标 比例计分。',
      '完成率 = 实际完成销售目标金额/设定的销售目标金额。',
      '直播互动率按 互动人数/观看人数 计算。',
      '文案质量与售后满意度按A/B/C等级评定：满分/一半/0。',
    ],
  },
  positions: ['直播销售员', '主播'],
  period: 'monthly',
  dimensions: [
    dimension('sales', '销售业绩指标', 45, [
      measured(
        'completion_rate',
        '完成率',
        '实际完成销售目标金额与设定的销售目标金额的比例，以百分比表示。',
        15,
        metric('live_gmv'),
        '元',
      ),
      measured(
        'sales',
        '销售额',
        '销售员在一定时间内所完成的销售金额，以人民币为单位。',
        10,
        metric('live_gmv'),
        '元',
      ),
      measured(
        'new_customers',
        '新客户数',
        '销售员在一定时间内成功获得的新客户数量。',
        10,
        metric('new_customers'),
        '人',
      ),
      measured('aov', '客单价', '销售员平均每笔订单的销售金额 = 总销售额/订单数量。', 5, metric('aov'), '元'),
      measured(
        'retention_rate',
        '客户留存率',
        '销售员在一定时间内保留的客户数与总客户数的比例。',
        5,
        metric('customer_retention_rate'),
        '%',
      ),
    ]),
    dimension('behaviour', '行为指标', 25, [
      measured(
        'live_duration',
        '直播时长',
        '销售员在一定时间内实际进行的直播时长，以小时为单位。',
        10,
        metric('live_duration_hours'),
        '小时',
      ),
      measured(
        'merchants_recruited',
        '招商数量',
        '销售员在一定时间内成功邀请的直播招商数量，以人数为单位。',
        5,
        manual,
        '人',
      ),
      measured(
        'interaction_rate',
        '直播互动率',
        '直播的互动人数/观看人数，以百分比表示。',
        5,
        metric('live_interaction_rate'),
        '%',
      ),
      kci({
        key: 'copy_quality',
        name: '文案质量',
        definition:
          '直播过程中准备的文案质量，包括描述商品、吸引用户注意力以及促销语言的质量评估，按A/B/C等级评定。',
        maxPoints: 5,
        rule: abcLevels(5, ['描述准确、吸引力强、促销语言得当', '基本合格', '质量差']),
      }),
    ]),
    dimension('service', '服务指标', 15, [
      kci({
        key: 'after_sales_satisfaction',
        name: '售后满意度',
        definition: '销售员的售后服务得分评级，按满意度等级评定：A满意/B一般/C不满意。',
        maxPoints: 10,
        rule: abcLevels(10, ['满意', '一般', '不满意']),
      }),
      kci({
        key: 'customer_feedback',
        name: '客户反馈',
        definition: '销售员在服务过程中获得的客户反馈数量和质量，由上级酌情给分（0–5分）。',
        maxPoints: 5,
        rule: discretionary(5),
      }),
    ]),
    dimension('team', '团队协作指标', 15, [
      measured(
        'team_sales',
        '团队销售额',
        '销售员所在团队在一定时间内完成的销售金额。',
        5,
        metric('live_gmv', 'team'),
        '元',
      ),
      measured(
        'team_new_customers',
        '团队新客户数',
        '销售员所在团队在一定时间内成功获得的新客户数量。',
        5,
        metric('new_customers', 'team'),
        '人',
      ),
      measured(
        'team_achievement',
        '团队销售达成率',
        '团队实际完成销售目标金额与设定的销售目标金额的比例。',
        5,
        metric('live_gmv', 'team'),
        '元',
      ),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
