import type { DirectoryDepartment, DirectoryPerson, DirectorySnapshot } from './directory-snapshot.ts'

// Turns a directory snapshot and the company's current organisation into a sync plan: departments to create,
// people to create, change and mark as left, and rows that cannot be taken. Pure; the caller brings today.

export type CurrentDepartment = { id: number; name: string; parentId: number | null }
export type CurrentEmployee = {
  id: number
  employeeNo: string
  name: string
  departmentId: number | null
  managerId: number | null
  phone: string | null
  email: string | null
  hireDate: string
  leaveDate: string | null
  status: 'active' | 'on_leave' | 'left'
}
export type CurrentOrganisation = { departments: CurrentDepartment[]; employees: CurrentEmployee[] }

/** A person's values as the directory wants them, by name and 工号 so they resolve after departments exist. */
export type PlannedPerson = {
  employeeNo: string
  name: string
  departmentName: string | null
  managerNo: string | null
  phone: string | null
  email: string | null
  hireDate: string
}

export type ChangedField = 'name' | 'department' | 'manager' | 'phone' | 'email' | 'hireDate' | 'status'
/** One field's old → new value as shown in the preview (manager as "工号 姓名"). */
export type FieldChange = { field: ChangedField; from: string | null; to: string | null }

export type DirectoryPlan = {
  /** Parents come before their children. */
  departmentsToCreate: { name: string; parentName: string | null }[]
  created: PlannedPerson[]
  changed: { employeeId: number; person: PlannedPerson; changes: FieldChange[]; reactivate: boolean }[]
  left: { employeeId: number; employeeNo: string; name: string; leaveDate: string }[]
  unchanged: number
  errors: { employeeNo: string | null; name: string | null; message: string }[]
}

/** Department names are unique in a company: a second 运营部 in the directory becomes 运营部（华东区）. */
function departmentNames(departments: DirectoryDepartment[]): Map<string, string> {
  const byId = new Map(departments.map((d) => [d.id, d]))
  const names = new Map<string, string>()
  const taken = new Set<string>()
  for (const d of departments) {
    let name = d.name.trim()
    if (taken.has(name)) {
      const parent = d.parentId ? byId.get(d.parentId) : undefined
      name = parent ? `${name}（${parent.name.trim()}）` : `${name}（${d.id}）`
      if (taken.has(name)) name = `${d.name.trim()}（${d.id}）`
    }
    taken.add(name)
    names.set(d.id, name)
  }
  return names
}

/** Orders departments so that every parent comes before its children (a cycle's members are appended last). */
function parentsFirst(departments: DirectoryDepartment[]): DirectoryDepartment[] {
  const ids = new Set(departments.map((d) => d.id))
  const children = new Map<string | null, DirectoryDepartment[]>()
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), d])
  }
  const ordered: DirectoryDepartment[] = []
  const queue = [...(children.get(null) ?? [])]
  while (queue.length > 0) {
    const d = queue.shift()!
    ordered.push(d)
    queue.push(...(children.get(d.id) ?? []))
  }
  const seen = new Set(ordered.map((d) => d.id))
  return [...ordered, ...departments.filter((d) => !seen.has(d.id))]
}

function personLabel(no: string | null, name: string | null | undefined): string | null {
  if (!no) return null
  return name ? `${no} ${name}` : no
}

export function planDirectorySync(
  snapshot: DirectorySnapshot,
  current: CurrentOrganisation,
  today: string,
): DirectoryPlan {
  const errors: DirectoryPlan['errors'] = []
  const deptName = departmentNames(snapshot.departments)
  const currentDeptById = new Map(current.departments.map((d) => [d.id, d]))
  const currentDeptNames = new Set(current.departments.map((d) => d.name))
  const departmentsToCreate = parentsFirst(snapshot.departments)
    .filter((d) => !currentDeptNames.has(deptName.get(d.id)!))
    .map((d) => ({
      name: deptName.get(d.id)!,
      parentName: d.parentId ? (deptName.get(d.parentId) ?? null) : null,
    }))

  // The people the directory still has, one per 工号; a row without a name or with a 工号 twice is refused.
  const present = new Map<string, DirectoryPerson>()
  const byUserId = new Map<string, DirectoryPerson>()
  const duplicates = new Set<string>()
  // 工号 of rows that could not be taken: their employee is left as is, never marked as left.
  const refused = new Set<string>()
  for (const p of snapshot.people) {
    if (p.resigned) continue
    const no = p.employeeNo.trim()
    if (!no || !p.name.trim()) {
      errors.push({
        employeeNo: no || null,
        name: p.name || null,
        message: `成员 ${p.userId} 缺少工号或姓名`,
      })
      if (no) refused.add(no)
      continue
    }
    if (present.has(no)) {
      duplicates.add(no)
      continue
    }
    present.set(no, { ...p, employeeNo: no, name: p.name.trim() })
    byUserId.set(p.userId, present.get(no)!)
  }
  for (const no of duplicates) {
    const p = present.get(no)!
    errors.push({ employeeNo: no, name: p.name, message: `工号 ${no} 在通讯录中出现多次，均未同步` })
    present.delete(no)
    byUserId.delete(p.userId)
    refused.add(no)
  }

  const currentByNo = new Map(current.employees.map((e) => [e.employeeNo, e]))
  const currentById = new Map(current.employees.map((e) => [e.id, e]))
  const nameByNo = new Map<string, string>()
  for (const e of current.employees) nameByNo.set(e.employeeNo, e.name)
  for (const p of present.values()) nameByNo.set(p.employeeNo, p.name)

  // Managers by 工号, as the directory wants them; an unknown manager is named and left empty.
  const wantedManager = new Map<string, string | null>()
  for (const p of present.values()) {
    let managerNo: string | null = null
    if (p.managerUserId) {
      const manager = byUserId.get(p.managerUserId)
      if (!manager) {
        errors.push({
          employeeNo: p.employeeNo,
          name: p.name,
          message: `直属上级 ${p.managerUserId} 不在通讯录中，上级留空`,
        })
      } else if (manager.employeeNo !== p.employeeNo) managerNo = manager.employeeNo
    }
    wantedManager.set(p.employeeNo, managerNo)
  }
  // The reporting tree stays acyclic: whoever sits on a loop keeps no manager from the directory.
  const finalManager = (no: string): string | null => {
    if (wantedManager.has(no)) return wantedManager.get(no) ?? null
    const e = currentByNo.get(no)
    const m = e?.managerId ? currentById.get(e.managerId) : undefined
    return m?.employeeNo ?? null
  }
  for (const start of wantedManager.keys()) {
    const seen: string[] = []
    let at: string | null = start
    while (at && !seen.includes(at)) {
      seen.push(at)
      at = finalManager(at)
    }
    if (at === start) {
      for (const no of seen) {
        if (wantedManager.get(no) === null) continue
        errors.push({ employeeNo: no, name: nameByNo.get(no) ?? null, message: '汇报关系成环，上级留空' })
        wantedManager.set(no, null)
      }
    }
  }

  const created: PlannedPerson[] = []
  const changed: DirectoryPlan['changed'] = []
  let unchanged = 0
  for (const p of present.values()) {
    const existing = currentByNo.get(p.employeeNo)
    const departmentName = p.departmentId ? (deptName.get(p.departmentId) ?? null) : null
    const managerNo = wantedManager.get(p.employeeNo) ?? null
    const person: PlannedPerson = {
      employeeNo: p.employeeNo,
      name: p.name,
      departmentName,
      managerNo,
      phone: p.phone,
      email: p.email,
      hireDate: p.hireDate ?? existing?.hireDate ?? today,
    }
    if (!existing) {
      created.push(person)
      continue
    }
    const currentDept = existing.departmentId
      ? (currentDeptById.get(existing.departmentId)?.name ?? null)
      : null
    const currentManager = existing.managerId ? currentById.get(existing.managerId) : undefined
    const changes: FieldChange[] = []
    const compare = (field: ChangedField, from: string | null, to: string | null) => {
      if ((from ?? null) !== (to ?? null)) changes.push({ field, from, to })
    }
    compare('name', existing.name, person.name)
    compare('department', currentDept, departmentName)
    compare(
      'manager',
      personLabel(currentManager?.employeeNo ?? null, currentManager?.name),
      personLabel(managerNo, managerNo ? nameByNo.get(managerNo) : null),
    )
    // A contact or hire date the directory does not give is kept, not erased.
    if (p.phone !== null) compare('phone', existing.phone, p.phone)
    if (p.email !== null) compare('email', existing.email, p.email)
    if (p.hireDate !== null) compare('hireDate', existing.hireDate, p.hireDate)
    const reactivate = existing.status === 'left'
    if (reactivate) compare('status', 'left', 'active')
    if (changes.length === 0) unchanged += 1
    else
      changed.push({
        employeeId: existing.id,
        person: { ...person, phone: p.phone ?? existing.phone, email: p.email ?? existing.email },
        changes,
        reactivate,
      })
  }

  // Nobody is deleted: whoever the directory no longer has is marked as left today.
  const left = current.employees
    .filter((e) => e.status !== 'left' && !present.has(e.employeeNo) && !refused.has(e.employeeNo))
    .map((e) => ({ employeeId: e.id, employeeNo: e.employeeNo, name: e.name, leaveDate: today }))

  return { departmentsToCreate, created, changed, left, unchanged, errors }
}
