// 电商运营kpi考核方案 篇1 (003_dcdca70acc44d938.txt, seed-digest T21): targets are "X", weights an example.
import type { Template } from '../../templates/template.ts'
import { dimension, hundredPointScoring, measuredKpi, metric } from '../template-builders.ts'

export const seed003T21OperationsKpiPlan: Template = {
  code: 'seed-003-t21-operations-kpi-plan',
  name: '电商运营KPI考核方案',
  description: '电商运营团队：销售相关40、流量和转化率20、品牌和市场影响力20、客户服务和满意度20。',
  source: {
    seed: '电商运营KPI考核方案',
    table: 'T21 电商运营kpi考核方案 篇1',
    notes: [
      '所有目标值由公司在考核期开始时按人设定。',
      '权重：销售相关KPI占总分的40%，客户满意度和品牌影响力各占20%，流量和转化率KPI占20%。',
      '各维度内的分值：销售：月度销售额增长率15、客户订单量15、客单价10；流量：网站访问量7、独立访客数7、页面转化率6；品牌：社交媒体曝光度10、品牌关键词排名10；服务：客户满意度评分10、客户投诉处理率10。',
      '本表按 实际/目标 的比例计分，封顶满分；品牌关键词排名越小越好，按 目标名次/实际名次 计。',
      '奖励：个人绩效奖金、团队荣誉（最佳团队奖）、培训和发展。',
    ],
  },
  positions: ['电商运营'],
  period: 'monthly',
  dimensions: [
    dimension('sales', '销售相关KPI', 40, [
      measuredKpi('sales_growth', '月度销售额增长率', '目标设定为每月不低于X%的增长。', 15, {
        dataSource: metric('gmv_growth_rate'),
        unit: '%',
      }),
      measuredKpi('orders', '客户订单量', '每月达成不低于X笔订单。', 15, {
        dataSource: metric('orders'),
        unit: '笔',
      }),
      measuredKpi('aov', '客单价', '平均每位客户订单金额控制在X元以上。', 10, {
        dataSource: metric('aov'),
        unit: '元',
      }),
    ]),
    dimension('traffic', '流量和转化率KPI', 20, [
      measuredKpi('visits', '网站访问量', '每月达到X次访问。', 7, {
        dataSource: metric('visits'),
        unit: '次',
      }),
      measuredKpi('unique_visitors', '独立访客数', '每月新增不低于X位独立访客。', 7, {
        dataSource: metric('uv'),
        unit: '人',
      }),
      measuredKpi('page_conversion', '页面转化率', '每月不低于X%的页面访问转化率。', 6, {
        dataSource: metric('conversion_rate'),
        unit: '%',
      }),
    ]),
    dimension('brand', '品牌和市场影响力KPI', 20, [
      measuredKpi('social_exposure', '社交媒体曝光度', '每月通过社交平台获得不低于X次分享。', 10, {
        dataSource: metric('social_shares'),
        unit: '次',
      }),
      measuredKpi(
        'keyword_ranking',
        '品牌关键词排名',
        '关键词在搜索引擎上的排名控制在前X名内。实际值：名次。',
        10,
        { direction: 'lower_better', unit: '名' },
      ),
    ]),
    dimension('service', '客户服务和满意度KPI', 20, [
      measuredKpi('satisfaction_score', '客户满意度评分', '每月客户满意度调查评分不低于X分。', 10, {
        unit: '分',
      }),
      measuredKpi('complaint_handling', '客户投诉处理率', '每月处理率达到不低于X%的标准。', 10, {
        dataSource: metric('complaint_handling_rate'),
        unit: '%',
      }),
    ]),
  ],
  adjustments: [],
  scoring: hundredPointScoring(),
}
