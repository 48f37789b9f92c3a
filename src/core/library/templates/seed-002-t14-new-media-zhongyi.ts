// 新媒体运营KPI考核表, "仲易" format (002_3b338a4c7be2c5e8.txt, seed-digest T14): rows 1–6 lost, rows 7–12 kept.
import type { Template } from '../../templates/template.ts'
import {
  deductEach,
  department,
  dimension,
  discretionary,
  hundredPointScoring,
  kci,
  metric,
} from '../template-builders.ts'

const assessedBy = department('本部门与其他关联部门')

export const seed002T14NewMediaZhongyi: Template = {
  code: 'seed-002-t14-new-media-zhongyi',
  name: '新媒体运营KPI考核表（岗位业绩与个人素质）',
  description: '新媒体运营月度考核：岗位业绩50分，个人素质与考勤50分，另有加分项；绩效工资按得分门槛发放。',
  source: {
    seed: '网络推广绩效KPI考核表合集',
    table: 'T14 新媒体运营KPI考核表',
    notes: [
      '岗位业绩50分：公司按岗位补充具体业绩指标前，由部门负责人按岗位业绩酌情给分；个人素质与考勤50分。',
      '本岗位综合评估情况酌情给分（0–8分）；考勤制度：迟到、早退、旷工、长期请假（特别情况除外）每次扣2分，扣完为止。',
      '加分项在100分之外："个人表现获得领导、同事表扬和认可"5分，个人可加分一次；"个人客户开发贡献"奖励加3分/次，最多10分。',
      '绩效工资：评分≥90分发放全额当月绩效工资；低于70分视为当月考核不合格，不发放；≥70分、<90分按得分的百分比乘以当月绩效工资。',
      '考核部门为本部门与其他关联部门；部门负责人、上级领导、本人签字确认。',
    ],
  },
  positions: ['新媒体运营'],
  period: 'monthly',
  dimensions: [
    dimension('job_results', '岗位业绩', 50, [
      kci({
        key: 'missing_rows',
        name: '岗位业绩（由公司按岗位补充具体指标）',
        definition: '在公司补充具体业绩指标前，由部门负责人按岗位业绩酌情给分（0–50分）。',
        maxPoints: 50,
        rule: discretionary(50),
        assessor: assessedBy,
      }),
    ]),
    dimension('personal', '个人素质与考勤', 50, [
      kci({
        key: 'brand_culture',
        name: '个人对品牌传播、企业文化意识',
        definition:
          '深刻认识品牌文化，熟懂仲易规则、董事长中心思想，能以是为仲易人为骄傲。违反扣1分/次。实际值：违反次数。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: 8,
        rule: deductEach(1),
        assessor: assessedBy,
      }),
      kci({
        key: 'teamwork_communication',
        name: '个人团队合作上下游沟通对接能力',
        definition:
          '保持上下级良好关系，能主动与他人合作沟通，无集团内部的同事投诉和举报。违反扣1.5分/次。实际值：违反次数。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: 8,
        rule: deductEach(1.5),
        assessor: assessedBy,
      }),
      kci({
        key: 'work_planning',
        name: '个人工作进度、工作计划表现能力',
        definition:
          '有效合理的规划个人月/周/日的工作计划性，合理把控工作进度，无拖拖拉拉工作表现。违反扣1分/次。实际值：违反次数。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: 8,
        rule: deductEach(1),
        assessor: assessedBy,
      }),
      kci({
        key: 'image_attitude_service',
        name: '个人形象、工作态度、服务意识',
        definition:
          '良好的个人形象和工作态度，成熟稳重，能合理释放个人情绪，服务意识强。违反扣1分/次。实际值：违反次数。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: 8,
        rule: deductEach(1),
        assessor: assessedBy,
      }),
      kci({
        key: 'overall_assessment',
        name: '本岗位综合评估情况',
        definition: '工作进度管理、知识文化储备、工作能力、敬业情况综合评估。酌情给分。',
        maxPoints: 8,
        rule: discretionary(8),
        assessor: assessedBy,
      }),
      kci({
        key: 'attendance',
        name: '考勤制度',
        definition:
          '无迟到、早退、旷工、长期请假（除特别情况外）等现象问题。每次扣2分，扣完为止。实际值：次数。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: 10,
        rule: deductEach(2),
        assessor: { rater: 'hr' },
        dataSource: metric('attendance_incidents'),
      }),
    ]),
  ],
  adjustments: [
    {
      key: 'praise',
      name: '个人表现获得领导、同事表扬和认可',
      kind: 'bonus',
      rule: { shape: 'bonus_per_occurrence', perOccurrence: 5, cap: 5 },
      cap: 5,
      assessor: assessedBy,
      dataSource: { kind: 'manual' },
    },
    {
      key: 'customer_development',
      name: '个人客户开发贡献',
      kind: 'bonus',
      rule: { shape: 'bonus_per_occurrence', perOccurrence: 3, cap: 10 },
      cap: 10,
      assessor: assessedBy,
      dataSource: { kind: 'manual' },
    },
  ],
  scoring: hundredPointScoring(),
}
