// 抖店运营kpi考核表 (002_3b338a4c7be2c5e8.txt, seed-digest T19): five areas, weights left to the company.
import type { DataSource, Indicator, Template } from '../../templates/template.ts'
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
    definition: `${definition} 本表按完成比例计分：得分 = ${maxPoints} × min(1, 实际/目标)，目标结合个人目标约定。`,
    ...(unit ? { unit } : {}),
    maxPoints,
    target: agreedTarget(),
    rule: proportional(1),
    dataSource,
  })
}

function judged(key: string, name: string, definition: string, maxPoints: number): Indicator {
  return kci({
    key,
    name,
    definition: `${definition} 由上级酌情给分（0–${maxPoints}分）。`,
    maxPoints,
    rule: discretionary(maxPoints),
  })
}

export const seed002T19DouyinShop: Template = {
  code: 'seed-002-t19-douyin-shop',
  name: '抖店运营KPI考核表',
  description: '抖店运营：视频发布与推广、直播运营、粉丝运营、内容创作和营销推广、销售业绩。',
  source: {
    seed: '网络推广绩效KPI考核表合集',
    table: 'T19 抖店运营kpi考核表',
    notes: [
      `权重可根据公司实际情况调整，并结合个人目标。本表权重：视频发布与推广20（日均发布视频数量5、视频曝光量8、点赞和评论量7）、直播运营25（直播时长5、累计观看人数8、直播销售额12）、粉丝运营20（粉丝增长数量8、粉丝互动率6、粉丝质量6）、内容创作和营销推广15（优质内容发布8、营销推广效果7）、销售业绩20（销售额12、客单价8）。`,
      '数值指标按 实际/目标 比例计分，目标结合个人目标约定；质量类指标由上级酌情给分。',
      '可选指标（客户满意度、投诉处理、市场竞争力）未纳入，公司可自行增加。',
    ],
  },
  positions: ['抖店运营'],
  period: 'monthly',
  dimensions: [
    dimension('video', '抖音视频发布与推广', 20, [
      measured(
        'daily_videos',
        '日均发布视频数量',
        '根据工作内容要求，每个运营人员需要发布一定数量的视频来推广产品或服务。',
        5,
        metric('video_posts_daily_average'),
        '条/日',
      ),
      measured(
        'video_exposure',
        '视频曝光量',
        '衡量视频在抖音平台的曝光程度，通过抖音平台提供的数据统计进行考核。',
        8,
        metric('video_plays'),
        '次',
      ),
      measured(
        'video_engagement',
        '视频点赞和评论量',
        '考核视频的用户参与度，通过视频的点赞和评论数量评估。',
        7,
        metric('video_engagements'),
        '次',
      ),
    ]),
    dimension('live', '抖音直播运营', 25, [
      measured(
        'live_duration',
        '直播时长',
        '统计运营人员在抖音平台上的直播时长。',
        5,
        metric('live_duration_hours'),
        '小时',
      ),
      measured(
        'live_viewers',
        '累计直播观看人数',
        '衡量直播活动的受众数量，通过抖音平台提供的数据统计进行考核。',
        8,
        metric('live_viewers_total'),
        '人',
      ),
      measured(
        'live_sales',
        '直播销售额',
        '考核直播活动带来的销售业绩，通过直播带货的销售额评估。',
        12,
        metric('live_gmv'),
        '元',
      ),
    ]),
    dimension('followers', '粉丝运营', 20, [
      measured(
        'follower_growth',
        '粉丝增长数量',
        '每个运营人员需要负责维护和增加一定数量的粉丝群体，通过粉丝的增长数量来考核。',
        8,
        metric('followers_net_growth'),
        '人',
      ),
      measured(
        'follower_interaction',
        '粉丝互动率',
        '衡量粉丝的参与度，通过粉丝的点赞、评论和转发数量进行统计和考核。',
        6,
        metric('interaction_rate'),
        '%',
      ),
      judged(
        'follower_quality',
        '粉丝质量',
        '评估粉丝群体的质量，包括粉丝的活跃度、复购率和对运营内容的接受度等。',
        6,
      ),
    ]),
    dimension('content', '内容创作和营销推广', 15, [
      judged('quality_content', '优质内容发布', '衡量抖店运营人员在抖音上发布的内容的质量和创意度。', 8),
      judged(
        'marketing_effect',
        '营销推广效果',
        '通过内容的转发数量、评论数量和转化率来考核运营人员的工作效果。',
        7,
      ),
    ]),
    dimension('sales', '销售业绩', 20, [
      measured(
        'sales',
        '销售额',
        '作为运营人员的最终目标，销售额是评估运营人员工作绩效的重要指标。',
        12,
        metric('gmv'),
        '元',
      ),
      measured(
        'aov',
        '客单价',
        '考核平均每个订单的金额，衡量运营人员的销售能力和客户价值。',
        8,
        metric('aov'),
        '元',
      ),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
