// 电商运营kpi考核方案 篇4 (003_dcdca70acc44d938.txt, seed-digest T23): KPI sets for three roles, no weights or targets.
import type { Template } from '../../templates/template.ts'
import {
  deductEach,
  dimension,
  fixedTarget,
  hundredPointScoring,
  kpi,
  measuredKpi,
  metric,
} from '../template-builders.ts'

const seed = '电商运营KPI考核方案'
const process =
  '考核流程：月度考核在每月结束后三个工作日内完成，内容包括岗位职责、工作表现、工作能力等；由直接上级负责具体考核，人力资源部负责监督、培训和存档。'

export const seed003T23OpsSpecialist: Template = {
  code: 'seed-003-t23-ops-specialist',
  name: '电商运营专员KPI考核',
  description: '电商运营专员：PV量、PV/UV、成交人数、订单转换率、成交额GMV、平均停留时长、客单价。',
  source: {
    seed,
    table: 'T23 电商运营kpi考核方案 篇4 · 电商运营专员',
    notes: [
      `权重：成交额GMV 25、订单转换率15、成交人数15、客单价15、PV量10、PV/UV 10、平均停留时长10，均按 实际/目标 比例计分，目标按人约定。`,
      '客单价按指标目录中的客单价取数（口径由指标目录配置）。',
      process,
    ],
  },
  positions: ['电商运营专员', '运营专员'],
  period: 'monthly',
  dimensions: [
    dimension('indicators', 'KPI指标', 100, [
      measuredKpi('gmv', '成交额GMV', '单位时间内的销售额，核心KPI指标。', 25, {
        dataSource: metric('gmv'),
        unit: '元',
      }),
      measuredKpi('order_conversion', '订单转换率', '成交人数/UV，考核运营整体水平和推广质量。', 15, {
        dataSource: metric('conversion_rate'),
        unit: '%',
      }),
      measuredKpi('buyers', '成交人数', '实际购买人数。', 15, { dataSource: metric('buyers'), unit: '人' }),
      measuredKpi('aov', '客单价', '每独立访客的平均成交额，受商品组合、价格等因素影响。', 15, {
        dataSource: metric('aov'),
        unit: '元',
      }),
      measuredKpi('pv', 'PV量', '反映网店整体表现，包括页面视觉体验、关联度等。', 10, {
        dataSource: metric('pv'),
        unit: '次',
      }),
      measuredKpi('pv_per_uv', 'PV量/UV量', '人均访问页面量，反映顾客粘度和商品吸引力。', 10, {
        dataSource: metric('pv_per_uv'),
      }),
      measuredKpi('avg_time_on_page', '平均停留时长', '反映页面布局、内容等状况。', 10, {
        dataSource: metric('avg_time_on_page_seconds'),
        unit: '秒',
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed003T23Promotion: Template = {
  code: 'seed-003-t23-promotion',
  name: '推广人员KPI考核',
  description: '推广人员：UV量、到达率、跳出率、UV平均获取成本、订单转换ROI。',
  source: {
    seed,
    table: 'T23 电商运营kpi考核方案 篇4 · 推广人员',
    notes: [
      `权重：UV量25、订单转换ROI 25、UV平均获取成本20、跳出率15、到达率15，均按 实际/目标 比例计分（跳出率与获取成本越低越好，按 目标/实际）。`,
      '订单转换ROI按每订单推广成本计，越低越好。',
      process,
    ],
  },
  positions: ['推广人员', '推广专员'],
  period: 'monthly',
  dimensions: [
    dimension('indicators', 'KPI指标', 100, [
      measuredKpi('uv', 'UV量', '独立访客数量，反映推广效果。', 25, {
        dataSource: metric('promotion_uv'),
        unit: '人',
      }),
      measuredKpi('cost_per_order', '订单转换ROI', '每订单成本，评估费用使用有效性（越低越好）。', 25, {
        dataSource: metric('cost_per_order'),
        direction: 'lower_better',
        unit: '元/单',
      }),
      measuredKpi('cost_per_uv', 'UV平均获取成本', '单位UV投入费用，评定推广费用投入水平（越低越好）。', 20, {
        dataSource: metric('cost_per_uv'),
        direction: 'lower_better',
        unit: '元',
      }),
      measuredKpi('bounce_rate', '跳出率', '单页面跳出UV比例，评估推广路径和访客质量（越低越好）。', 15, {
        dataSource: metric('bounce_rate'),
        direction: 'lower_better',
        unit: '%',
      }),
      measuredKpi('reach_rate', '到达率', '广告效果评估，反映曝光水平和投放准确性。', 15, {
        dataSource: metric('reach_rate'),
        unit: '%',
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}

export const seed003T23CustomerService: Template = {
  code: 'seed-003-t23-customer-service',
  name: '客服人员KPI考核',
  description:
    '客服人员：及时响应时间、服务态度（违规用语次数）、咨询转换率、成交额转换率、退货率/换货率/退款率。',
  source: {
    seed,
    table: 'T23 电商运营kpi考核方案 篇4 · 客服人员',
    notes: [
      `权重：咨询转换率25、及时响应时间20、成交额转换率20、服务态度15、退货率7、换货率7、退款率6（合计20）。`,
      '服务态度以违规用语次数衡量，每次扣5分，扣完为止。',
      '成交额转换率 = 个人成交金额/平均成交金额，目标1（即达到平均水平）得满分。',
      '其余指标按 实际/目标 比例计分，响应时间与退换货率越低越好（目标/实际）。',
      process,
    ],
  },
  positions: ['客服人员'],
  period: 'monthly',
  dimensions: [
    dimension('indicators', 'KPI指标', 100, [
      measuredKpi('inquiry_conversion', '咨询转换率', '成功付款UV数/接待总UV数。', 25, {
        dataSource: metric('inquiry_conversion_rate'),
        unit: '%',
      }),
      measuredKpi('response_time', '及时响应时间', '顾客咨询时的响应时间（越短越好）。', 20, {
        dataSource: metric('avg_response_seconds'),
        direction: 'lower_better',
        unit: '秒',
      }),
      kpi({
        key: 'sales_share',
        name: '成交额转换率',
        definition: '个人成交金额/平均成交金额。目标1（达到客服平均成交金额）得满分，低于平均按比例计分。',
        maxPoints: 20,
        target: fixedTarget(1),
        rule: { shape: 'ratio_to_target', capRatio: 1 },
        dataSource: metric('cs_sales_vs_average'),
      }),
      kpi({
        key: 'service_attitude',
        name: '服务态度',
        definition: '违规用语次数，每次扣5分，扣完为止。',
        unit: '次',
        direction: 'lower_better',
        maxPoints: 15,
        target: fixedTarget(0),
        rule: deductEach(5),
      }),
      measuredKpi('return_rate', '退货率', '评估客服服务质量和商品描述准确性（越低越好）。', 7, {
        dataSource: metric('return_rate'),
        direction: 'lower_better',
        unit: '%',
      }),
      measuredKpi('exchange_rate', '换货率', '评估客服服务质量和商品描述准确性（越低越好）。', 7, {
        dataSource: metric('exchange_rate'),
        direction: 'lower_better',
        unit: '%',
      }),
      measuredKpi('refund_rate', '退款率', '评估客服服务质量和商品描述准确性（越低越好）。', 6, {
        dataSource: metric('refund_rate'),
        direction: 'lower_better',
        unit: '%',
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
