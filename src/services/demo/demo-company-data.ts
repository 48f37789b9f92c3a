import type { JobDescription } from '../../db/database.ts'

// The demo company: an e-commerce shop team built from the roles in the seeds (seed-digest §1).
// Job descriptions quote the seeds where they give one; names are invented.

export const demoCompanyName = '杭州鲸选电子商务有限公司'

export const demoDepartments: { name: string; parent?: string }[] = [
  { name: '总经办' },
  { name: '电商部', parent: '总经办' },
  { name: '客服部', parent: '电商部' },
  { name: '推广部', parent: '电商部' },
  { name: '物流售后部', parent: '电商部' },
  { name: '新媒体直播部', parent: '电商部' },
  { name: '人力资源部', parent: '总经办' },
  { name: '财务部', parent: '总经办' },
]

export type DemoPosition = { name: string; department: string; superior?: string; jd: JobDescription }

export const demoPositions: DemoPosition[] = [
  {
    name: '总经理',
    department: '总经办',
    jd: {
      summary: '负责公司整体经营与战略',
      duties: [{ title: '公司经营管理', items: ['制定公司年度经营目标', '审批各部门计划与预算'] }],
    },
  },
  {
    name: '运营经理',
    department: '电商部',
    superior: '总经理',
    jd: {
      summary: '制定团队目标与计划,并协调各岗位完成目标',
      subordinatePositions: ['整个电商部'],
      internalCollaboration: ['整个电商部门'],
      externalCollaboration: ['外部客户'],
      duties: [
        {
          title: '制定本店年度目标,并且分层为季,月计划',
          items: [
            '制定年度销售目标与季度销售计划（按月分解并排期）',
            '列出每月的实施措施',
            '提前发现月计划中的问题并准备对策（货源、资金周转、其他硬件设施）',
          ],
        },
        {
          title: '负责网店整体规划,营销,推广,客户关系管理等系统经营性岗位工作',
          items: [
            '日常改版策划、上架、推广、销售、售后',
            '店铺日常维护，优化店铺及商品排名',
            '执行公司营销活动，策划店铺促销方案',
            '收集市场和行业信息并提出应对',
            '客户关系维护，处理投诉及纠纷',
          ],
        },
        {
          title: '负责整个店铺经营状态,协调和管理各岗位人员',
          items: [
            '每日不定时查看量子、直通车、钻展数据并调整',
            '监督和指导客服工作',
            '指导美工的店铺形象与广告图',
            '分析快递与发货部的交接问题并反馈各部门',
          ],
        },
        {
          title: '负责老客户关系维护促进重复购买机率',
          items: [
            '建立老顾客群、帮派、掌柜说',
            '老顾客分级维护',
            '分析客户关系问题并反馈公司客服部',
            '不定期回访贵宾顾客',
            '活动及节日、生日短信或电话问候',
            '每周统计老顾客同比增长并调整',
          ],
        },
        { title: '附加职责', items: ['根据需要补位人员空缺（客服请假、客服下班等）'] },
      ],
    },
  },
  {
    name: '店长',
    department: '电商部',
    superior: '运营经理',
    jd: {
      summary: '制定团队目标与计划,并协调各岗位完成目标',
      subordinatePositions: ['营销部专员', '客服专员', '美工', '网站编辑', '活动专员'],
      internalCollaboration: ['发货部', '营销部'],
      externalCollaboration: ['外部客户'],
      duties: [
        {
          title: '制定本店季度目标,并且分层为月,周,日计划',
          items: [
            '制定月销售目标并分解到每周每天',
            '列出每周每天的实施措施',
            '预判货源、资金周转、硬件等问题',
          ],
        },
        {
          title: '网店日常经营与管理',
          items: ['改版策划、上架、推广、销售、售后', '店铺维护与排名优化', '执行公司活动并策划店铺促销'],
        },
        {
          title: '协调和管理各岗位人员',
          items: [
            '每日查看量子、直通车、钻展数据',
            '监督和指导客服工作',
            '分析快递与发货部交接问题并反馈客服部主管',
          ],
        },
        {
          title: '附加职责',
          items: [
            '人员空缺补位（客服请假、客服下班）',
            '主管每个星期随机抽取若干客户进行考察打分,占75%；月底客服进行自我鉴定,占25%',
          ],
        },
      ],
      workingHours: '自己分配',
      paySystem: '1800（底薪）× 任务完成系数 + 团队绩效分成 + 奖惩',
    },
  },
  {
    name: '客服专员',
    department: '客服部',
    superior: '店长',
    jd: {
      summary: '解决客户问题与投诉，解答咨询，收集反馈并改进服务',
      internalCollaboration: ['店长', '物流售后部'],
      externalCollaboration: ['外部客户'],
      duties: [
        { title: '售前与售后服务', items: ['解答客户咨询', '解决客户问题和投诉', '收集客户反馈并改进服务'] },
        {
          title: '客户维护',
          items: ['客户回访、问答', '维护在线客服工具并处理留言', '客户资料的完善、归档与分类'],
        },
      ],
      workingHours: '9:30–24:00 两班：早班 9:30–16:30，晚班 16:30–24:00',
      paySystem: '500（底薪）× 绩效系数 + 销售提成 2% + 中评修改个数 × 10 + 差评修改个数 × 20 + 奖惩',
    },
  },
  {
    name: '美工',
    department: '电商部',
    superior: '店长',
    jd: {
      summary: '店铺形象与商品视觉',
      duties: [{ title: '视觉设计', items: ['店铺首页与详情页设计', '活动页与广告图制作'] }],
    },
  },
  {
    name: '网站编辑',
    department: '电商部',
    superior: '店长',
    jd: {
      duties: [
        {
          title: '内容编辑',
          items: [
            '转载文章',
            '专题策划',
            '网页制作',
            '图片处理',
            '软文编写',
            '文档排版',
            '站内交互式回复',
            '线上推广执行',
            '线上活动策划',
          ],
        },
      ],
    },
  },
  {
    name: '活动专员',
    department: '电商部',
    superior: '店长',
    jd: {
      duties: [
        {
          title: '活动策划执行',
          items: ['会员活动策划执行', '与合作伙伴沟通', '商务文档编写', '潜在合作挖掘', '活动参与数据归档'],
        },
      ],
    },
  },
  {
    name: '推广专员',
    department: '推广部',
    superior: '运营经理',
    jd: {
      duties: [
        {
          title: '网站合作与推广',
          items: [
            '网站基础合作（友情链接、广告互换）',
            '网站战略合作（频道互换、商务合作）',
            '网站推广方案策划与执行',
            '合作伙伴资料归档',
          ],
        },
      ],
    },
  },
  {
    name: '网络推广',
    department: '推广部',
    superior: '运营经理',
    jd: {
      duties: [
        {
          title: '网络推广',
          items: ['提升网站独立访客（UV）', '搜索引擎覆盖', '推广发帖与问答', '微博与微信公众号运营'],
        },
      ],
    },
  },
  {
    name: '物流售后主管',
    department: '物流售后部',
    superior: '运营经理',
    jd: {
      duties: [
        {
          title: '物流与售后管理',
          items: ['准时准确发货', '控制物流成本', '退换货及时处理', '售后问题解决与客户回访'],
        },
      ],
    },
  },
  {
    name: '发货专员',
    department: '物流售后部',
    superior: '物流售后主管',
    jd: { duties: [{ title: '发货', items: ['按时打包发货，杜绝错发漏发', '与快递交接并跟踪异常'] }] },
  },
  {
    name: '售后专员',
    department: '物流售后部',
    superior: '物流售后主管',
    jd: { duties: [{ title: '售后', items: ['退换货处理', '售后问题解决', '客户回访'] }] },
  },
  {
    name: '直播主管',
    department: '新媒体直播部',
    superior: '运营经理',
    jd: {
      duties: [{ title: '新媒体与直播管理', items: ['直播排期与复盘', '新媒体内容规划', '抖店运营指导'] }],
    },
  },
  {
    name: '新媒体运营',
    department: '新媒体直播部',
    superior: '直播主管',
    jd: {
      duties: [
        {
          title: '新媒体运营',
          items: [
            '增加精准粉丝，控制取消关注',
            '内容传播与粉丝转化',
            '活动策划与渠道开拓',
            '为移动端带来流量（UV）',
          ],
        },
      ],
    },
  },
  {
    name: '短视频运营',
    department: '新媒体直播部',
    superior: '直播主管',
    jd: {
      duties: [
        {
          title: '短视频',
          items: ['视频制作与发布', '播放量、点赞与粉丝增长', '私信与线索收集', '日报、周报、月报'],
        },
      ],
    },
  },
  {
    name: '主播',
    department: '新媒体直播部',
    superior: '直播主管',
    jd: {
      duties: [
        {
          title: '直播销售',
          items: ['通过直播销售商品', '吸引观众并互动', '保证直播时长', '客户维护与节目创新'],
        },
      ],
    },
  },
  {
    name: '抖店运营',
    department: '新媒体直播部',
    superior: '直播主管',
    jd: {
      duties: [
        { title: '抖店运营', items: ['抖音视频发布与推广', '抖音直播运营', '粉丝运营', '内容创作与营销'] },
      ],
    },
  },
  {
    name: '网管',
    department: '总经办',
    superior: '总经理',
    jd: {
      duties: [
        {
          title: '网络与设备维护',
          items: ['网络调试与安全', '硬件维护', '打印机、传真机、复印机维护', '邮件安全', '网站产品资料更新'],
        },
      ],
    },
  },
  {
    name: '人事专员',
    department: '人力资源部',
    superior: '总经理',
    jd: { duties: [{ title: '人力资源', items: ['组织绩效考核', '受理并调查绩效申诉', '培训与档案管理'] }] },
  },
  {
    name: '财务专员',
    department: '财务部',
    superior: '总经理',
    jd: { duties: [{ title: '财务', items: ['核算绩效工资与奖金', '审核薪资表'] }] },
  },
]

/** Demo positions whose names differ from the seed role whose template they use. */
export const demoSeedRoles: Record<string, string> = {
  物流售后主管: '发货部主管',
  发货专员: '发货',
  售后专员: '物流售后',
  直播主管: '电商运营',
}

export type DemoEmployee = {
  no: string
  name: string
  position: string
  manager?: string
  hireDate: string
  status?: 'active' | 'on_leave' | 'left'
}

export const demoEmployees: DemoEmployee[] = [
  { no: 'JX001', name: '陈建国', position: '总经理', hireDate: '2018-03-01' },
  { no: 'JX002', name: '王海涛', position: '运营经理', manager: '陈建国', hireDate: '2019-05-06' },
  { no: 'JX003', name: '李娜', position: '店长', manager: '王海涛', hireDate: '2020-02-17' },
  { no: 'JX004', name: '小冰', position: '客服专员', manager: '李娜', hireDate: '2022-07-01' },
  { no: 'JX005', name: '小焦', position: '客服专员', manager: '李娜', hireDate: '2023-03-13' },
  { no: 'JX006', name: '刘思雨', position: '客服专员', manager: '李娜', hireDate: '2024-04-08' },
  { no: 'JX007', name: '孙悦', position: '客服专员', manager: '李娜', hireDate: '2025-09-01' },
  { no: 'JX008', name: '周婷', position: '美工', manager: '李娜', hireDate: '2021-06-21' },
  { no: 'JX009', name: '韩雪', position: '网站编辑', manager: '李娜', hireDate: '2022-11-14' },
  { no: 'JX010', name: '曹阳', position: '活动专员', manager: '李娜', hireDate: '2023-08-07' },
  { no: 'JX011', name: '吴磊', position: '推广专员', manager: '王海涛', hireDate: '2021-10-11' },
  { no: 'JX012', name: '郑凯', position: '推广专员', manager: '王海涛', hireDate: '2024-01-15' },
  { no: 'JX013', name: '冯晓明', position: '网络推广', manager: '王海涛', hireDate: '2022-03-28' },
  { no: 'JX014', name: '高峰', position: '物流售后主管', manager: '王海涛', hireDate: '2019-09-02' },
  { no: 'JX015', name: '马超', position: '发货专员', manager: '高峰', hireDate: '2021-04-12' },
  { no: 'JX016', name: '胡军', position: '发货专员', manager: '高峰', hireDate: '2023-05-22' },
  { no: 'JX017', name: '林晓', position: '售后专员', manager: '高峰', hireDate: '2022-08-15' },
  { no: 'JX018', name: '梁宇', position: '直播主管', manager: '王海涛', hireDate: '2020-11-09' },
  { no: 'JX019', name: '何佳', position: '新媒体运营', manager: '梁宇', hireDate: '2022-05-16' },
  { no: 'JX020', name: '罗浩', position: '短视频运营', manager: '梁宇', hireDate: '2023-02-20' },
  { no: 'JX021', name: '唐糖', position: '主播', manager: '梁宇', hireDate: '2023-06-05' },
  { no: 'JX022', name: '许诺', position: '主播', manager: '梁宇', hireDate: '2024-09-09' },
  { no: 'JX023', name: '谢宁', position: '抖店运营', manager: '梁宇', hireDate: '2023-10-16' },
  { no: 'JX024', name: '彭涛', position: '网管', manager: '陈建国', hireDate: '2020-07-13' },
  { no: 'JX025', name: '杨丽', position: '人事专员', manager: '陈建国', hireDate: '2019-12-02' },
  { no: 'JX026', name: '黄敏', position: '财务专员', manager: '陈建国', hireDate: '2020-04-20' },
]

export const demoPassword = 'jixiao123'

export const demoUsers: {
  username: string
  role: 'admin' | 'hr' | 'finance' | 'supervisor' | 'employee'
  employee?: string
  displayName: string
}[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员' },
  { username: 'hr', role: 'hr', employee: '杨丽', displayName: '杨丽' },
  { username: 'finance', role: 'finance', employee: '黄敏', displayName: '黄敏' },
  { username: 'yunying', role: 'supervisor', employee: '王海涛', displayName: '王海涛' },
  { username: 'dianzhang', role: 'supervisor', employee: '李娜', displayName: '李娜' },
  { username: 'xiaobing', role: 'employee', employee: '小冰', displayName: '小冰' },
  { username: 'xiaojiao', role: 'employee', employee: '小焦', displayName: '小焦' },
]
