// 网络推广 monthly tables (002_3b338a4c7be2c5e8.txt, seed-digest T12 and T13): A/B/C levels = full / half / 0.
import type { Template } from '../../templates/template.ts'
import { abcLevels, dimension, hundredPointScoring, kci, kpi, metric } from '../template-builders.ts'

const asRequired: [string, string, string] = ['按要求完成', '低于要求', '没有完成']

const uvThresholds = [
  { level: 'A', band: { min: 500, minInclusive: false } },
  { level: 'B', band: { min: 200, minInclusive: true, max: 500, maxInclusive: true } },
  { level: 'C', band: { max: 200, maxInclusive: false } },
]

const dailyWorkThresholds = [
  { level: 'A', band: { min: 1, minInclusive: true } },
  { level: 'B', band: { min: 0.6, minInclusive: true, max: 1, maxInclusive: false } },
  { level: 'C', band: { max: 0.6, maxInclusive: false } },
]

const dailyWorkDefinition =
  '日常工作满额完成为A；完成情况达到60%以上为B；低于60%为C。实际值为完成比例（1 = 100%）。日常工作内容：1、推广发帖量：保证发帖数量不低于500，与公司品牌、产品相关；2、知道：完成100个知道问答发布。'

export const seed002T12OnlinePromotion: Template = {
  code: 'seed-002-t12-online-promotion',
  name: '网络推广月绩效考核表',
  description: '网络推广岗位月度考核：独立访客、搜索引擎覆盖、日常工作完成率与工作表现，A/B/C三级评分。',
  source: {
    seed: '网络推广绩效KPI考核表合集',
    table: 'T12 网络推广月绩效考核表',
    notes: [
      '六项考核项目共100分。',
      '网站独立访客按考核月内日均独立访客计分：高于500为A，200–500（含两端）为B，低于200为C。',
      '搜索引擎覆盖按日均收录条数计分：日均5条及以上为A，3条及以上为B，低于3条为C。',
      '日常工作内容中的"完成100个知道问答发布"按月计。',
      '评分人评语由评分流程中的评语承担。',
    ],
  },
  positions: ['网络推广'],
  period: 'monthly',
  dimensions: [
    dimension('items', '考核项目', 100, [
      kpi({
        key: 'unique_visitors',
        name: '网站独立访客（UV）',
        definition: 'A、网站独立访客高于500；B、访客数200-500；C、访客数低于200。按月内日均独立访客计。',
        unit: '人/日',
        maxPoints: 30,
        rule: abcLevels(30, ['网站独立访客高于500', '访客数200-500', '访客数低于200'], uvThresholds),
        dataSource: metric('uv_daily_average', 'shop'),
      }),
      kpi({
        key: 'search_engine_coverage',
        name: '搜索引擎覆盖',
        definition:
          'A、每日5条；B、每日3条；C、每日1条。日均5条及以上为A，3条及以上为B，低于3条为C。实际值为日均收录条数。',
        unit: '条/日',
        maxPoints: 20,
        rule: abcLevels(
          20,
          ['每日5条', '每日3条', '每日1条'],
          [
            { level: 'A', band: { min: 5, minInclusive: true } },
            { level: 'B', band: { min: 3, minInclusive: true, max: 5, maxInclusive: false } },
            { level: 'C', band: { max: 3, maxInclusive: false } },
          ],
        ),
      }),
      kpi({
        key: 'daily_work_completion',
        name: '日常工作完成率',
        definition: dailyWorkDefinition,
        unit: '%',
        maxPoints: 20,
        rule: abcLevels(
          20,
          ['日常工作满额完成', '完成情况达到60%以上', '完成情况低于60%'],
          dailyWorkThresholds,
        ),
      }),
      kci({
        key: 'work_attitude',
        name: '工作态度',
        definition: 'A：对工作积极负责，按时完成要求，无偷懒现象；B：对工作态度一般；C：有令不行、消极怠工。',
        maxPoints: 10,
        rule: abcLevels(10, [
          '对工作积极负责按时完成要求，无偷懒现象',
          '对工作态度一般',
          '有令不行、消极怠工',
        ]),
      }),
      kci({
        key: 'learning_ability',
        name: '学习能力',
        definition:
          'A：坚持每天写工作计划和总结，每月有提出职责内改善意见和分析报告；B：偶尔写工作计划和总结，不能提出职责内改善意见和分析报告；C：不写工作总结、报告等。',
        maxPoints: 10,
        rule: abcLevels(10, [
          '坚持每天写工作计划和总结，每月有提出职责内改善意见和分析报告',
          '偶尔写工作计划和总结，不能提出职责内改善意见和分析报告',
          '不写工作总结、报告等',
        ]),
      }),
      kci({
        key: 'team_spirit',
        name: '团队精神',
        definition:
          '与部门同事工作配合度，帮助、指导新入职同事，分担团队事务。A、表现佳；B、表现一般；C、无团队感。',
        maxPoints: 10,
        rule: abcLevels(10, ['表现佳', '表现一般', '无团队感']),
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed002T13OnlinePromotion: Template = {
  code: 'seed-002-t13-online-promotion',
  name: '网络推广月度绩效考核表（内容运营版）',
  description:
    '网络推广岗位月度考核（内容运营版）：新闻采集、问答、论坛、微博、微信粉丝、独立访客，A/B/C三级各10分。',
  source: {
    seed: '网络推广绩效KPI考核表合集',
    table: 'T13 网络推广月度绩效考核表',
    notes: [
      '八项考核项目各10分，A/B/C = 10/5/0，共80分；"其他考核项目"20分（A/B/C = 20/10/0）由考核人按公司当月补充的要求评定。',
      '问答类平台按要求完成与否评级，每日发布数量由公司约定。',
      '日常工作完成率：A满额完成、B达到60%以上、C低于60%。',
      '微信粉丝增长按考核月净增粉丝数计分：A高于200，B 50–200（含两端），C低于50。',
      '网站独立访客按考核月内日均独立访客计分：A高于500，B 200–500，C低于200。',
    ],
  },
  positions: ['网络推广'],
  period: 'monthly',
  dimensions: [
    dimension('items', '考核项目与标准', 80, [
      kpi({
        key: 'news_collection',
        name: '公司网站新闻采集',
        definition: '每日在公司项目网站发布新闻，每日不低于20篇。A：按要求完成；B：低于要求；C：没有完成。',
        unit: '篇/日',
        maxPoints: 10,
        rule: abcLevels(10, asRequired),
      }),
      kpi({
        key: 'qa_platforms',
        name: '问答类平台',
        definition:
          '每日在问答类平台发布问答，做到简明而通俗易懂，数量由公司约定。A：按要求完成；B：低于要求；C：没有完成。',
        maxPoints: 10,
        rule: abcLevels(10, asRequired),
      }),
      kci({
        key: 'site_operations',
        name: '网站运营维护',
        definition:
          '保证网站内容无差错，稳定运营；微博微信粉丝稳步上升；网站优化持续良好；完成领导临时交代任务。',
        maxPoints: 10,
        rule: abcLevels(10, asRequired),
      }),
      kpi({
        key: 'wechat_follower_growth',
        name: '微信公众帐号粉丝增长',
        definition: 'A、粉丝增长量高于200；B、增长量50-200；C、低于50。实际值：考核月净增粉丝数。',
        unit: '人',
        maxPoints: 10,
        rule: abcLevels(
          10,
          ['粉丝增长量高于200', '增长量50-200', '低于50'],
          [
            { level: 'A', band: { min: 200, minInclusive: false } },
            { level: 'B', band: { min: 50, minInclusive: true, max: 200, maxInclusive: true } },
            { level: 'C', band: { max: 50, maxInclusive: false } },
          ],
        ),
        dataSource: metric('followers_net_growth'),
      }),
      kpi({
        key: 'unique_visitors',
        name: '网站独立访客',
        definition: 'A、网站独立访客高于500；B、访客数200-500；C、访客数低于200。按月内日均独立访客计。',
        unit: '人/日',
        maxPoints: 10,
        rule: abcLevels(10, ['网站独立访客高于500', '访客数200-500', '访客数低于200'], uvThresholds),
        dataSource: metric('uv_daily_average', 'shop'),
      }),
      kpi({
        key: 'forums',
        name: '论坛',
        definition:
          '按站等人气聚集地发布帖子，寻找到所属板块，要求帖子内容与行业相关度较高，能附带网址链接最好，不能的话做好标记。每天发布5条信息。',
        unit: '条/日',
        maxPoints: 10,
        rule: abcLevels(10, asRequired),
      }),
      kpi({
        key: 'weibo',
        name: '微博',
        definition:
          '主要运营新浪、腾讯微博。2000粉丝以前确保每周增长不低于100，2000粉丝以后确保粉丝每周增长不低于50，内容数量不低于10条。A：按要求完成；B：低于要求；C：没有完成。',
        maxPoints: 10,
        rule: abcLevels(10, asRequired),
      }),
      kpi({
        key: 'daily_work_completion',
        name: '日常工作完成率',
        definition:
          'A、日常工作满额完成；B、完成情况达到60%以上；C、完成情况低于60%。实际值为完成比例（1 = 100%）。',
        unit: '%',
        maxPoints: 10,
        rule: abcLevels(
          10,
          ['日常工作满额完成', '完成情况达到60%以上', '完成情况低于60%'],
          dailyWorkThresholds,
        ),
      }),
    ]),
    dimension('missing', '其他考核项目', 20, [
      kci({
        key: 'missing_rows',
        name: '其他考核项目（由公司补充）',
        definition: '公司当月补充的其他考核要求。A：按要求完成；B：低于要求；C：没有完成。',
        maxPoints: 20,
        rule: abcLevels(20, asRequired),
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
