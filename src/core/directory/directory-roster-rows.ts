import {
  planRosterChanges,
  type RosterOrganisation,
  type RosterPlan,
  type RosterRow,
} from '../roster/plan-roster-changes.ts'
import type { DirectoryDepartment, DirectoryPerson, DirectorySnapshot } from './directory-snapshot.ts'

// A directory snapshot (DingTalk, Feishu, WeCom) as roster rows, so the directory sync plans with the roster's
// planner (planRosterChanges) and writes with its writer: one row per member by 工号, department by name (a second
// 运营部 is renamed after its parent), manager by 工号. Members that cannot be taken (no 工号 or name, a 工号
// twice) are left out and named; a manager outside the directory is left empty and named.

/** A member the sync names: left out, or taken without their manager. */
export type DirectoryIssue = { employeeNo: string | null; name: string | null; message: string }

export type DirectoryRoster = {
  rows: RosterRow[]
  /** The directory's departments by their names here, parents first. */
  departments: { name: string; parentName: string | null }[]
  /** 工号 of members left out: their employee stays as is, never marked as left. */
  skipped: string[]
  issues: DirectoryIssue[]
}

/**
 * The directory sync's plan: the snapshot's rows planned by the roster's planner against the organisation. Nobody
 * is deleted: whoever the directory no longer has is marked as left today, a returning leaver comes back; the
 * directory's departments are all created; a manager loop is cleared, not refused; a bad member is skipped.
 */
export function planDirectoryRoster(
  snapshot: DirectorySnapshot,
  org: RosterOrganisation,
  today: string,
): { roster: DirectoryRoster; plan: RosterPlan } {
  const roster = directoryRosterRows(snapshot)
  const plan = planRosterChanges(org, roster.rows, {
    createMissing: true,
    missingPeople: 'mark_left',
    today,
    defaultHireDate: today,
    departments: roster.departments,
    keepEmployeeNos: roster.skipped,
    managerLoops: 'clear',
    rowsAreCurrentStaff: true,
  })
  return { roster, plan }
}

/** Turns a snapshot into roster rows; pure. */
export function directoryRosterRows(snapshot: DirectorySnapshot): DirectoryRoster {
  const issues: DirectoryIssue[] = []
  const nameOf = departmentNames(snapshot.departments)
  const departments = parentsFirst(snapshot.departments).map((d) => ({
    name: nameOf.get(d.id)!,
    parentName: d.parentId ? (nameOf.get(d.parentId) ?? null) : null,
  }))

  // One member per 工号; a resigned member is not listed (so a stored one is marked as left).
  const present = new Map<string, DirectoryPerson>()
  const duplicates = new Set<string>()
  const skipped = new Set<string>()
  for (const p of snapshot.people) {
    if (p.resigned) continue
    const no = p.employeeNo.trim()
    if (!no || !p.name.trim()) {
      issues.push({
        employeeNo: no || null,
        name: p.name || null,
        message: `成员 ${p.userId} 缺少工号或姓名`,
      })
      if (no) skipped.add(no)
    } else if (present.has(no)) duplicates.add(no)
    else present.set(no, { ...p, employeeNo: no, name: p.name.trim() })
  }
  for (const no of duplicates) {
    issues.push({
      employeeNo: no,
      name: present.get(no)!.name,
      message: `工号 ${no} 在通讯录中出现多次，均未同步`,
    })
    present.delete(no)
    skipped.add(no)
  }
  const byUserId = new Map([...present.values()].map((p) => [p.userId, p]))

  const rows: RosterRow[] = []
  for (const p of present.values()) {
    let managerNo: string | null = null
    if (p.managerUserId) {
      const manager = byUserId.get(p.managerUserId)
      if (!manager)
        issues.push({
          employeeNo: p.employeeNo,
          name: p.name,
          message: `直属上级 ${p.managerUserId} 不在通讯录中，上级留空`,
        })
      else if (manager.employeeNo !== p.employeeNo) managerNo = manager.employeeNo
    }
    const department = p.departmentId ? (nameOf.get(p.departmentId) ?? null) : null
    // A contact or hire date the directory does not give stays as stored (undefined), it is not erased.
    rows.push({
      row: rows.length + 1,
      employeeNo: p.employeeNo,
      name: p.name,
      department,
      managerNo,
      hireDate: p.hireDate ?? undefined,
      phone: p.phone ?? undefined,
      email: p.email ?? undefined,
    })
  }
  return { rows, departments, skipped: [...skipped], issues }
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
