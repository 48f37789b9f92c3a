import { ApartmentOutlined } from '@ant-design/icons'
import { Tag, Tree, type TreeDataNode, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Department } from '../../../../contracts/organisation.ts'
import { buildDepartmentTree, type DepartmentNode } from '../build-department-tree.ts'

const allKey = 'all'

function toTreeData(
  nodes: DepartmentNode[],
  retired: ReadonlySet<number>,
  retiredLabel: string,
): TreeDataNode[] {
  return nodes.map((n) => ({
    key: String(n.id),
    // a retired department stays in the tree for history, greyed and marked 已撤销
    title: retired.has(n.id) ? (
      <Typography.Text type="secondary">
        {n.name}
        <Tag style={{ marginInlineStart: 6 }}>{retiredLabel}</Tag>
      </Typography.Text>
    ) : (
      n.name
    ),
    children: toTreeData(n.children, retired, retiredLabel),
  }))
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
        children: toTreeData(
          buildDepartmentTree(departments),
          new Set(departments.filter((d) => d.retiredAt !== null).map((d) => d.id)),
          t('orgEdit.retired'),
        ),
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
