// New-media KPI sets of 002_3b338a4c7be2c5e8.txt (seed-digest T18a, T18b): indicator lists, no weights or targets.
import type { Template } from '../../templates/template.ts'
import {
  dimension,
  discretionary,
  hundredPointScoring,
  kci,
  measuredKpi,
  metric,
} from '../template-builders.ts'

const seed = '网络推广绩效KPI考核表合集'

export const seed002T18aWechatOperations: Template = {
  code: 'seed-002-t18a-wechat-operations',
  name: '新媒体运营岗位KPI绩效考核表（微信公众号）',
  description: '微信运营编辑：粉丝数、流失率、传播率、转化率；好评率、分享率、反馈率作参考。',
  source: {
    seed,
    table: 'T18a 新媒体运营岗位KPI绩效考核表',
    notes: [
      '原则：新媒体营销要本着互动、服务、为客户创造价值的原则。',
      '本表权重：粉丝数30、流失率20、传播率20、转化率30，按 实际/目标 的比例计分（流失率越低越好），目标按人约定。',
      '好评率、分享率、反馈率等"可以作为参照"，按公众号实际营销行业、内容选择，未计分。',
    ],
  },
  positions: ['微信运营编辑'],
  period: 'monthly',
  dimensions: [
    dimension('kpi', 'KPI指标', 100, [
      measuredKpi(
        'followers',
        '粉丝数',
        '粉丝数（累积关注人数）= 原有关注人数 + 净加关注人数（= 新关注人数 − 取消关注人数）。粉丝数是第一指标，但必须获取精准粉丝。实际值：考核期净加关注人数。',
        30,
        { dataSource: metric('followers_net_growth'), unit: '人' },
      ),
      measuredKpi(
        'churn_rate',
        '流失率',
        '公众账号的好友可以随时取消关注，这种掉粉的状况就是流失率；吸引1个新客户的成本是留住1个老客户的15倍（越低越好）。',
        20,
        { dataSource: metric('follower_churn_rate'), direction: 'lower_better', unit: '%' },
      ),
      measuredKpi(
        'spread_rate',
        '传播率',
        '理论上微信传播的到达率为100%；要实现传播效果的放大，需要通过定位精准的内容诱发爆发性传播。',
        20,
        { dataSource: metric('share_rate'), unit: '%' },
      ),
      measuredKpi(
        'conversion_rate',
        '转化率',
        '从线上的关注到线下或线上的消费，每一次好友到客户的转化以及好友转化的比例，是最终考评营销效果的关键。',
        30,
        { unit: '%' },
      ),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed002T18bNewMediaKpi: Template = {
  code: 'seed-002-t18b-new-media-kpi',
  name: '新媒体运营KPI考核表',
  description:
    '新媒体运营团队：粉丝数量、曝光量、互动率、阅读率、转化率、用户满意度；结果评为优秀、良好、一般、不达标。',
  source: {
    seed,
    table: 'T18b 新媒体运营KPI考核表',
    notes: [
      '考核方法：通过各新媒体平台的数据统计工具获取数据，与设定的目标对比，评为优秀、良好、一般、不达标。',
      `权重：粉丝数量20、曝光量15、互动率15、阅读率15、转化率20、用户满意度15，按 实际/目标 比例计分；评级分数线 优秀≥90、良好≥80、一般≥60、不达标<60。`,
      '阅读率：用户对企业发布的内容进行点击、阅读的比例。',
      '本表按内容被浏览的次数计曝光量（某一特定内容在特定时间段内被用户浏览的次数）。',
    ],
  },
  positions: ['新媒体运营'],
  period: 'monthly',
  dimensions: [
    dimension('kpi', 'KPI考核指标', 100, [
      measuredKpi(
        'followers',
        '粉丝数量',
        '企业在各新媒体平台上获得的粉丝数量，包括但不限于微博粉丝、公众号关注者、抖音粉丝等（按净增长计）。',
        20,
        {
          dataSource: metric('followers_net_growth'),
          unit: '人',
        },
      ),
      measuredKpi('exposure', '曝光量', '企业在各新媒体平台上发布的内容被用户浏览的次数。', 15, {
        dataSource: metric('impressions'),
        unit: '次',
      }),
      measuredKpi(
        'interaction_rate',
        '互动率',
        '企业发布的内容获得用户互动（评论、点赞、分享等）的比例。',
        15,
        {
          dataSource: metric('interaction_rate'),
          unit: '%',
        },
      ),
      measuredKpi(
        'read_rate',
        '阅读率',
        '用户对企业发布的内容进行点击或阅读的比例，包括但不限于文章阅读数、视频播放数等。',
        15,
        {
          dataSource: metric('read_rate'),
          unit: '%',
        },
      ),
      measuredKpi(
        'conversion_rate',
        '转化率',
        '新媒体运营对企业销售转化的贡献，包括但不限于线上销售转化率、线下销售转化率等。',
        20,
        {
          unit: '%',
        },
      ),
      kci({
        key: 'user_satisfaction',
        name: '用户满意度',
        definition: `通过用户调研、反馈等方式，评估用户对新媒体运营的满意程度，按调研结果在0–15分之间评定。`,
        maxPoints: 15,
        rule: discretionary(15),
      }),
    ]),
  ],
  adjustments: [],
  scoring: {
    ...hundredPointScoring(),
    grades: [
      {
        grade: 'excellent',
        label: { 'zh-CN': '优秀', 'zh-TW': '優秀', en: 'Excellent' },
        min: 90,
        minInclusive: true,
      },
      { grade: 'good', label: { 'zh-CN': '良好', 'zh-TW': '良好', en: 'Good' }, min: 80, minInclusive: true },
      { grade: 'fair', label: { 'zh-CN': '一般', 'zh-TW': '一般', en: 'Fair' }, min: 60, minInclusive: true },
      {
        grade: 'below_target',
        label: { 'zh-CN': '不达标', 'zh-TW': '不達標', en: 'Below target' },
        min: 0,
        minInclusive: true,
      },
    ],
  },
}
