import { EditOutlined, ReloadOutlined, UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Flex,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Department, Employee, EmployeeStatus, Position } from '../../../../contracts/organisation.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useEmployees } from '../api/get-employees.ts'
import { buildDepartmentTree, type DepartmentNode } from '../build-department-tree.ts'
import { type OrganisationSearch, pageSizes } from '../organisation-search.ts'

const statusColors: Record<EmployeeStatus, string> = { active: 'green', on_leave: 'orange', left: 'default' }
const statuses: EmployeeStatus[] = ['active', 'on_leave', 'left']
const searchDelayMs = 350

type TreeSelectNode = { value: number; title: string; children: TreeSelectNode[] }
const toTreeSelect = (nodes: DepartmentNode[]): TreeSelectNode[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toTreeSelect(n.children) }))

// The staff list (员工名册): search by name or number, filters, paging on the server.
export function EmployeesTable({
  search,
  onChange,
  departments,
  positions,
  showDepartmentFilter,
  compact = false,
  onOpenPosition,
  onEdit,
  onLeave,
  onCreate,
}: {
  search: OrganisationSearch
  onChange: (patch: Partial<OrganisationSearch>) => void
  departments: readonly Department[]
  positions: readonly Position[]
  /** On narrow screens the tree is hidden, so the department becomes a filter here. */
  showDepartmentFilter: boolean
  /** Phones: the action buttons show only their icons, so the fixed column leaves room for the names. */
  compact?: boolean
  onOpenPosition: (positionId: number) => void
  /** Given to admin and HR: 新增员工, 编辑 and 办理离职. */
  onEdit?: (employee: Employee) => void
  onLeave?: (employee: Employee) => void
  onCreate?: () => void
}) {
  const { t } = useTranslation()
  const employees = useEmployees({
    q: search.q,
    departmentId: search.departmentId,
    positionId: search.positionId,
    status: search.status,
    page: search.page,
    pageSize: search.pageSize,
  })

  // The box follows the address (back button, reset) and sends what is typed after a short pause.
  const [text, setText] = useState(search.q ?? '')
  useEffect(() => setText(search.q ?? ''), [search.q])
  useEffect(() => {
    const trimmed = text.trim()
    if (trimmed === (search.q ?? '')) return
    const timer = setTimeout(() => onChange({ q: trimmed || undefined }), searchDelayMs)
    return () => clearTimeout(timer)
  }, [text, search.q, onChange])

  const departmentTree = useMemo(
    () => toTreeSelect(buildDepartmentTree(departments.filter((d) => d.retiredAt === null))),
    [departments],
  )
  const none = t('common.none')

  const columns: TableColumnsType<Employee> = [
    { key: 'employeeNo', title: t('organisation.employees.employeeNo'), dataIndex: 'employeeNo', width: 84 },
    {
      key: 'name',
      title: t('organisation.employees.name'),
      dataIndex: 'name',
      width: 88,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'department',
      title: t('organisation.employees.department'),
      dataIndex: 'departmentName',
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'position',
      title: t('organisation.employees.position'),
      dataIndex: 'positionName',
      render: (name: string | null, row) =>
        name && row.positionId ? (
          <Typography.Link onClick={() => onOpenPosition(row.positionId!)}>{name}</Typography.Link>
        ) : (
          none
        ),
    },
    {
      key: 'manager',
      title: t('organisation.employees.manager'),
      dataIndex: 'managerName',
      render: (v: string | null) => v ?? none,
    },
    { key: 'hireDate', title: t('organisation.employees.hireDate'), dataIndex: 'hireDate', width: 104 },
    {
      key: 'status',
      title: t('organisation.employees.status'),
      dataIndex: 'status',
      width: 76,
      render: (status: EmployeeStatus) => (
        <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
          {t(`organisation.status.${status}`)}
        </Tag>
      ),
    },
    ...(onEdit && onLeave
      ? [
          {
            key: 'actions',
            title: t('orgEdit.actions'),
            width: compact ? 92 : 176,
            fixed: 'right' as const,
            render: (_: unknown, row: Employee) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('orgEdit.employee.editOf', { name: row.name })}
                  onClick={() => onEdit(row)}
                >
                  {compact ? null : t('orgEdit.edit')}
                </Button>
                {row.status !== 'left' ? (
                  <Button
                    size="small"
                    icon={compact ? <UserDeleteOutlined /> : undefined}
                    aria-label={t('orgEdit.employee.leaveOf', { name: row.name })}
                    onClick={() => onLeave(row)}
                  >
                    {compact ? null : t('orgEdit.employee.leave')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ]

  const hasFilters = Boolean(search.q || search.positionId || search.status || search.departmentId)

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8}>
        <Input.Search
          aria-label={t('organisation.employees.search')}
          placeholder={t('organisation.employees.search')}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          style={{ flex: '1 1 220px', maxWidth: 320 }}
          enterButton={t('organisation.employees.searchButton')}
        />
        {showDepartmentFilter ? (
          <TreeSelect<number>
            aria-label={t('organisation.employees.department')}
            placeholder={t('organisation.allDepartments')}
            allowClear
            treeDefaultExpandAll
            treeData={departmentTree}
            value={search.departmentId}
            onChange={(value) => onChange({ departmentId: value ?? undefined })}
            style={{ flex: '1 1 160px', maxWidth: 220 }}
          />
        ) : null}
        <Select<number>
          aria-label={t('organisation.employees.position')}
          placeholder={t('organisation.employees.allPositions')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={positions.filter((p) => p.retiredAt === null).map((p) => ({ value: p.id, label: p.name }))}
          value={search.positionId}
          onChange={(value) => onChange({ positionId: value ?? undefined })}
          style={{ flex: '1 1 160px', maxWidth: 220 }}
        />
        <Select<EmployeeStatus>
          aria-label={t('organisation.employees.status')}
          placeholder={t('organisation.employees.allStatuses')}
          allowClear
          options={statuses.map((s) => ({ value: s, label: t(`organisation.status.${s}`) }))}
          value={search.status}
          onChange={(value) => onChange({ status: value ?? undefined })}
          style={{ flex: '1 1 120px', maxWidth: 160 }}
        />
        {onCreate ? (
          <Button type="primary" icon={<UserAddOutlined />} onClick={onCreate}>
            {t('orgEdit.employee.create')}
          </Button>
        ) : null}
        {hasFilters ? (
          <Button
            icon={<ReloadOutlined />}
            onClick={() =>
              onChange({ q: undefined, positionId: undefined, status: undefined, departmentId: undefined })
            }
          >
            {t('organisation.employees.reset')}
          </Button>
        ) : null}
      </Flex>
      {employees.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('common.loadFailed')}
          description={describeError(t, employees.error)}
          action={
            <Button size="small" onClick={() => void employees.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : null}
      <section aria-label={t('organisation.employees.table')}>
        <Table<Employee>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={employees.data?.items ?? []}
          loading={employees.isFetching}
          locale={{ emptyText: t('organisation.employees.empty') }}
          scroll={{ x: 680 }}
          pagination={{
            current: search.page,
            pageSize: search.pageSize,
            total: employees.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: pageSizes.map(String),
            showTotal: (total) => t('organisation.employees.total', { total }),
            responsive: true,
          }}
          onChange={(pagination) => {
            const pageSize = pagination.pageSize ?? search.pageSize
            onChange(
              pageSize !== search.pageSize ? { pageSize } : { page: pagination.current ?? search.page },
            )
          }}
        />
      </section>
    </Flex>
  )
}
