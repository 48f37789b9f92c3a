// The columns of a roster (花名册) file: the field each header maps to, the headers accepted (zh-CN first, then
// the English ones), and what the template's 填写说明 sheet says about each.

export const rosterFields = [
  'employeeNo',
  'name',
  'department',
  'parentDepartment',
  'position',
  'managerNo',
  'hireDate',
  'leaveDate',
  'phone',
  'email',
] as const

export type RosterField = (typeof rosterFields)[number]

export type RosterColumn = {
  field: RosterField
  /** The header written in exports and the template. */
  header: string
  /** Other headers read as this column (compared without case, spaces and punctuation). */
  aliases: readonly string[]
  required: boolean
  /** Shown in the template's 填写说明 sheet. */
  explanation: string
  example: string
}

export const rosterColumns: readonly RosterColumn[] = [
  {
    field: 'employeeNo',
    header: '工号',
    aliases: ['employee no', 'employee number', 'employeeno', 'staff no', '员工编号', '员工工号'],
    required: true,
    explanation: '必填，每人唯一；按工号判断是新增还是更新已有员工。',
    example: 'E1001',
  },
  {
    field: 'name',
    header: '姓名',
    aliases: ['name', 'full name', '员工姓名'],
    required: true,
    explanation: '必填。',
    example: '张三',
  },
  {
    field: 'department',
    header: '部门',
    aliases: ['department', 'dept', '所属部门'],
    required: false,
    explanation: '部门名称，须与系统中的部门一致；勾选「自动创建缺少的部门和岗位」时，不存在的部门会被创建。',
    example: '客服部',
  },
  {
    field: 'parentDepartment',
    header: '上级部门',
    aliases: ['parent department', 'parent dept'],
    required: false,
    explanation: '选填，只在创建新部门时使用：新部门建在这个部门之下；已有部门的上级不因此改变。',
    example: '电商部',
  },
  {
    field: 'position',
    header: '岗位',
    aliases: ['position', 'job title', 'title', '职位'],
    required: false,
    explanation: '岗位名称，须与系统中的岗位一致；勾选自动创建时，不存在的岗位会建在该行的部门下。',
    example: '客服专员',
  },
  {
    field: 'managerNo',
    header: '直接上级工号',
    aliases: ['manager no', 'manager employee no', 'manager', '上级工号', '直属上级工号'],
    required: false,
    explanation:
      '直接上级的工号：可以是系统中已有的员工，也可以是本文件中的另一行；不能是本人，也不能形成循环。',
    example: 'E1000',
  },
  {
    field: 'hireDate',
    header: '入职日期',
    aliases: ['hire date', 'hired', 'start date', '入职时间'],
    required: true,
    explanation: '必填，格式 YYYY-MM-DD（如 2024-03-01），也可以是 Excel 日期单元格。',
    example: '2024-03-01',
  },
  {
    field: 'leaveDate',
    header: '离职日期',
    aliases: ['leave date', 'left', 'end date', '离职时间'],
    required: false,
    explanation: '选填，格式同入职日期，不能早于入职日期；到了离职日期的员工记为已离职。',
    example: '',
  },
  {
    field: 'phone',
    header: '手机',
    aliases: ['phone', 'mobile', 'mobile phone', '手机号', '手机号码', '电话'],
    required: false,
    explanation: '选填，手机号码（可带 +86、空格或短横线）。',
    example: '13800138000',
  },
  {
    field: 'email',
    header: '邮箱',
    aliases: ['email', 'e-mail', 'mail', '电子邮箱', '邮件'],
    required: false,
    explanation: '选填，电子邮箱地址。',
    example: 'zhangsan@example.com',
  },
]

/** A header reduced for matching: lower case, without spaces, underscores, hyphens, colons or a BOM. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-:：()（）*]/g, '')
}

const fieldByHeader = new Map<string, RosterField>()
for (const column of rosterColumns)
  for (const name of [column.header, column.field, ...column.aliases])
    fieldByHeader.set(headerKey(name), column.field)

/** The roster field a header names, if any. */
export function rosterFieldOf(header: string): RosterField | undefined {
  return fieldByHeader.get(headerKey(header))
}

/** The zh-CN header of a field, for messages. */
export function rosterHeaderOf(field: RosterField): string {
  return rosterColumns.find((c) => c.field === field)?.header ?? field
}
