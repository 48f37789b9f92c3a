import { ApartmentOutlined } from '@ant-design/icons'
import { Tree, type TreeDataNode } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Department } from '../../../../contracts/organisation.ts'
import { buildDepartmentTree, type DepartmentNode } from '../build-department-tree.ts'

const allKey = 'all'

function toTreeData(nodes: DepartmentNode[]): TreeDataNode[] {
  return nodes.map((n) => ({ key: String(n.id), title: n.name, children: toTreeData(n.children) }))
}

// The department tree (部门树) under an "all departments" root; choosing a node filters the lists beside it.
export function DepartmentTree({
  departments,
  selectedId,
  onSelect,
}: {
  departments: readonly Department[]
  selectedId: number | undefined
  onSelect: (id: number | undefined) => void
}) {
  const { t } = useTranslation()
  const treeData = useMemo<TreeDataNode[]>(
    () => [
      {
        key: allKey,
        title: t('organisation.allDepartments'),
        icon: <ApartmentOutlined />,
        children: toTreeData(buildDepartmentTree(departments)),
      },
    ],
    [departments, t],
  )
  const expandedKeys = useMemo(() => [allKey, ...departments.map((d) => String(d.id))], [departments])

  return (
    <Tree
      aria-label={t('organisation.departmentTree')}
      blockNode
      showIcon
      treeData={treeData}
      defaultExpandedKeys={expandedKeys}
      selectedKeys={[selectedId ? String(selectedId) : allKey]}
      onSelect={(keys) => {
        const key = keys[0]
        // clicking the selected node again deselects it in antd; treat that as staying where we are
        if (key === undefined) return
        onSelect(key === allKey ? undefined : Number(key))
      }}
    />
  )
}
