// 网络管理员岗位月度绩效考核表KPI (002_3b338a4c7be2c5e8.txt, seed-digest T10): each item 0–5, weighted.
import type { Rule, Template } from '../../templates/template.ts'
import {
  agreedTarget,
  department,
  dimension,
  fixedTarget,
  hundredPointScoring,
  kpi,
  metric,
} from '../template-builders.ts'

/** 次数为0评5分…次数为4评1分，4次以上评0分: the seed's 0–5 score, scaled to the item's weight (score/5 × weight). */
const errorCountLadder: Rule = {
  shape: 'count_ladder',
  steps: [0, 1, 2, 3, 4].map((count) => ({ count, points: 5 - count })),
  beyond: 0,
  scale: 'fraction_of_max',
}

const ladderText =
  '次数为0评5分，次数为1的评4分，次数为2的评3分，次数为3的评2分，次数为4的评1分，次数为4次以上的评0分'

export const seed002T10NetworkAdminMonthly: Template = {
  code: 'seed-002-t10-network-admin-monthly',
  name: '网络管理员岗位月度绩效考核表',
  description:
    '网络管理员月度考核（偏财务与门店数据职责）：销售计划完成率、账账/账实相符、设备维护、员工满意度、工作计划与数据录入。',
  source: {
    seed: '网络推广绩效KPI考核表合集',
    table: 'T10 网络管理员岗位月度绩效考核表KPI',
    notes: [
      '"考核标准（各项满分5分）"：每项按0–5分评定，折算为权重分 = 评分/5 × 权重（规则按0–5分书写，按本项满分折算）。',
      '维度：财务指标（业绩完成情况）、职务职责（三项10%与两项20%）、工作关系（员工满意度）。',
      '完成率档位：90%–99%、60%–69%、低于60%。',
      '计次指标与员工满意度（投诉次数）都按同一阶梯评分：0次5分、1次4分、2次3分、3次2分、4次1分，4次以上0分。',
      '"各店每日销售、调拨数据及时准确录入"由财务经理考核。',
      '本表内容多为财务与门店数据职责；网管的网络与设备维护职责见网管绩效考核表。',
    ],
  },
  positions: ['网络管理员'],
  period: 'monthly',
  dimensions: [
    dimension('financial', '财务指标', 20, [
      kpi({
        key: 'sales_plan_completion',
        name: '业绩完成情况',
        definition:
          '品牌月度销售计划实际完成率：完成率达到100%的评5分，达到90%-99%的评4分，达到80%-89%的评3分，达到70%-79%的评2分，达到60%-69%的评1分，未达到60%的评0分。',
        unit: '元',
        maxPoints: 20,
        target: agreedTarget(),
        rule: {
          shape: 'bands',
          basis: 'completion_rate',
          scale: 'fraction_of_max',
          bands: [
            { min: 1, minInclusive: true, points: 5, label: '达到100%' },
            { min: 0.9, minInclusive: true, max: 1, maxInclusive: false, points: 4, label: '90%-99%' },
            { min: 0.8, minInclusive: true, max: 0.9, maxInclusive: false, points: 3, label: '80%-89%' },
            { min: 0.7, minInclusive: true, max: 0.8, maxInclusive: false, points: 2, label: '70%-79%' },
            { min: 0.6, minInclusive: true, max: 0.7, maxInclusive: false, points: 1, label: '60%-69%' },
            { max: 0.6, maxInclusive: false, points: 0, label: '未达到60%' },
          ],
        },
        assessor: department('财务统计'),
        dataSource: metric('gmv', 'shop'),
      }),
    ]),
    dimension('duties', '职务职责', 70, [
      kpi({
        key: 'inventory_reconciliation',
        name: '每月核对进销存汇总表，保证账账相符',
        definition: `出错或不及时次数。${ladderText}。`,
        unit: '次',
        direction: 'lower_better',
        maxPoints: 10,
        target: fixedTarget(0),
        rule: errorCountLadder,
        assessor: department('财务经理'),
      }),
      kpi({
        key: 'stocktake_verification',
        name: '核实货品的盘点数据，保证账实相符',
        definition: `出错或不及时次数。${ladderText}。`,
        unit: '次',
        direction: 'lower_better',
        maxPoints: 10,
        target: fixedTarget(0),
        rule: errorCountLadder,
        assessor: department('财务经理'),
      }),
      kpi({
        key: 'it_maintenance',
        name: '负责公司电脑软、硬件及网络的维修、维护工作',
        definition: `出错或不及时次数。${ladderText}。`,
        unit: '次',
        direction: 'lower_better',
        maxPoints: 10,
        target: fixedTarget(0),
        rule: errorCountLadder,
        assessor: department('财务经理'),
      }),
      kpi({
        key: 'work_plan_completion',
        name: '工作计划完成',
        definition:
          '月度实际完成工作数 / 月度计划完成工作数。完成率达到100%的评5分，一项未完成评4分，二项未完成的评3分，三项未完成的评2分，四项未完成的评1分，四项以上未完成的评0分。实际值：未完成的工作项数。',
        unit: '项',
        direction: 'lower_better',
        maxPoints: 20,
        target: fixedTarget(0),
        rule: errorCountLadder,
        assessor: department('人事经理'),
      }),
      kpi({
        key: 'store_data_entry',
        name: '各店每日销售、调拨数据及时准确录入',
        definition: `出错或不及时次数。${ladderText}。考核人为财务经理。`,
        unit: '次',
        direction: 'lower_better',
        maxPoints: 20,
        target: fixedTarget(0),
        rule: errorCountLadder,
        assessor: department('财务经理'),
      }),
    ]),
    dimension('relations', '工作关系', 10, [
      kpi({
        key: 'employee_satisfaction',
        name: '员工满意度',
        definition: `考核期接受员工不满投诉的次数。${ladderText}。`,
        unit: '次',
        direction: 'lower_better',
        maxPoints: 10,
        target: fixedTarget(0),
        rule: errorCountLadder,
        assessor: department('财务经理'),
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
