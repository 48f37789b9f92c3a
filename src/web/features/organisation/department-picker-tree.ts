import type { Department } from '../../../contracts/organisation.ts'
import { buildDepartmentTree, type DepartmentNode } from './build-department-tree.ts'

export type PickerNode = { value: number; title: string; children: PickerNode[] }

/**
 * The departments a picker offers: retired ones are left out (nobody new goes there), and so is `excludeId` with
 * everything below it (a department cannot move under itself).
 */
export function departmentPickerTree(departments: readonly Department[], excludeId?: number): PickerNode[] {
  const inUse = departments.filter((d) => d.retiredAt === null)
  const toPicker = (nodes: DepartmentNode[]): PickerNode[] =>
    nodes
      .filter((n) => n.id !== excludeId)
      .map((n) => ({ value: n.id, title: n.name, children: toPicker(n.children) }))
  return toPicker(buildDepartmentTree(inUse))
}
