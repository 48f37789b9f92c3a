// 运营团队绩效考核模版（网站运营）(002_3b338a4c7be2c5e8.txt, seed-digest T5–T8): 能力20 / 态度30 / 业绩50 per role.
import type { Dimension, Indicator, Template } from '../../templates/template.ts'
import {
  agreedTarget,
  dimension,
  discretionary,
  hundredPointScoring,
  kci,
  kpi,
  proportional,
} from '../template-builders.ts'

const seed = '网络推广绩效KPI考核表合集'

const commonNotes = [
  '表头：考核月份、被考核人、考核人、考核日期；列：考核面、指标、权分、自评、主管、备注。',
  '每项在0至权分之间打分；备注"根据月计划比例"的项目按 权分 × min(1, 实际完成量/月计划量) 计。',
  '本表以主管评分为最终得分，自评仅作参考。',
  '能力20分、态度30分、业绩50分。',
]

/** 态度（30）: identical for the four roles. */
function attitude(): Dimension {
  const item = (key: string, name: string, definition?: string): Indicator =>
    kci({ key, name, ...(definition ? { definition } : {}), maxPoints: 5, rule: discretionary(5) })
  return dimension('attitude', '态度', 30, [
    item('attendance', '出勤率', '迟到、早退、请假。主管在0–5分之间评定。'),
    item('follows_instructions', '是否遵守上级指示，并及时准确向上级汇报工作'),
    item('takes_responsibility', '是否主动承担更多的责任'),
    item('collaboration', '是否注重协作'),
    item('proactive', '是否积极主动，行为得体'),
    item('work_log', '工作日志，工作周报'),
  ])
}

function judged(key: string, name: string, maxPoints: number, remark?: string): Indicator {
  return kci({
    key,
    name,
    ...(remark ? { definition: `备注：${remark}` } : {}),
    maxPoints,
    rule: discretionary(maxPoints),
  })
}

/** 根据月计划比例: points in proportion to the monthly plan, capped at full points. */
function perMonthlyPlan(key: string, name: string, maxPoints: number, remark?: string): Indicator {
  return kpi({
    key,
    name,
    definition: `${remark ? `备注：${remark}。` : ''}根据月计划比例：得分 = ${maxPoints} × min(1, 实际完成量/月计划量)。`,
    maxPoints,
    target: agreedTarget(),
    rule: proportional(1),
  })
}

const overallRating = (): Indicator => judged('overall_rating', '上级综合评定', 10)

const scoring = hundredPointScoring({ supervisor: 1, self: 0 })

export const seed002T5WebsiteEditor: Template = {
  code: 'seed-002-t5-website-editor',
  name: '网站编辑绩效考核表',
  description: '运营团队（网站运营）· 网站编辑：能力20、态度30、业绩50。',
  source: { seed, table: 'T5 运营团队绩效考核模版（网站运营）· 网站编辑', notes: commonNotes },
  positions: ['网站编辑'],
  period: 'monthly',
  dimensions: [
    dimension('ability', '能力', 20, [
      judged('article_reposting', '转载文章', 3, '转载其他网站内容'),
      judged('topic_planning', '专题策划', 2, '策划、制作专题内容'),
      judged('web_page_production', '网页制作', 3, '使用工具制作网页'),
      judged('image_processing', '图片处理', 2, '使用工具处理图片'),
      judged('advertorial_writing', '软文编写', 2),
      judged('document_layout', '文档排版', 2, '公司其他文档编排'),
      judged('onsite_replies', '站内交互式回复', 2),
      judged('online_promotion', '线上推广执行', 2, '博客、口碑推广等'),
      judged('online_campaigns', '线上活动策划', 2, '吸引访问的线上活动'),
    ]),
    attitude(),
    dimension('results', '业绩', 50, [
      judged('on_time', '按时完成工作', 10),
      judged('no_errors', '无内容错误、大批量错别字', 5),
      perMonthlyPlan('topic_plans', '完成专题策划数量、质量要求', 10),
      perMonthlyPlan('advertorials', '完成软文编写数量、质量要求', 10),
      perMonthlyPlan('online_promotion_volume', '按时按量执行线上推广', 5),
      overallRating(),
    ]),
  ],
  adjustments: [],
  scoring,
}

export const seed002T6CustomerServiceSpecialist: Template = {
  code: 'seed-002-t6-customer-service-specialist',
  name: '客服专员绩效考核表',
  description: '运营团队（网站运营）· 客服专员：能力20、态度30、业绩50。',
  source: {
    seed,
    table: 'T6 运营团队绩效考核模版（网站运营）· 客服专员',
    notes: [...commonNotes],
  },
  positions: ['客服专员'],
  period: 'monthly',
  dimensions: [
    dimension('ability', '能力', 20, [
      judged('document_writing', '文档编写', 2),
      judged('customer_communication', '客户沟通交流', 8, '合作伙伴等'),
      judged('service_plan', '客服计划制定', 2),
      judged('cooperation_mining', '潜在合作挖掘', 5),
      judged('business_knowledge', '掌握公司业务', 3),
    ]),
    attitude(),
    dimension('results', '业绩', 50, [
      judged('follow_ups', '优质完成客户回访、问答', 10),
      judged('service_tools', '维护线上客服工具并受理信息', 10, 'QQ群、客服邮箱等'),
      judged('online_promotion', '按时按量执行线上推广', 10, '友情链接、合作等'),
      judged('customer_records', '完善客户资料并归档、分类整理', 10),
      overallRating(),
    ]),
  ],
  adjustments: [],
  scoring,
}

export const seed002T7EventSpecialist: Template = {
  code: 'seed-002-t7-event-specialist',
  name: '活动专员绩效考核表',
  description: '运营团队（网站运营）· 活动专员：能力20、态度30、业绩50。',
  source: { seed, table: 'T7 运营团队绩效考核模版（网站运营）· 活动专员', notes: commonNotes },
  positions: ['活动专员'],
  period: 'monthly',
  dimensions: [
    dimension('ability', '能力', 20, [
      judged('member_events', '会员活动策划执行', 5),
      judged('customer_communication', '客户沟通交流', 5, '合作伙伴等'),
      judged('business_documents', '商务文档编写', 4),
      judged('cooperation_mining', '潜在合作挖掘', 3),
      judged('business_knowledge', '掌握公司业务', 3),
    ]),
    attitude(),
    dimension('results', '业绩', 50, [
      judged('event_proposals', '按要求策划活动并提交方案', 10),
      judged('events_run', '成功组织实施活动', 10),
      judged('event_cooperation', '根据活动要求成功洽谈活动合作', 8),
      judged('participation_records', '完善活动参与资料并归档、分类整理', 6),
      judged('online_promotion', '按时按量执行线上推广', 6, '友情链接、合作等'),
      overallRating(),
    ]),
  ],
  adjustments: [],
  scoring,
}

export const seed002T8PromotionBdSpecialist: Template = {
  code: 'seed-002-t8-promotion-bd-specialist',
  name: '推广专员/BD专员绩效考核表',
  description: '运营团队（网站运营）· 推广专员/BD专员：能力20、态度30、业绩50。',
  source: { seed, table: 'T8 运营团队绩效考核模版（网站运营）· 推广专员/BD专员', notes: commonNotes },
  positions: ['推广专员', 'BD专员'],
  period: 'monthly',
  dimensions: [
    dimension('ability', '能力', 20, [
      judged('partner_communication', '合作伙伴沟通交流', 5),
      judged('cooperation_plan', '合作计划制定', 5),
      judged('business_documents', '商务文档编写', 4),
      judged('cooperation_mining', '潜在合作挖掘', 3),
      judged('business_knowledge', '掌握公司业务', 3),
    ]),
    attitude(),
    dimension('results', '业绩', 50, [
      judged('basic_cooperation', '按要求成功洽谈网站基础合作', 10, '友情链接、广告互换等'),
      judged('strategic_cooperation', '按要求成功洽谈网站战略合作', 10, '频道互换、商务合作等'),
      judged('documents_on_time', '按时提交所需商务文档', 8),
      judged('promotion_plan', '制定网站推广计划并按量执行', 6, '协调其他同事实施'),
      judged('partner_records', '完善合作伙伴资料并归档、分类整理', 6, '友情链接、合作等'),
      overallRating(),
    ]),
  ],
  adjustments: [],
  scoring,
}
