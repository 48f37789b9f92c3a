// A department with every department under it (子部门), from the parent links: whose leavers a department head answers for.

/** The ids of the department and of all departments below it; a cycle in the links is walked once. */
export function departmentsUnder(
  departments: readonly { id: number; parentId: number | null }[],
  rootId: number,
): Set<number> {
  const children = new Map<number, number[]>()
  for (const d of departments) {
    if (d.parentId === null) continue
    const list = children.get(d.parentId)
    if (list) list.push(d.id)
    else children.set(d.parentId, [d.id])
  }
  const found = new Set<number>([rootId])
  const queue = [rootId]
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (found.has(child)) continue
      found.add(child)
      queue.push(child)
    }
  }
  return found
}
