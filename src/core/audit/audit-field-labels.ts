import type { AuditLanguage } from './audit-sentences.ts'

// The one label map for the fields an audit row's before/after holds (改前/改后表格的字段名), and labels for the
// coded values some of them hold (states, statuses, grades, roles). Keys are looked up in camelCase, so a
// sheet's `self_review` and a form's `selfReview` share one label.

type Labels = readonly [zhCN: string, zhTW: string, en: string]

const fieldLabels: Record<string, Labels> = {
  name: ['名称', '名稱', 'Name'],
  displayName: ['显示名', '顯示名稱', 'Display name'],
  employeeNo: ['工号', '工號', 'Employee no.'],
  state: ['状态', '狀態', 'Status'],
  status: ['状态', '狀態', 'Status'],
  version: ['版本', '版本', 'Version'],
  total: ['合计', '合計', 'Total'],
  grade: ['等级', '等級', 'Grade'],
  coefficient: ['绩效系数', '績效係數', 'Coefficient'],
  targets: ['考核目标', '考核目標', 'Targets'],
  selfReview: ['自评', '自評', 'Self-review'],
  supervisorReview: ['上级评分', '上級評分', 'Supervisor review'],
  sharedInputs: ['考核数据', '考核資料', 'Data'],
  sampling: ['质检抽样', '質檢抽樣', 'Sampling'],
  score: ['得分', '得分', 'Score'],
  calibration: ['校准', '校準', 'Calibration'],
  feedback: ['面谈反馈', '面談回饋', 'Feedback'],
  signedAt: ['签字时间', '簽字時間', 'Signed at'],
  appealDeadline: ['申诉截止日', '申訴截止日', 'Appeal deadline'],
  finalizedAt: ['归档时间', '歸檔時間', 'Filed at'],
  ownerConfirmedAt: ['员工确认时间', '員工確認時間', 'Confirmed by employee'],
  reviewerConfirmedAt: ['上级确认时间', '上級確認時間', 'Confirmed by supervisor'],
  amount: ['金额', '金額', 'Amount'],
  label: ['项目', '項目', 'Item'],
  note: ['备注', '備註', 'Note'],
  reason: ['原因', '原因', 'Reason'],
  comment: ['评语', '評語', 'Comment'],
  rule: ['分配规则', '分配規則', 'Rule'],
  kind: ['类型', '類型', 'Kind'],
  table: ['对照表', '對照表', 'Table'],
  lines: ['明细', '明細', 'Lines'],
  employees: ['员工', '員工', 'Employees'],
  sheets: ['考核表数', '考核表數', 'Sheets'],
  skipped: ['跳过', '略過', 'Skipped'],
  deadlines: ['截止日期', '截止日期', 'Deadlines'],
  settings: ['设置', '設定', 'Settings'],
  quotaExceptions: ['等级比例例外', '等級比例例外', 'Grade quota exceptions'],
  periodStart: ['开始日期', '開始日期', 'Start date'],
  periodEnd: ['结束日期', '結束日期', 'End date'],
  periodKind: ['周期类型', '周期類型', 'Period'],
  hireDate: ['入职日期', '到職日期', 'Hire date'],
  leaveDate: ['离职日期', '離職日期', 'Leave date'],
  phone: ['手机', '手機', 'Phone'],
  email: ['邮箱', '電子郵件', 'Email'],
  role: ['角色', '角色', 'Role'],
  username: ['账号', '帳號', 'Username'],
  fileName: ['文件名', '檔案名稱', 'File name'],
  rows: ['行数', '列數', 'Rows'],
  counts: ['数量', '數量', 'Counts'],
  created: ['新增', '新增', 'Created'],
  changed: ['修改', '修改', 'Changed'],
  unchanged: ['未变', '未變', 'Unchanged'],
  set: ['设置', '設定', 'Set'],
  remove: ['移除', '移除', 'Removed'],
  date: ['日期', '日期', 'Date'],
  url: ['地址', '位址', 'Address'],
  hosts: ['允许的地址', '允許的位址', 'Allowed addresses'],
  enabled: ['启用', '啟用', 'Enabled'],
  trigger: ['触发方式', '觸發方式', 'Triggered by'],
  criteria: ['评分项', '評分項', 'Criteria'],
  definition: ['模板内容', '模板內容', 'Template content'],
  archived: ['已归档', '已歸檔', 'Archived'],
  values: ['数值', '數值', 'Values'],
  weight: ['权重', '權重', 'Weight'],
  description: ['说明', '說明', 'Description'],
  sha256: ['文件指纹', '檔案指紋', 'File fingerprint'],
  syncDaily: ['每日同步', '每日同步', 'Sync daily'],
  month: ['月份', '月份', 'Month'],
  week: ['周', '週', 'Week'],
  replacedRows: ['替换的行数', '取代的列數', 'Rows replaced'],
  removedRows: ['删除的行数', '刪除的列數', 'Rows removed'],
  size: ['大小', '大小', 'Size'],
  disabled: ['已停用', '已停用', 'Disabled'],
  disabledReason: ['停用原因', '停用原因', 'Why disabled'],
  endedSessions: ['结束的登录会话', '結束的登入工作階段', 'Sessions ended'],
  companyName: ['公司名称', '公司名稱', 'Company name'],
  adminUsername: ['管理员账号', '管理員帳號', 'Administrator account'],
  departmentName: ['部门', '部門', 'Department'],
  managerName: ['直属上级', '直屬上級', 'Manager'],
  markedLeft: ['登记离职', '登記離職', 'Marked as left'],
  secretChanged: ['密钥已更换', '金鑰已更換', 'Secret changed'],
  provider: ['平台', '平台', 'Platform'],
  approvedTotal: ['批准时合计', '核准時合計', 'Total when approved'],
  approvedScore: ['批准时得分', '核准時得分', 'Score when approved'],
  approvedCoefficient: ['批准时绩效系数', '核准時績效係數', 'Coefficient when approved'],
  indicators: ['考核指标', '考核指標', 'Indicators'],
  templatesInstalled: ['安装的模板', '安裝的模板', 'Templates installed'],
  delivery: ['发送方式', '傳送方式', 'Delivery'],
  algorithm: ['算法', '演算法', 'Algorithm'],
  seed: ['随机种子', '隨機種子', 'Random seed'],
  installed: ['已安装', '已安裝', 'Installed'],
  code: ['代码', '代碼', 'Code'],
  subject: ['主题', '主題', 'Subject'],
  input: ['录入', '錄入', 'Input'],
  result: ['结果', '結果', 'Result'],
  ended: ['已结束', '已結束', 'Ended'],
  createMissing: ['自动新建部门和岗位', '自動新建部門和崗位', 'Create missing departments and positions'],
  notes: ['面谈记录', '面談記錄', 'Meeting notes'],
  improvements: ['改进事项', '改進事項', 'Improvements'],
  actual: ['实际值', '實際值', 'Actual'],
  target: ['目标值', '目標值', 'Target'],
  rollup: ['汇总', '匯總', 'Roll-up'],
  proration: ['按天折算', '按天折算', 'Proration by days'],
  held: ['待补数据', '待補資料', 'Waiting for data'],
  occurrences: ['次数', '次數', 'Occurrences'],
  level: ['档次', '檔次', 'Level'],
  adjustments: ['加减分项', '加減分項', 'Bonus and deduction items'],
  explanation: ['计算说明', '計算說明', 'Explanation'],
  points: ['得分', '得分', 'Points'],
  maxPoints: ['满分', '滿分', 'Full marks'],
  samplingSources: ['抽查来源', '抽查來源', 'Sampling sources'],
  metricSources: ['数据来源', '資料來源', 'Data sources'],
  inputIssues: ['数据问题', '資料問題', 'Data problems'],
  derived: ['历史目标', '歷史目標', 'Targets from history'],
}

const valueLabels: Record<string, Record<string, Labels>> = {
  state: {
    draft: ['制定目标', '制定目標', 'Setting targets'],
    targets_agreed: ['目标已确认', '目標已確認', 'Targets agreed'],
    in_progress: ['执行中', '執行中', 'In progress'],
    self_submitted: ['已提交自评', '已提交自評', 'Self-review submitted'],
    supervisor_submitted: ['上级已评', '上級已評', 'Reviewed'],
    computed: ['已计算', '已計算', 'Computed'],
    feedback_held: ['已面谈反馈', '已面談回饋', 'Feedback held'],
    appeal_window: ['已签字，申诉期内', '已簽字，申訴期內', 'Signed, open to appeal'],
    appeal_filed: ['已申诉', '已申訴', 'Appealed'],
    investigating: ['调查中', '調查中', 'Under investigation'],
    final: ['已归档', '已歸檔', 'Final'],
  },
  status: {
    draft: ['草稿', '草稿', 'Draft'],
    approved: ['已批准', '已核准', 'Approved'],
    opening: ['开启中', '開啟中', 'Opening'],
    open: ['进行中', '進行中', 'Open'],
    closed: ['已结束', '已結束', 'Closed'],
    failed: ['失败', '失敗', 'Failed'],
    active: ['在职', '在職', 'Active'],
    on_leave: ['休假', '休假', 'On leave'],
    left: ['已离职', '已離職', 'Left'],
    archived: ['已归档', '已歸檔', 'Archived'],
    filed: ['已申诉', '已申訴', 'Filed'],
    ruled: ['已裁定', '已裁定', 'Ruled'],
  },
  grade: {
    excellent: ['优秀', '優秀', 'Excellent'],
    good: ['良好', '良好', 'Good'],
    pass: ['合格', '合格', 'Pass'],
    fail: ['不合格', '不合格', 'Fail'],
  },
  kind: {
    grade_table: ['按等级对照表', '按等級對照表', 'By grade table'],
    coefficient_times_base: ['绩效系数 × 基数', '績效係數 × 基數', 'Coefficient × base'],
    score: ['按得分', '按得分', 'By score'],
    weekly: ['周度', '週度', 'Weekly'],
    monthly: ['月度', '月度', 'Monthly'],
    quarterly: ['季度', '季度', 'Quarterly'],
    annual: ['年度', '年度', 'Annual'],
    leave: ['请假', '請假', 'Leave'],
    swap: ['换班', '換班', 'Swap'],
    cover: ['顶班', '頂班', 'Cover'],
  },
  role: {
    admin: ['系统管理员', '系統管理員', 'Administrator'],
    hr: ['人力资源', '人力資源', 'HR'],
    finance: ['财务', '財務', 'Finance'],
    gm: ['总经理', '總經理', 'General manager'],
    supervisor: ['主管', '主管', 'Supervisor'],
    employee: ['员工', '員工', 'Employee'],
  },
}

const index: Record<AuditLanguage, 0 | 1 | 2> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 }

const camelCase = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

/** Whether a field only points at another record by its id (named by the sentence instead of shown as a number). */
export function isReferenceField(key: string): boolean {
  return /(Id|Ids)$/.test(camelCase(key))
}

/**
 * A field's label in a language (a grade's name where a table is keyed by grade); a field without one gets its name spelt out as words ("payScheme" → "Pay
 * scheme"), never a path or a code.
 */
export function labelAuditField(key: string, lang: AuditLanguage): string {
  const known = fieldLabels[camelCase(key)] ?? valueLabels.grade![key]
  if (known) return known[index[lang]]
  const words = camelCase(key)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words ? words[0]!.toUpperCase() + words.slice(1) : key
}

/** A coded value's label (a sheet state, a status, a grade, a role), or undefined when the field has none. */
export function labelAuditValue(key: string, value: string, lang: AuditLanguage): string | undefined {
  return valueLabels[camelCase(key)]?.[value]?.[index[lang]]
}
