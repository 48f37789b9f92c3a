import { type RosterField, rosterHeaderOf } from './roster-columns.ts'

// What importing a roster (花名册) would do to a company's people, departments and positions, worked out
// before anything is written: per row created / changed (field by field, old → new) / unchanged / refused,
// the departments and positions to create, and every bad row with its column and reason. Keyed by 工号;
// managers are referenced by 工号, departments and positions by name. The directory sync (通讯录同步) plans with it
// too, its snapshot turned into rows: people no longer in the directory are marked as left (`missingPeople:
// 'mark_left'`), its whole department tree is created, a bad member is skipped rather than refusing the sync.

/**
 * One incoming person. A field left `undefined` was not given (its column is absent, or the directory does not
 * know it) and keeps the stored value; `null` or '' clears it. Dates are YYYY-MM-DD, YYYY/M/D or an Excel serial.
 */
export type RosterRow = {
  /** Where the row came from, for messages: the file's row number as a spreadsheet shows it. */
  row: number
  employeeNo: string
  name?: string | null
  department?: string | null
  /** Only used when the department is created: it is made under this one. */
  parentDepartment?: string | null
  position?: string | null
  managerNo?: string | null
  hireDate?: string | null
  leaveDate?: string | null
  phone?: string | null
  email?: string | null
}

export type RosterStatus = 'active' | 'on_leave' | 'left'

/** A person as stored, with departments, positions and managers by name and 工号. */
export type RosterPerson = {
  id: number
  employeeNo: string
  name: string
  department: string | null
  position: string | null
  managerNo: string | null
  hireDate: string
  leaveDate: string | null
  status: RosterStatus
  phone: string | null
  email: string | null
}

export type RosterOrganisation = {
  people: readonly RosterPerson[]
  departments: readonly { name: string; retired: boolean }[]
  positions: readonly { name: string; retired: boolean }[]
}

export type RosterPlanOptions = {
  /** Create departments and positions the rows name but the company lacks (else each such row is an error). */
  createMissing: boolean
  /** People stored but absent from the rows: left alone (roster import) or marked as left today (directory sync). */
  missingPeople: 'leave_alone' | 'mark_left'
  /** The company's today, YYYY-MM-DD: a leave date on or before it makes the person 已离职. */
  today: string
  /** Hire date for a new person whose row has none (a directory that does not know it); else that row is an error. */
  defaultHireDate?: string
  /** Departments the source lists, each with its parent (a directory's tree): created when missing, even if empty. */
  departments?: readonly { name: string; parentName: string | null }[]
  /** 工号 the source has but could not give (a refused directory member): never marked as left. */
  keepEmployeeNos?: readonly string[]
  /** A loop of managers refuses its rows (roster), or clears those managers with a warning (directory). */
  managerLoops?: 'refuse' | 'clear'
  /** The rows are the company's current staff (a directory): a person named who had left comes back active. */
  rowsAreCurrentStaff?: boolean
}

/** A person's values after the import, by name and 工号. */
export type RosterValues = Omit<RosterPerson, 'id'>

export type RosterChangeField = Exclude<keyof RosterValues, 'employeeNo'>

export type RosterChange = { field: RosterChangeField; from: string | null; to: string | null }

export type RosterIssueCode =
  | 'missing_employee_no'
  | 'duplicate_employee_no'
  | 'missing_name'
  | 'missing_hire_date'
  | 'bad_date'
  | 'leave_before_hire'
  | 'unknown_department'
  | 'retired_department'
  | 'parent_department_conflict'
  | 'department_loop'
  | 'unknown_position'
  | 'retired_position'
  | 'unknown_manager'
  | 'self_manager'
  | 'manager_loop'
  | 'bad_phone'
  | 'bad_email'
  | 'too_long'

/** A refusal: the row, the column (null for the whole row) and why, in Chinese. */
export type RosterIssue = {
  row: number
  field: RosterField | null
  code: RosterIssueCode
  value: string | null
  message: string
}

export type PlannedRow = {
  /** The file row; null for a stored person absent from the rows (mark_left). */
  row: number | null
  employeeNo: string
  name: string
  action: 'create' | 'change' | 'unchanged' | 'error'
  /** The stored person, when there is one. */
  id: number | null
  changes: RosterChange[]
  /** The values to write (create and change). */
  values: RosterValues | null
}

export type RosterPlan = {
  rows: PlannedRow[]
  /** Stored people absent from the rows who are marked as left (mark_left only). */
  leavers: PlannedRow[]
  /** In creation order: a parent before its children. */
  departmentsToCreate: { name: string; parentName: string | null }[]
  positionsToCreate: { name: string; departmentName: string | null }[]
  errors: RosterIssue[]
  /** What was taken with a change the source did not ask for (a directory's manager loop, cleared). */
  warnings: RosterIssue[]
  counts: {
    rows: number
    create: number
    change: number
    unchanged: number
    leave: number
    error: number
    departmentsToCreate: number
    positionsToCreate: number
  }
}

const maxLength: Partial<Record<RosterField, number>> = {
  employeeNo: 64,
  name: 100,
  department: 100,
  parentDepartment: 100,
  position: 100,
  managerNo: 64,
  phone: 32,
  email: 254,
}

/** Works out the plan; pure (today comes in the options). */
export function planRosterChanges(
  org: RosterOrganisation,
  rows: readonly RosterRow[],
  options: RosterPlanOptions,
): RosterPlan {
  const errors: RosterIssue[] = []
  const fail = (
    row: number,
    field: RosterField | null,
    code: RosterIssueCode,
    value: string | null,
    message: string,
  ) => {
    errors.push({ row, field, code, value, message })
  }

  const stored = new Map(org.people.map((p) => [p.employeeNo, p]))
  const departments = new Map(org.departments.map((d) => [d.name, d]))
  const positions = new Map(org.positions.map((p) => [p.name, p]))

  // 工号: present and once per file.
  const firstRowOf = new Map<string, number>()
  const accepted: { input: RosterRow; employeeNo: string }[] = []
  for (const input of rows) {
    const employeeNo = clean(input.employeeNo) ?? ''
    if (!employeeNo) {
      fail(input.row, 'employeeNo', 'missing_employee_no', null, '缺少工号')
      continue
    }
    const first = firstRowOf.get(employeeNo)
    if (first !== undefined) {
      fail(
        input.row,
        'employeeNo',
        'duplicate_employee_no',
        employeeNo,
        `工号 ${employeeNo} 重复：第 ${first} 行已有此工号`,
      )
      continue
    }
    firstRowOf.set(employeeNo, input.row)
    accepted.push({ input, employeeNo })
  }

  const newDepartments = new Map<string, { name: string; parentName: string | null; row: number }>()
  for (const d of options.departments ?? [])
    if (!departments.has(d.name) && !newDepartments.has(d.name)) newDepartments.set(d.name, { ...d, row: 0 })
  const newPositions = new Map<string, { name: string; departmentName: string | null }>()

  const drafts: { input: RosterRow; person: RosterPerson | undefined; values: RosterValues }[] = []
  for (const { input, employeeNo } of accepted) {
    const person = stored.get(employeeNo)
    const row = input.row
    for (const field of Object.keys(maxLength) as RosterField[]) {
      const value = input[field as keyof RosterRow]
      const limit = maxLength[field]!
      if (typeof value === 'string' && value.trim().length > limit)
        fail(row, field, 'too_long', value.slice(0, 40), `${rosterHeaderOf(field)}超过 ${limit} 个字符`)
    }

    const name = given(input.name, person?.name ?? null)
    if (!name) fail(row, 'name', 'missing_name', null, '缺少姓名')

    const hireDate = date(row, 'hireDate', input.hireDate, person?.hireDate ?? null, fail)
    let hire = hireDate.value
    if (!hire && hireDate.ok) {
      if (!person && options.defaultHireDate) hire = options.defaultHireDate
      else if (input.hireDate !== undefined || !person)
        fail(row, 'hireDate', 'missing_hire_date', null, '缺少入职日期')
    }
    const returning =
      options.rowsAreCurrentStaff && person?.status === 'left' && input.leaveDate === undefined
    const leaveDate = returning
      ? { value: null, ok: true }
      : date(row, 'leaveDate', input.leaveDate, person?.leaveDate ?? null, fail)
    if (hire && leaveDate.value && leaveDate.value < hire)
      fail(
        row,
        'leaveDate',
        'leave_before_hire',
        leaveDate.value,
        `离职日期 ${leaveDate.value} 早于入职日期 ${hire}`,
      )

    const department = given(input.department, person?.department ?? null)
    if (department !== null && input.department !== undefined) {
      const known = departments.get(department)
      if (known?.retired)
        fail(row, 'department', 'retired_department', department, `部门「${department}」已停用`)
      else if (!known) {
        if (!options.createMissing)
          fail(
            row,
            'department',
            'unknown_department',
            department,
            `部门「${department}」不存在（勾选「自动创建缺少的部门和岗位」可以创建）`,
          )
        else {
          const parentName = clean(input.parentDepartment)
          const planned = newDepartments.get(department)
          if (parentName === department)
            fail(
              row,
              'parentDepartment',
              'department_loop',
              parentName,
              `部门「${department}」不能是自己的上级部门`,
            )
          else if (!planned) newDepartments.set(department, { name: department, parentName, row })
          else if (parentName && planned.parentName && planned.parentName !== parentName)
            fail(
              row,
              'parentDepartment',
              'parent_department_conflict',
              parentName,
              `部门「${department}」的上级部门与第 ${planned.row} 行不同（${planned.parentName}）`,
            )
          else if (parentName && !planned.parentName) planned.parentName = parentName
        }
      }
    }

    const position = given(input.position, person?.position ?? null)
    if (position !== null && input.position !== undefined) {
      const known = positions.get(position)
      if (known?.retired) fail(row, 'position', 'retired_position', position, `岗位「${position}」已停用`)
      else if (!known) {
        if (!options.createMissing)
          fail(
            row,
            'position',
            'unknown_position',
            position,
            `岗位「${position}」不存在（勾选「自动创建缺少的部门和岗位」可以创建）`,
          )
        else if (!newPositions.has(position))
          newPositions.set(position, { name: position, departmentName: department })
      }
    }

    const managerNo = given(input.managerNo, person?.managerNo ?? null)
    if (managerNo !== null && input.managerNo !== undefined) {
      if (managerNo === employeeNo) fail(row, 'managerNo', 'self_manager', managerNo, '直接上级不能是本人')
      else if (!stored.has(managerNo) && !firstRowOf.has(managerNo))
        fail(
          row,
          'managerNo',
          'unknown_manager',
          managerNo,
          `直接上级工号 ${managerNo} 不存在（既不在系统中，也不在本文件中）`,
        )
    }

    const phone = given(input.phone, person?.phone ?? null)
    if (phone !== null && input.phone !== undefined && !isPhone(phone))
      fail(row, 'phone', 'bad_phone', phone, `手机号码「${phone}」格式不对`)
    const email = given(input.email, person?.email ?? null)
    if (email !== null && input.email !== undefined && !isEmail(email))
      fail(row, 'email', 'bad_email', email, `邮箱「${email}」格式不对`)

    const leave = leaveDate.value
    const status: RosterStatus =
      leave !== null && leave <= options.today
        ? 'left'
        : person && person.status !== 'left'
          ? person.status
          : 'active'
    drafts.push({
      input,
      person,
      values: {
        employeeNo,
        name: name ?? '',
        department,
        position,
        managerNo,
        hireDate: hire ?? '',
        leaveDate: leave,
        status,
        phone,
        email,
      },
    })
  }

  // New departments under new departments: a parent that is neither stored nor named as a department of a
  // row is created at the top; a loop among new ones is refused.
  for (const planned of [...newDepartments.values()]) {
    const parent = planned.parentName
    if (!parent || newDepartments.has(parent)) continue
    const known = departments.get(parent)
    if (known?.retired)
      fail(planned.row, 'parentDepartment', 'retired_department', parent, `上级部门「${parent}」已停用`)
    else if (!known) newDepartments.set(parent, { name: parent, parentName: null, row: planned.row })
  }
  const departmentsToCreate = orderDepartments(newDepartments, fail)

  // Manager loops in the reporting lines as they would be after the import (stored people keep theirs).
  const managerOf = new Map<string, string | null>()
  for (const p of org.people) managerOf.set(p.employeeNo, p.managerNo)
  for (const d of drafts) managerOf.set(d.values.employeeNo, d.values.managerNo)
  const draftOf = new Map(drafts.map((d) => [d.values.employeeNo, d]))
  const warnings: RosterIssue[] = []
  for (const cycle of findCycles(managerOf)) {
    const chain = [...cycle, cycle[0]].join(' → ')
    for (const no of cycle) {
      const draft = draftOf.get(no)
      if (!draft) continue
      const issue = {
        row: draft.input.row,
        field: 'managerNo' as const,
        code: 'manager_loop' as const,
        value: managerOf.get(no) ?? null,
        message: `直接上级形成循环：${chain}`,
      }
      if (options.managerLoops === 'clear') {
        draft.values.managerNo = null
        warnings.push({ ...issue, message: `${issue.message}，上级留空` })
      } else errors.push(issue)
    }
  }

  const planned: PlannedRow[] = []
  const errorRows = new Set(errors.map((e) => e.row))
  for (const d of drafts) {
    const base = {
      row: d.input.row,
      employeeNo: d.values.employeeNo,
      name: d.values.name,
      id: d.person?.id ?? null,
    }
    if (errorRows.has(d.input.row)) planned.push({ ...base, action: 'error', changes: [], values: null })
    else if (!d.person) planned.push({ ...base, action: 'create', changes: [], values: d.values })
    else {
      const changes = diff(d.person, d.values)
      planned.push({
        ...base,
        action: changes.length ? 'change' : 'unchanged',
        changes,
        values: changes.length ? d.values : null,
      })
    }
  }
  // Rows refused before a person could be read (no 工号, a duplicate) are listed too.
  const plannedRows = new Set(planned.map((p) => p.row))
  for (const input of rows)
    if (!plannedRows.has(input.row))
      planned.push({
        row: input.row,
        employeeNo: clean(input.employeeNo) ?? '',
        name: clean(input.name) ?? '',
        action: 'error',
        id: null,
        changes: [],
        values: null,
      })
  planned.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))

  const leavers: PlannedRow[] = []
  const kept = new Set(options.keepEmployeeNos)
  if (options.missingPeople === 'mark_left')
    for (const person of org.people) {
      if (firstRowOf.has(person.employeeNo) || kept.has(person.employeeNo) || person.status === 'left')
        continue
      const leaveDate =
        person.leaveDate !== null && person.leaveDate <= options.today ? person.leaveDate : options.today
      const values: RosterValues = { ...withoutId(person), leaveDate, status: 'left' }
      leavers.push({
        row: null,
        employeeNo: person.employeeNo,
        name: person.name,
        action: 'change',
        id: person.id,
        changes: diff(person, values),
        values,
      })
    }

  errors.sort((a, b) => a.row - b.row)
  const count = (action: PlannedRow['action']) => planned.filter((p) => p.action === action).length
  return {
    rows: planned,
    leavers,
    departmentsToCreate,
    positionsToCreate: [...newPositions.values()],
    errors,
    warnings,
    counts: {
      rows: rows.length,
      create: count('create'),
      change: count('change'),
      unchanged: count('unchanged'),
      leave: leavers.length,
      error: count('error'),
      departmentsToCreate: departmentsToCreate.length,
      positionsToCreate: newPositions.size,
    },
  }
}

type Fail = (
  row: number,
  field: RosterField | null,
  code: RosterIssueCode,
  value: string | null,
  message: string,
) => void

/** Trimmed text, null when blank. */
function clean(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null
  const text = value.trim()
  return text === '' ? null : text
}

/** The incoming value, or the stored one when the field was not given. */
function given(value: string | null | undefined, storedValue: string | null): string | null {
  return value === undefined ? storedValue : clean(value)
}

/** A date cell as YYYY-MM-DD; ok is false when it was given but is not a date (already reported). */
function date(
  row: number,
  field: 'hireDate' | 'leaveDate',
  value: string | null | undefined,
  storedValue: string | null,
  fail: Fail,
): { value: string | null; ok: boolean } {
  if (value === undefined) return { value: storedValue, ok: true }
  const text = clean(value)
  if (text === null) return { value: null, ok: true }
  const parsed = parseRosterDate(text)
  if (parsed) return { value: parsed, ok: true }
  fail(row, field, 'bad_date', text, `${rosterHeaderOf(field)}「${text}」不是日期，请写成 YYYY-MM-DD`)
  return { value: null, ok: false }
}

/** YYYY-MM-DD from `2024-03-01`, `2024/3/1`, `2024.3.1` or an Excel day number (1900 system); undefined otherwise. */
export function parseRosterDate(text: string): string | undefined {
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?: 00:00(?::00)?)?$/.exec(text)
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])]
    const at = new Date(Date.UTC(y, m - 1, d))
    if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return undefined
    if (y < 1900 || y > 2199) return undefined
    return at.toISOString().slice(0, 10)
  }
  // An Excel day number (a date cell saved without a date format): 367 is 1901-01-01, 109574 is 2199-12-31.
  if (/^\d{3,6}$/.test(text)) {
    const serial = Number(text)
    if (serial < 367 || serial > 109574) return undefined
    return new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10)
  }
  return undefined
}

function isPhone(text: string): boolean {
  if (!/^\+?[\d\s\-()]+$/.test(text)) return false
  const digits = text.replace(/\D/g, '').length
  return digits >= 5 && digits <= 20
}

function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(text) && text.length <= 254
}

function withoutId(person: RosterPerson): RosterValues {
  const { id: _id, ...values } = person
  return values
}

const comparedFields: RosterChangeField[] = [
  'name',
  'department',
  'position',
  'managerNo',
  'hireDate',
  'leaveDate',
  'status',
  'phone',
  'email',
]

function diff(person: RosterPerson, values: RosterValues): RosterChange[] {
  const changes: RosterChange[] = []
  for (const field of comparedFields)
    if ((person[field] ?? null) !== (values[field] ?? null))
      changes.push({ field, from: person[field] ?? null, to: values[field] ?? null })
  return changes
}

/** New departments, parents first; a loop among them is refused on the row that named it. */
function orderDepartments(
  planned: Map<string, { name: string; parentName: string | null; row: number }>,
  fail: Fail,
): { name: string; parentName: string | null }[] {
  const ordered: { name: string; parentName: string | null }[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string, path: string[]) => {
    const item = planned.get(name)!
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') {
      const loop = [...path.slice(path.indexOf(name)), name].join(' → ')
      fail(item.row, 'parentDepartment', 'department_loop', item.parentName, `上级部门形成循环：${loop}`)
      return
    }
    state.set(name, 'visiting')
    if (item.parentName && planned.has(item.parentName)) visit(item.parentName, [...path, name])
    state.set(name, 'done')
    ordered.push({ name: item.name, parentName: item.parentName })
  }
  for (const name of planned.keys()) visit(name, [])
  return ordered
}

/** Every loop in a "reports to" map, each once, as the 工号 along it. */
function findCycles(managerOf: Map<string, string | null>): string[][] {
  const cycles: string[][] = []
  const state = new Map<string, 'visiting' | 'done'>()
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue
    const path: string[] = []
    let at: string | null | undefined = start
    while (at !== null && at !== undefined && !state.has(at)) {
      state.set(at, 'visiting')
      path.push(at)
      at = managerOf.get(at)
    }
    if (at !== null && at !== undefined && state.get(at) === 'visiting')
      cycles.push(path.slice(path.indexOf(at)))
    for (const no of path) state.set(no, 'done')
  }
  return cycles
}
