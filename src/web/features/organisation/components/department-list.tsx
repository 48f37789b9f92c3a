import {
  ApartmentOutlined,
  DeleteOutlined,
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  RightOutlined,
} from '@ant-design/icons'
import { Button, Empty, Flex, Spin, Tag, Typography, theme } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Department } from '../../../../contracts/organisation.ts'
import { buildDepartmentTree, type DepartmentNode } from '../build-department-tree.ts'

type Row = { department: Department; depth: number; parentName: string | undefined }

/** The departments in tree order, each with its depth and its parent's name, for a flat list. */
function departmentRows(departments: readonly Department[]): Row[] {
  const byId = new Map(departments.map((d) => [d.id, d]))
  const rows: Row[] = []
  const walk = (nodes: DepartmentNode[], depth: number, parentName: string | undefined) => {
    for (const node of nodes) {
      const department = byId.get(node.id)!
      rows.push({ department, depth, parentName })
      walk(node.children, depth + 1, department.name)
    }
  }
  walk(buildDepartmentTree(departments), 0, undefined)
  return rows
}

// The department tree as a list for phones, where the tree and its toolbar do not fit: one row per department,
// indented under its parent, with large buttons to edit, move and retire it, and 新建部门 above. Tapping a
// department's name shows its people on the employees tab.
export function DepartmentList({
  departments,
  loading,
  onCreate,
  onEdit,
  onMove,
  onRetire,
  onShowMembers,
}: {
  departments: readonly Department[]
  loading: boolean
  onCreate?: () => void
  onEdit?: (department: Department) => void
  onMove?: (department: Department) => void
  onRetire?: (department: Department) => void
  onShowMembers: (department: Department) => void
}) {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const rows = useMemo(() => departmentRows(departments), [departments])
  if (loading) return <Spin style={{ display: 'block', padding: 24 }} />
  return (
    <Flex vertical gap={8}>
      {onCreate ? (
        <Button type="primary" block icon={<PlusOutlined />} onClick={onCreate}>
          {t('orgEdit.department.create')}
        </Button>
      ) : null}
      <section aria-label={t('departmentList.label')}>
        {rows.length === 0 ? <Empty description={t('organisation.noDepartments')} /> : null}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map(({ department, depth, parentName }) => {
            const retired = department.retiredAt !== null
            return (
              <li
                key={department.id}
                aria-label={department.name}
                style={{
                  padding: '12px 0',
                  paddingInlineStart: Math.min(depth, 4) * 16,
                  borderBottom: `1px solid ${token.colorSplit}`,
                }}
              >
                <Flex vertical gap={6} style={{ minWidth: 0 }}>
                  <Flex align="center" gap={8} style={{ minWidth: 0 }}>
                    <ApartmentOutlined
                      style={{ color: retired ? token.colorTextDisabled : token.colorPrimary }}
                    />
                    <Button
                      type="link"
                      aria-label={t('departmentList.membersOf', { name: department.name })}
                      onClick={() => onShowMembers(department)}
                      style={{
                        padding: 0,
                        height: 'auto',
                        minWidth: 0,
                        fontWeight: 600,
                        color: retired ? token.colorTextSecondary : token.colorText,
                      }}
                    >
                      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{department.name}</span>
                      <RightOutlined style={{ fontSize: 10 }} />
                    </Button>
                    {retired ? <Tag style={{ marginInlineEnd: 0 }}>{t('orgEdit.retired')}</Tag> : null}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {parentName
                      ? t('departmentList.under', { name: parentName })
                      : t('departmentList.topLevel')}
                  </Typography.Text>
                  <Flex gap={8} wrap>
                    {onEdit ? (
                      <Button
                        icon={<EditOutlined />}
                        aria-label={t('departmentList.editOf', { name: department.name })}
                        onClick={() => onEdit(department)}
                      >
                        {t('orgEdit.edit')}
                      </Button>
                    ) : null}
                    {onMove ? (
                      <Button
                        icon={<DragOutlined />}
                        aria-label={t('departmentList.moveOf', { name: department.name })}
                        onClick={() => onMove(department)}
                      >
                        {t('orgEdit.department.move')}
                      </Button>
                    ) : null}
                    {onRetire ? (
                      <Button
                        danger={!retired}
                        icon={retired ? <ApartmentOutlined /> : <DeleteOutlined />}
                        aria-label={t(retired ? 'orgEdit.restoreOf' : 'orgEdit.retireOf', {
                          name: department.name,
                        })}
                        onClick={() => onRetire(department)}
                      >
                        {retired ? t('orgEdit.restore') : t('orgEdit.retire')}
                      </Button>
                    ) : null}
                  </Flex>
                </Flex>
              </li>
            )
          })}
        </ul>
      </section>
    </Flex>
  )
}
