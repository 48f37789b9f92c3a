// The seed pay systems (工资制度) as built-in schemes, each linked to the templates and roles it applies to.
// Amounts the seed leaves open are marked defaults (默认值（种子未给出）) in `notes`, like the templates.
import {
  baseTimesScorePayScheme,
  customerServicePayScheme,
  type PayScheme,
  storeManagerPayScheme,
  thresholdGatedPayScheme,
} from '../pay/pay-scheme.ts'

export type BuiltinPayScheme = {
  scheme: PayScheme
  source: { seed: string; where: string }
  /** Templates whose total feeds this scheme's score. */
  templateCodes: string[]
  positions: string[]
  notes: string[]
}

export const builtinPaySchemes: BuiltinPayScheme[] = [
  {
    scheme: customerServicePayScheme(),
    source: { seed: '电商各岗位KPI绩效考核表及工作职责', where: '客服专员岗位说明书 · 工资制度 / 绩效制度' },
    templateCodes: ['seed-000-customer-service'],
    positions: ['客服专员', '客服', '在线客服'],
    notes: [
      '工资制度：500（底薪）×绩效系数 + 销售提成2% + 中评修改个数×10 + 差评修改个数×20 + 奖惩；销售提成与中评修改为两项。',
      '销售提成2%按客服本人的成交额计。',
      '绩效系数：<65分 0.5；≥65分 1.0；≥80分 1.2；≥95分 1.5。',
    ],
  },
  {
    scheme: storeManagerPayScheme({ teamShare: { kind: 'rate', rate: '0.01', input: 'team_sales' } }),
    source: { seed: '电商各岗位KPI绩效考核表及工作职责', where: '岗位说明书：店长 · 工资制度' },
    templateCodes: ['seed-003-t22-operations-team'],
    positions: ['店长'],
    notes: [
      '工资制度：1800（底薪）×任务完成系数 + 团队绩效分成 + 奖惩。',
      '任务完成系数取考核得分对应的绩效系数档。',
      `本方案按团队销售额的1%计团队绩效分成。`,
    ],
  },
  {
    scheme: thresholdGatedPayScheme({ performancePay: '1000' }),
    source: { seed: '网络推广绩效KPI考核表合集', where: 'T14 新媒体运营KPI考核表 · 表下说明' },
    templateCodes: ['seed-002-t14-new-media-zhongyi'],
    positions: ['新媒体运营'],
    notes: [
      '评分≥90分发放全额当月绩效工资；低于70分视为当月考核不合格，不发放；≥70分、<90分按得分的百分比乘以当月绩效工资。',
      '当月绩效工资默认1000元，按人设置。',
    ],
  },
  {
    scheme: baseTimesScorePayScheme({ base: '1000' }),
    source: { seed: '网络推广绩效KPI考核表合集', where: 'T15 新媒体运营部KPI绩效考核 · 备注' },
    templateCodes: ['seed-002-t15-new-media-department'],
    positions: ['新媒体运营部'],
    notes: [
      '绩效基数×绩效分值 = 应发绩效金额。',
      '绩效分值按百分比（得分/100）计；绩效基数默认1000元，按人设置。',
    ],
  },
]
