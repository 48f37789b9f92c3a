import { findBuiltinJobDescription } from '../../core/library/builtin-job-descriptions.ts'
import type { JobDescription } from '../../db/database.ts'

// The demo company: an e-commerce shop team built from the roles in the seeds (seed-digest §1).
// Positions named like a library role carry the library's job description (from the seeds); names are invented.

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

function libraryJobDescription(role: string): JobDescription {
  const jd = findBuiltinJobDescription(role)
  if (!jd) throw new Error(`no library job description for ${role}`)
  return jd
}

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
    jd: libraryJobDescription('运营经理'),
  },
  {
    name: '店长',
    department: '电商部',
    superior: '运营经理',
    jd: libraryJobDescription('店长'),
  },
  {
    name: '客服专员',
    department: '客服部',
    superior: '店长',
    jd: libraryJobDescription('客服专员'),
  },
  {
    name: '美工',
    department: '电商部',
    superior: '店长',
    jd: libraryJobDescription('美工'),
  },
  {
    name: '网站编辑',
    department: '电商部',
    superior: '店长',
    jd: libraryJobDescription('网站编辑'),
  },
  {
    name: '活动专员',
    department: '电商部',
    superior: '店长',
    jd: libraryJobDescription('活动专员'),
  },
  {
    name: '推广专员',
    department: '推广部',
    superior: '运营经理',
    jd: libraryJobDescription('推广专员'),
  },
  {
    name: '网络推广',
    department: '推广部',
    superior: '运营经理',
    jd: libraryJobDescription('网络推广'),
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
    jd: libraryJobDescription('新媒体运营'),
  },
  {
    name: '短视频运营',
    department: '新媒体直播部',
    superior: '直播主管',
    jd: libraryJobDescription('短视频运营'),
  },
  {
    name: '主播',
    department: '新媒体直播部',
    superior: '直播主管',
    jd: libraryJobDescription('主播'),
  },
  {
    name: '抖店运营',
    department: '新媒体直播部',
    superior: '直播主管',
    jd: libraryJobDescription('抖店运营'),
  },
  {
    name: '网管',
    department: '总经办',
    superior: '总经理',
    jd: libraryJobDescription('网管'),
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
