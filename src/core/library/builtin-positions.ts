// Default template per seed role name (岗位), used for the demo company and for new companies. Where the seeds
// give one role several tables, `alternatives` lists the others; where they give none, the closest table is
// chosen and `note` says so.

export type BuiltinPosition = {
  /** The role name as the seeds write it (simplified Chinese). */
  name: string
  templateCode: string
  alternatives?: string[]
  note?: string
}

export const builtinPositions: BuiltinPosition[] = [
  {
    name: '电商部负责人',
    templateCode: 'seed-002-t9-ecommerce-head',
  },
  {
    name: '电商部经理',
    templateCode: 'seed-002-t9-ecommerce-head',
    note: '电商部经理（运营）使用电商部负责人考核表。',
  },
  {
    name: '运营经理',
    templateCode: 'seed-003-t22-operations-team',
    alternatives: ['seed-001-t1-operations-team', 'seed-003-t21-operations-kpi-plan'],
  },
  {
    name: '店长',
    templateCode: 'seed-003-t22-operations-team',
    alternatives: ['seed-001-t1-operations-team'],
    note: '店长使用运营经理、运营专员的考核表；工资制度为 1800（底薪）× 任务完成系数 + 团队绩效分成 + 奖惩。',
  },
  {
    name: '运营专员',
    templateCode: 'seed-003-t22-operations-team',
    alternatives: ['seed-003-t23-ops-specialist'],
  },
  {
    name: '电商运营专员',
    templateCode: 'seed-003-t23-ops-specialist',
    alternatives: ['seed-003-t22-operations-team'],
  },
  {
    name: '电商运营',
    templateCode: 'seed-003-t21-operations-kpi-plan',
    alternatives: [
      'seed-004-t25-operations-kpi-categories',
      'seed-003-t23-ops-specialist',
      'seed-001-t1-operations-team',
    ],
  },
  {
    name: '客服专员',
    templateCode: 'seed-000-customer-service',
    alternatives: [
      'seed-002-t6-customer-service-specialist',
      'seed-003-t23-customer-service',
      'seed-001-t2-customer-service-team',
    ],
    note: '客服专员按主管抽查75% + 自我鉴定25%考核，绩效系数决定底薪发放。',
  },
  {
    name: '客服',
    templateCode: 'seed-000-customer-service',
    alternatives: ['seed-003-t23-customer-service', 'seed-002-t6-customer-service-specialist'],
  },
  { name: '在线客服', templateCode: 'seed-000-customer-service' },
  {
    name: '客服人员',
    templateCode: 'seed-003-t23-customer-service',
    alternatives: ['seed-000-customer-service'],
  },
  { name: '客服团队', templateCode: 'seed-001-t2-customer-service-team' },
  { name: '电商运营团队', templateCode: 'seed-001-t1-operations-team' },
  { name: '市场推广团队', templateCode: 'seed-001-t3-marketing-team' },
  { name: '市场推广', templateCode: 'seed-001-t3-marketing-team', alternatives: ['seed-003-t23-promotion'] },
  { name: '物流售后团队', templateCode: 'seed-001-t4-logistics-after-sales-team' },
  {
    name: '发货',
    templateCode: 'seed-001-t4-logistics-after-sales-team',
    note: '发货岗位使用物流售后团队考核表。',
  },
  { name: '物流售后', templateCode: 'seed-001-t4-logistics-after-sales-team' },
  {
    name: '发货部主管',
    templateCode: 'seed-001-t4-logistics-after-sales-team',
    note: '发货部主管使用物流售后团队考核表。',
  },
  {
    name: '美工',
    templateCode: 'seed-002-t5-website-editor',
    note: '美工使用网站编辑考核表（网页制作、图片处理）。',
  },
  {
    name: '美工编辑',
    templateCode: 'seed-002-t5-website-editor',
    note: '美工编辑使用网站编辑考核表（网页制作、图片处理）。',
  },
  { name: '网站编辑', templateCode: 'seed-002-t5-website-editor' },
  { name: '活动专员', templateCode: 'seed-002-t7-event-specialist' },
  {
    name: '推广专员',
    templateCode: 'seed-002-t8-promotion-bd-specialist',
    alternatives: ['seed-003-t23-promotion'],
  },
  { name: 'BD专员', templateCode: 'seed-002-t8-promotion-bd-specialist' },
  {
    name: '推广人员',
    templateCode: 'seed-003-t23-promotion',
    alternatives: ['seed-002-t8-promotion-bd-specialist'],
  },
  {
    name: '网络推广',
    templateCode: 'seed-002-t12-online-promotion',
    alternatives: ['seed-002-t13-online-promotion'],
  },
  {
    name: '网管',
    templateCode: 'seed-002-t11-network-admin',
    alternatives: ['seed-002-t10-network-admin-monthly'],
  },
  {
    name: '网络管理员',
    templateCode: 'seed-002-t11-network-admin',
    alternatives: ['seed-002-t10-network-admin-monthly'],
    note: '网络管理员使用网管考核表；网络管理员月度考核表（偏财务与门店数据职责）可作备选。',
  },
  {
    name: '新媒体运营',
    templateCode: 'seed-002-t14-new-media-zhongyi',
    alternatives: ['seed-002-t15-new-media-department', 'seed-002-t18b-new-media-kpi'],
  },
  {
    name: '微信运营编辑',
    templateCode: 'seed-002-t18a-wechat-operations',
    alternatives: ['seed-002-t14-new-media-zhongyi'],
  },
  { name: '新媒体运营部', templateCode: 'seed-002-t15-new-media-department' },
  { name: '短视频运营', templateCode: 'seed-002-t16-short-video' },
  { name: '短视频运营部', templateCode: 'seed-002-t16-short-video' },
  {
    name: '主播',
    templateCode: 'seed-002-t17c-live-sales',
    alternatives: ['seed-002-t17a-live-salesperson', 'seed-002-t17b-live-promoter'],
    note: '主播使用电商直播销售员考核表。',
  },
  { name: '直播推销员', templateCode: 'seed-002-t17a-live-salesperson' },
  { name: '直播推广员', templateCode: 'seed-002-t17b-live-promoter' },
  { name: '直播销售员', templateCode: 'seed-002-t17c-live-sales' },
  { name: '抖店运营', templateCode: 'seed-002-t19-douyin-shop' },
  { name: '电商运营经理', templateCode: 'seed-000-t24-operations-manager' },
  { name: '销售', templateCode: 'seed-000-t24-sales' },
  {
    name: '运营岗位',
    templateCode: 'seed-000-t24-operations',
    alternatives: ['seed-003-t23-ops-specialist'],
  },
  {
    name: '市场推广岗位',
    templateCode: 'seed-000-t24-marketing',
    alternatives: ['seed-001-t3-marketing-team'],
  },
]

/** Position name → default template code (what installBuiltinTemplates links by name). */
export const builtinPositionTemplates: Record<string, string> = Object.fromEntries(
  builtinPositions.map((position) => [position.name, position.templateCode]),
)
