import { describe, expect, it } from 'vitest'
import type { Department } from '../../../contracts/organisation.ts'
import { buildDepartmentTree, type DepartmentNode } from './build-department-tree.ts'

const dept = (id: number, name: string, parentId: number | null = null): Department => ({
  id,
  name,
  parentId,
  retiredAt: null,
})

const shape = (nodes: DepartmentNode[]): unknown => nodes.map((n) => [n.name, shape(n.children)])

describe('buildDepartmentTree', () => {
  it('nests departments under their parents (电商部 → 运营部, 客服部) in creation order', () => {
    const tree = buildDepartmentTree([
      dept(4, '售前组', 3),
      dept(3, '客服部', 1),
      dept(1, '电商部'),
      dept(2, '运营部', 1),
      dept(5, '财务部'),
    ])
    expect(shape(tree)).toEqual([
      [
        '电商部',
        [
          ['运营部', []],
          ['客服部', [['售前组', []]]],
        ],
      ],
      ['财务部', []],
    ])
  })

  it('keeps a department whose parent is missing as a root instead of dropping it', () => {
    const tree = buildDepartmentTree([dept(1, '财务部'), dept(5, '美工组', 99)])
    expect(tree.map((n) => n.name).sort()).toEqual(['美工组', '财务部'].sort())
  })

  it('does not lose departments that form a parent cycle', () => {
    const tree = buildDepartmentTree([dept(1, 'A', 2), dept(2, 'B', 1), dept(3, 'C', 1)])
    const all: string[] = []
    const walk = (nodes: DepartmentNode[]) => {
      for (const n of nodes) {
        all.push(n.name)
        walk(n.children)
      }
    }
    walk(tree)
    expect(all.sort()).toEqual(['A', 'B', 'C'])
  })

  it('returns an empty forest for no departments', () => {
    expect(buildDepartmentTree([])).toEqual([])
  })
})
