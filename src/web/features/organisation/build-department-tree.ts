import type { Department } from '../../../contracts/organisation.ts'

export type DepartmentNode = { id: number; name: string; children: DepartmentNode[] }

// Turns the flat department list into a forest in creation order (the order the company set them up in);
// a department whose parent is missing (or that sits in a parent cycle) is shown as a root rather than disappearing.
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const departmentsById = new Map(departments.map((d) => [d.id, d]))
  const nodes = new Map<number, DepartmentNode>(
    departments.map((d) => [d.id, { id: d.id, name: d.name, children: [] }]),
  )
  const roots: DepartmentNode[] = []
  for (const department of departments) {
    const node = nodes.get(department.id)!
    const parent = department.parentId === null ? undefined : nodes.get(department.parentId)
    if (parent && !isInCycle(department.id, departmentsById)) parent.children.push(node)
    else roots.push(node)
  }
  const byId = (a: DepartmentNode, b: DepartmentNode) => a.id - b.id
  const sortDeep = (list: DepartmentNode[]) => {
    list.sort(byId)
    for (const n of list) sortDeep(n.children)
  }
  sortDeep(roots)
  return roots
}

function isInCycle(id: number, byId: Map<number, Department>): boolean {
  const seen = new Set<number>()
  let current = byId.get(id)
  while (current && current.parentId !== null) {
    if (current.parentId === id || seen.has(current.parentId)) return true
    seen.add(current.parentId)
    current = byId.get(current.parentId)
  }
  return false
}
