// The job description (岗位说明书) of every position the built-in library names, taken from the seed texts
// (seed-digest §1: 000 for 运营经理, 店长, 电商部经理（运营）, 电商运营经理, 销售, 运营岗位, 市场推广岗位, 客服; 002 for
// the roles whose duties its appraisal tables list; 001 for the teams; 003/004 for 电商运营). Where a seed only
// lists a role's appraisal items, the duties are those items; where it says little, the description says little.

/** The same shape as the position's job description on the wire (contracts/organisation.ts). */
export type BuiltinJobDescription = {
  summary?: string // 岗位概述
  subordinatePositions?: string[] // 下属岗位
  internalCollaboration?: string[] // 内部协作
  externalCollaboration?: string[] // 外部协作
  duties: { title: string; items: string[] }[] // 岗位职责
  workingHours?: string // 工作时间
  paySystem?: string // 薪酬制度
}

const storePlanning = {
  title: '负责网店整体规划、营销、推广、客户关系管理等系统经营性工作',
  items: [
    '负责网店日常改版策划、上架、推广、销售、售后服务等经营与管理工作',
    '负责网店日常维护，保证网店的正常运作，优化店铺及商品排名',
    '负责执行与配合公司相关营销活动，策划店铺促销方案',
    '负责收集市场和行业信息，提供有效应对方案',
    '客户关系维护，处理相关客户投诉及纠纷问题',
  ],
}

const repeatCustomers = (feedbackTo: string) => ({
  title: '负责老客户关系维护，促进重复购买机率',
  items: [
    '建立老顾客群、帮派、掌柜说等与客户互动的SNS',
    '整理出不同级别的老顾客，对不同级别的顾客做出相应的维护',
    `整理和分析客户关系处理中的问题和改善方法，提出有效意见反馈到${feedbackTo}（可用会员关系管理软件以及表格）`,
    '针对店里贵宾顾客做不定期的回访',
    '逢营销活动或节日（生日）向老顾客发短信或电话祝贺、通知（可用软件或让售前、售后去做）',
    '每周统计老顾客同比增长数据，并做出调整与相应对策',
  ],
})

const coordinateStaff = (feedbackTo: string) => ({
  title: '负责整个店铺经营状态，协调和管理各岗位人员',
  items: [
    '每天不定时观察店铺数据，量子、直通车、钻展的消耗，做出适当的调整与对策',
    '监督并指导客服岗位工作行为',
    '配合并指导美工优化店铺形象、广告图制作',
    `整理和分析快递与发货部的交接问题，提出有效意见反馈到${feedbackTo}`,
  ],
})

const customerService: BuiltinJobDescription = {
  summary: '负责解决顾客问题和投诉，解答咨询，收集反馈并改进服务质量。',
  externalCollaboration: ['外部客户'],
  duties: [
    {
      title: '客户服务',
      items: ['负责解决顾客问题和投诉', '回答顾客的咨询和疑问', '收集顾客反馈，改进服务质量'],
    },
    {
      title: '客户维护',
      items: [
        '优质完成客户回访、问答',
        '维护线上客服工具（QQ群、客服邮箱等）并受理信息',
        '完善客户资料并归档、分类整理',
      ],
    },
    {
      title: '考核方式',
      items: ['主管每个星期随机抽取若干客户进行考察打分，占75%；月底客服进行自我鉴定，占25%'],
    },
  ],
  workingHours: '早上9:30到晚上12:00，两班轮换：早班9:30–16:30，晚班16:30–24:00',
  paySystem: '500（底薪）× 绩效系数 + 销售提成2% + 中评修改个数 × 10 + 差评修改个数 × 20 + 奖惩',
}

const operationsManager: BuiltinJobDescription = {
  summary: '制定团队目标与计划，并协调各岗位完成目标。',
  subordinatePositions: ['整个电商部'],
  internalCollaboration: ['整个电商部门'],
  externalCollaboration: ['外部客户'],
  duties: [
    {
      title: '制定本店年度目标，并且分层为季、月计划',
      items: [
        '制定年度销售目标，并制定季度销售计划（计划落实到每月，并制定安排计划）',
        '针对目标列出实施方案，落实到每月',
        '明确当月目标与计划实施过程中所遇到的问题，提前做出应对（如货源、资金周转、其他硬件设施）',
      ],
    },
    storePlanning,
    coordinateStaff('各部门'),
    repeatCustomers('公司客服部'),
    { title: '附加职责', items: ['视情况补位人员短缺（如客服请假、客服下班、其他因素）'] },
  ],
}

const storeManager: BuiltinJobDescription = {
  summary: '制定团队目标与计划，并协调各岗位完成目标。',
  subordinatePositions: ['营销部专员'],
  internalCollaboration: ['发货部', '营销部'],
  externalCollaboration: ['外部客户'],
  duties: [
    {
      title: '制定本店季度目标，并且分层为月、周、日计划',
      items: [
        '制定月销售目标，并制定月销售计划（计划落实到每周、每天并制定安排计划）',
        '针对目标列出实施方案，落实到每周每天',
        '明确当月目标与计划实施过程中所遇到的问题，提前做出应对（如货源、资金周转、其他硬件设施）',
      ],
    },
    storePlanning,
    coordinateStaff('客服部主管'),
    repeatCustomers('客服部主管'),
    {
      title: '附加职责',
      items: [
        '视情况补位人员短缺（如客服请假、客服下班、其他因素）',
        '每个星期随机抽取若干客户对客服进行考察打分，占75%；月底客服进行自我鉴定，占25%',
      ],
    },
  ],
  workingHours: '自己分配',
  paySystem: '1800（底薪）× 任务完成系数 + 团队绩效分成 + 奖惩',
}

const ecommerceDepartmentManager: BuiltinJobDescription = {
  summary:
    '受总经理委托，行使对产品网络销售及管理的整体把控、审核权和对线上市场销售信息的搜集和分析；对电商部工作职责履行和工作任务完成情况负主要责任。',
  subordinatePositions: ['推广', '美工', '在线客服'],
  duties: [
    {
      title: '网店规划与营销',
      items: [
        '了解线上产品趋势，及时做好网店的整体布局与规划，以增加店铺的竞争力',
        '根据年度、季度和月度的销售计划制定相应的营销策划方案及推广方案，并细化工作，以量化绩效指标执行',
        '负责网店改版、上架、下架、销售、售后的管理方案',
        '负责网店日常维护，优化店铺与商品排名',
        '负责站内流量分析，制定主推款与滞销款处理方案',
        '负责官网的维护与修改',
      ],
    },
    {
      title: '客户关系管理',
      items: [
        '制定并完善客户关系管理及相关服务工作要求',
        '建立老顾客群、帮派、掌柜说等与客户互动的SNS',
        '整理分类不同级别的老顾客，并做出相应的维护',
        '分析客户关系处理中的问题，提出有效改善意见',
        '对店里贵宾顾客做不定期的回访，逢营销活动或节日向老顾客发以祝福',
        '实时监督老顾客同比增长数据',
      ],
    },
    {
      title: '部门管理',
      items: [
        '负责协调部门内外的关系',
        '对电商部门全盘运营结果负责',
        '负责物流准时准确发货',
        '完成上级交代的其他突发事项',
      ],
    },
  ],
}

const ecommerceHead: BuiltinJobDescription = {
  externalCollaboration: ['办事处', '经销商', '代理商'],
  duties: [
    {
      title: '销售与引流',
      items: [
        '每月完成及配合办事处做好客户引流，完成10万以上的销售任务',
        '电商平台客户浏览量每月10000次以上',
      ],
    },
    {
      title: '渠道与平台管理',
      items: [
        '完成对申请开网店的各个办事处、经销商电商平台的备案、授权及《网络销售代理协议》文件的签署',
        '做好公司电商平台与办事处、代理商电商平台的规范管理工作，做到每周全面检查一次，发现问题立即处理',
        '发现假冒本公司品牌、产品和专利的店铺并投诉',
      ],
    },
    { title: '新品', items: ['做好新产品的策划、推广与售后服务工作'] },
    {
      title: '团队',
      items: [
        '做好本部门员工稳定工作，老员工流失率≤10%',
        '工作积极配合，遵章守纪，服从调度，协助完成公司阶段性目标任务',
      ],
    },
  ],
}

const ecommerceOperationsManager: BuiltinJobDescription = {
  duties: [
    {
      title: '电商运营管理',
      items: [
        '负责制定和执行电商运营战略，确保达到销售和利润目标',
        '监控和分析竞争对手的市场活动和策略，并提出相应的改进方案',
        '管理电商平台的日常运营，包括商品上架、促销活动、价格设置等',
        '确保商品信息准确完整，维护良好的产品资料库',
      ],
    },
    {
      title: '线上推广',
      items: [
        '策划并执行电商平台的线上推广活动，提高品牌知名度和产品曝光度',
        '追踪并分析线上推广效果，优化推广渠道和方式',
        '制定并监控电商平台的广告预算，确保投入效益最大化',
        '协调和管理与市场部门、推广团队的合作，确保推广目标的实现',
      ],
    },
    {
      title: '客户关系管理',
      items: [
        '负责电商平台的客户关系管理，提供优质的售前和售后服务',
        '监控客户反馈并及时处理投诉和纠纷，维护良好的客户关系',
        '分析客户行为和需求，提供改进产品和服务的建议',
      ],
    },
    {
      title: '销售数据分析',
      items: [
        '收集、分析和解读电商平台的销售数据和用户行为数据',
        '利用数据分析结果制定销售策略和改进方案',
        '监控销售指标，提出销售增长的推动措施',
      ],
    },
  ],
}

const sales: BuiltinJobDescription = {
  summary: '负责推广和销售企业的产品或服务，了解客户需求并积极解答客户疑问。',
  internalCollaboration: ['市场部', '采购部', '客服部'],
  duties: [
    {
      title: '客户开发和关系维护',
      items: [
        '积极主动地寻找新客户，建立并维护良好的客户关系',
        '与客户保持联系，了解他们的需求，并提供专业的解决方案',
        '开拓新客户，维护老客户关系',
      ],
    },
    {
      title: '销售任务完成',
      items: [
        '达到或超过公司设定的销售目标',
        '积极推销产品和服务，寻找销售机会，并负责完成销售合同的签订',
        '提供客户咨询和售后服务',
      ],
    },
    {
      title: '与其他部门的协调',
      items: ['与市场部、采购部和客服部等部门密切合作，共同解决和处理客户的问题和反馈'],
    },
  ],
}

const operationsRole: BuiltinJobDescription = {
  duties: [
    {
      title: '运营',
      items: ['管理网站内容，更新并优化产品信息', '进行数据分析，制定运营策略', '处理订单、物流和售后问题'],
    },
  ],
}

const marketing: BuiltinJobDescription = {
  summary: '负责制定和执行企业的市场营销和推广策略。',
  duties: [
    {
      title: '市场分析和策略制定',
      items: ['对市场进行调研和数据分析，了解消费者需求和竞争对手情况，制定相应的市场推广策略'],
    },
    {
      title: '广告宣传和促销活动',
      items: [
        '制定广告宣传计划并协调执行，在线上和线下渠道组织促销活动',
        '评估和监督推广活动的效果',
        '制定市场推广方案，策划推广活动；监测广告效果，优化推广投放',
      ],
    },
    {
      title: '市场监测和竞争情报搜集',
      items: ['及时监测市场动态，分析竞争对手的策略和行动', '对市场变化做出及时反应，并提出调整策略的建议'],
    },
  ],
}

const ecommerceOperations: BuiltinJobDescription = {
  summary: '围绕提升店铺流量、转化率和复购率开展运营工作。',
  duties: [
    {
      title: '店铺策略制定',
      items: [
        '制定年度、季度、月度电商运营策略与计划，结合市场变化调整运营方向',
        '结合产品特点与目标客户群，规划商品布局与定价策略',
        '设定关键业绩指标，明确目标达成路径',
      ],
    },
    {
      title: '商品管理与优化',
      items: [
        '负责商品上下架管理，确保商品信息的准确性与时效性',
        '持续监控商品销售表现，调整商品组合，优化库存结构',
        '推动商品差异化竞争策略，提升商品竞争力',
      ],
    },
    {
      title: '内容策划与优化',
      items: [
        '负责店铺首页、商品详情页、活动页等内容的策划与优化',
        '结合节日、热点事件策划促销活动，提升用户体验和转化率',
        '制作丰富的商品图片、视频和文案，增强商品吸引力',
      ],
    },
    {
      title: '流量获取与推广',
      items: [
        '执行站内外流量引入策略，包括搜索引擎优化、付费广告、社交媒体推广、内容营销等',
        '监控广告投放效果，优化投放策略，提高广告投资回报率',
        '开展合作推广，如KOL、网红合作，扩大品牌影响',
      ],
    },
    {
      title: '客户服务与关系维护',
      items: [
        '负责售前咨询、售后服务，快速响应客户需求',
        '通过会员体系、优惠券、积分等手段提升客户粘性',
        '收集客户反馈，持续改善服务质量',
      ],
    },
    {
      title: '数据分析与报告',
      items: [
        '利用数据分析工具监控运营效果，及时发现问题',
        '生成日、周、月度运营报告，为决策提供依据',
        '根据数据分析结果调整运营策略，提升业绩',
      ],
    },
    {
      title: '竞品与市场调研',
      items: [
        '关注行业动态，分析竞争对手策略',
        '结合市场趋势，优化产品与营销方案',
        '调研用户需求变化，提前布局未来市场',
      ],
    },
    {
      title: '促销活动策划与执行',
      items: [
        '负责平台大促、节日促销、店庆等活动的策划方案制定',
        '协调内部资源，确保活动顺利落地',
        '评估促销效果，形成总结报告，为下一次活动提供经验',
      ],
    },
  ],
}

const websiteEditor: BuiltinJobDescription = {
  duties: [
    {
      title: '网站内容',
      items: [
        '转载文章：转载其他网站内容',
        '专题策划：策划、制作专题内容',
        '网页制作：使用工具制作网页',
        '图片处理：使用工具处理图片',
        '软文编写',
        '文档排版：公司其他文档编排',
        '站内交互式回复',
      ],
    },
    { title: '线上推广', items: ['线上推广执行：博客、口碑推广等', '线上活动策划：吸引访问的线上活动'] },
  ],
}

const artEditor: BuiltinJobDescription = {
  duties: [
    {
      title: '店铺视觉',
      items: ['在运营经理、店长指导下优化店铺形象，制作广告图', '网店装修、改版，图片拍摄与平面处理'],
    },
  ],
}

const eventSpecialist: BuiltinJobDescription = {
  duties: [
    {
      title: '活动',
      items: [
        '会员活动策划执行',
        '按要求策划活动并提交方案，成功组织实施活动',
        '根据活动要求洽谈活动合作',
        '完善活动参与资料并归档、分类整理',
      ],
    },
    {
      title: '合作与推广',
      items: [
        '与合作伙伴等沟通交流',
        '商务文档编写',
        '潜在合作挖掘',
        '按时按量执行线上推广（友情链接、合作等）',
      ],
    },
  ],
}

const promotionBd: BuiltinJobDescription = {
  duties: [
    {
      title: '网站合作',
      items: [
        '按要求洽谈网站基础合作（友情链接、广告互换等）',
        '按要求洽谈网站战略合作（频道互换、商务合作等）',
        '按时提交所需商务文档',
        '完善合作伙伴资料并归档、分类整理',
      ],
    },
    {
      title: '网站推广',
      items: [
        '制定网站推广计划并按量执行，协调其他同事实施',
        '合作伙伴沟通交流',
        '合作计划制定',
        '潜在合作挖掘',
      ],
    },
  ],
}

const onlinePromotion: BuiltinJobDescription = {
  duties: [
    {
      title: '网站推广',
      items: [
        '提升网站独立访客数',
        '提高搜索引擎覆盖',
        '每日在公司项目网站采集并发布新闻，不低于20篇',
        '推广发帖量不低于500，与公司品牌、产品相关；完成100个知道问答发布',
        '在问答类平台发布问答，做到简明而通俗易懂',
        '在人气聚集的论坛发布与行业相关的帖子，每天5条，能附带网址链接最好',
      ],
    },
    {
      title: '社交媒体',
      items: ['运营新浪、腾讯微博，保证粉丝与内容的每周增长', '微信公众帐号粉丝增长'],
    },
    {
      title: '网站维护',
      items: ['保证网站内容无差错，稳定运营', '网站优化持续良好', '完成领导临时交代的任务'],
    },
  ],
}

const networkAdmin: BuiltinJobDescription = {
  duties: [
    {
      title: '网络调试',
      items: ['维护网络硬件、配置管理软件、监控网络设备', '保障网络安全，防范网络攻击'],
    },
    {
      title: '硬件维护',
      items: ['电脑故障处理与基本配置', '上网行为管理', '视频会议设备故障处理'],
    },
    {
      title: '办公设备',
      items: ['打印机、传真机、复印机的安装、配置、耗材更换（硒鼓、碳粉、色带）与维修'],
    },
    {
      title: '邮件与网站',
      items: ['保证邮件安全收发，不丢失邮件', '更新网站上的产品资料与产品目录'],
    },
    { title: '其他', items: ['保持良好的服务态度，完成临时交办的工作'] },
  ],
}

const networkAdminMonthly: BuiltinJobDescription = {
  duties: [
    {
      title: '财务与数据',
      items: [
        '跟进品牌月度销售计划的完成',
        '每月核对进销存汇总表，做到账账相符',
        '核实盘点数据，做到账实相符',
        '录入各门店每日销售与调拨数据',
      ],
    },
    { title: '设备维护', items: ['电脑软件、硬件与网络的维修'] },
    { title: '工作计划', items: ['完成月度工作计划，保持员工满意度'] },
  ],
}

const newMedia: BuiltinJobDescription = {
  summary: '以互动、服务、为客户创造价值为原则，运营公司新媒体账号。',
  duties: [
    {
      title: '粉丝与内容',
      items: [
        '增加精准粉丝，控制取消关注',
        '内容传播，将粉丝转化为客户',
        '品牌传播与品牌计划执行（软文、视频素材投放）',
      ],
    },
    {
      title: '活动与渠道',
      items: ['结合微信指数策划活动', '渠道开拓', '为平台移动端带来流量'],
    },
  ],
}

const newMediaDepartment: BuiltinJobDescription = {
  duties: newMedia.duties,
  paySystem: '绩效基数 × 绩效分值 = 应发绩效金额',
}

const shortVideo: BuiltinJobDescription = {
  duties: [
    {
      title: '短视频制作与发布',
      items: ['按量制作并发布短视频', '提升播放量、点赞数、评论数与粉丝增长'],
    },
    {
      title: '线索转化',
      items: ['处理私信', '获取400电话线索与官网链接有效报名'],
    },
    { title: '报告', items: ['按时提交日报、周报、月报'] },
  ],
}

const liveDuties = (extra: string[]): BuiltinJobDescription => ({
  duties: [
    {
      title: '直播销售',
      items: [
        '通过直播销售商品，完成销售业绩',
        '吸引观众观看并与观众互动（评论、点赞、购买）',
        '保证直播时长',
        ...extra,
      ],
    },
  ],
})

const douyinShop: BuiltinJobDescription = {
  duties: [
    {
      title: '抖店运营',
      items: ['抖音视频发布与推广', '抖音直播运营', '粉丝运营', '内容创作和营销推广', '完成销售业绩'],
    },
  ],
}

const promotionStaff: BuiltinJobDescription = {
  duties: [
    {
      title: '推广',
      items: [
        '提升访客数（UV）与到达率，降低跳出率',
        '控制每个访客的平均获取成本',
        '提高订单转换的投资回报率',
      ],
    },
  ],
}

// The teams of seed 001 are described only by what they are appraised on; their duties are those items.
const teamScope = '适用于团队中的新进和资深员工。'

const operationsTeam: BuiltinJobDescription = {
  summary: teamScope,
  duties: [
    { title: '业绩', items: ['销售额', '毛利率', '新客户获取数量'] },
    { title: '运营', items: ['店铺流量', '转化率', '库存周转率', '活动策划与执行效果'] },
    { title: '团队协作与沟通', items: ['与其他部门的协作配合', '内部团队沟通'] },
    { title: '学习与成长', items: ['行业知识学习与应用', '个人技能提升'] },
  ],
}

const customerServiceTeam: BuiltinJobDescription = {
  summary: teamScope,
  duties: [
    { title: '服务质量', items: ['客户满意度', '降低投诉率', '缩短响应时间'] },
    { title: '销售', items: ['引导购买', '追加销售'] },
    { title: '团队协作与沟通', items: ['与运营、售后等部门的协作配合', '内部团队沟通与经验分享'] },
    { title: '学习与成长', items: ['产品知识', '服务技巧提升', '行业新规学习'] },
  ],
}

const marketingTeam: BuiltinJobDescription = {
  summary: teamScope,
  duties: [
    { title: '推广效果', items: ['品牌曝光量', '流量引入量', '营销活动转化率'] },
    { title: '创意与策划', items: ['推广创意', '活动策划的完整性与可行性'] },
    { title: '团队协作与沟通', items: ['与运营、客服等部门的协作配合', '内部团队沟通与资源整合'] },
    { title: '学习与成长', items: ['市场趋势把握', '新推广渠道与技术应用', '数据分析能力提升'] },
  ],
}

const logisticsTeam: BuiltinJobDescription = {
  summary: teamScope,
  duties: [
    { title: '物流配送', items: ['及时发货', '准确配送', '物流成本控制'] },
    { title: '售后服务', items: ['及时处理退换货', '解决售后问题', '客户回访'] },
    { title: '团队协作与沟通', items: ['与运营、客服等部门的协作配合', '内部团队沟通与流程优化'] },
    { title: '学习与成长', items: ['物流与售后政策法规学习', '服务流程优化与创新'] },
  ],
}

/** Position name (as the library names it) → its job description. */
export const builtinJobDescriptions: Readonly<Record<string, BuiltinJobDescription>> = {
  电商部负责人: ecommerceHead,
  电商部经理: ecommerceDepartmentManager,
  运营经理: operationsManager,
  店长: storeManager,
  运营专员: operationsRole,
  电商运营专员: operationsRole,
  电商运营: ecommerceOperations,
  客服专员: customerService,
  客服: customerService,
  在线客服: customerService,
  客服人员: customerService,
  客服团队: customerServiceTeam,
  电商运营团队: operationsTeam,
  市场推广团队: marketingTeam,
  市场推广: marketing,
  物流售后团队: logisticsTeam,
  发货: { duties: [{ title: '发货', items: ['及时发货', '准确配送', '物流准时准确的发货'] }] },
  物流售后: logisticsTeam,
  发货部主管: {
    duties: [
      { title: '发货', items: ['负责物流准时准确的发货', '物流成本控制'] },
      { title: '协作', items: ['与店长、营销部协作，处理快递与发货部的交接问题'] },
    ],
  },
  美工: artEditor,
  美工编辑: artEditor,
  网站编辑: websiteEditor,
  活动专员: eventSpecialist,
  推广专员: promotionBd,
  BD专员: promotionBd,
  推广人员: promotionStaff,
  网络推广: onlinePromotion,
  网管: networkAdmin,
  网络管理员: networkAdminMonthly,
  新媒体运营: newMedia,
  微信运营编辑: newMedia,
  新媒体运营部: newMediaDepartment,
  短视频运营: shortVideo,
  短视频运营部: shortVideo,
  主播: liveDuties(['客户维护', '节目创新']),
  直播推销员: liveDuties(['开发新客户', '老客户的维护与跟进']),
  直播推广员: liveDuties(['开发新客户', '节目创新']),
  直播销售员: liveDuties([
    '开发新客户，提高客户留存',
    '招商',
    '保证文案质量',
    '提高售后满意度',
    '配合团队完成团队销售',
  ]),
  抖店运营: douyinShop,
  电商运营经理: ecommerceOperationsManager,
  销售: sales,
  运营岗位: operationsRole,
  市场推广岗位: marketing,
}

/** The library's job description for a position name, when the library knows that role. */
export function findBuiltinJobDescription(positionName: string): BuiltinJobDescription | undefined {
  return Object.hasOwn(builtinJobDescriptions, positionName)
    ? builtinJobDescriptions[positionName]
    : undefined
}
