import { PrinterOutlined } from '@ant-design/icons'
import { Button, Flex, InputNumber, Select, TreeSelect } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Department } from '../../../../contracts/organisation.ts'
import { useDepartments } from '../../organisation/api/get-departments.ts'
import { useDashboardCycles } from '../api/get-dashboard-cycles.ts'

type TreeNode = { value: number; title: string; children: TreeNode[] }

function departmentTree(departments: readonly Department[]): TreeNode[] {
  const byParent = new Map<number | null, Department[]>()
  for (const d of departments) byParent.set(d.parentId, [...(byParent.get(d.parentId) ?? []), d])
  const build = (parent: number | null): TreeNode[] =>
    (byParent.get(parent) ?? []).map((d) => ({ value: d.id, title: d.name, children: build(d.id) }))
  return build(null)
}

// The filters above a dashboard: cycle, and where asked department and alert line; plus the Print button.
export function DashboardFilters({
  cycleId,
  onCycle,
  departmentId,
  onDepartment,
  threshold,
  onThreshold,
}: {
  cycleId: number | undefined
  onCycle: (id: number | undefined) => void
  departmentId?: number | undefined
  onDepartment?: (id: number | undefined) => void
  threshold?: number
  onThreshold?: (value: number) => void
}) {
  const { t } = useTranslation()
  const cycles = useDashboardCycles()
  return (
    <Flex wrap gap={8} align="center" className="jixiao-no-print" style={{ marginBottom: 12 }}>
      <Select
        aria-label={t('dashboards.filters.cycle')}
        style={{ minWidth: 200 }}
        value={cycleId ?? null}
        loading={cycles.isPending}
        onChange={(v) => onCycle(v ?? undefined)}
        options={[
          { value: null, label: t('dashboards.filters.latest') },
          ...(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      {onDepartment ? <DepartmentFilter value={departmentId} onChange={onDepartment} /> : null}
      {onThreshold ? (
        <InputNumber
          aria-label={t('dashboards.filters.threshold')}
          addonBefore={t('dashboards.filters.threshold')}
          min={0}
          max={1000}
          value={threshold}
          onChange={(v) => {
            if (typeof v === 'number') onThreshold(v)
          }}
          style={{ width: 160 }}
        />
      ) : null}
      <div style={{ flex: 1 }} />
      <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
        {t('dashboards.print')}
      </Button>
    </Flex>
  )
}

function DepartmentFilter({
  value,
  onChange,
}: {
  value: number | undefined
  onChange: (id: number | undefined) => void
}) {
  const { t } = useTranslation()
  const departments = useDepartments()
  const tree = useMemo(() => departmentTree(departments.data ?? []), [departments.data])
  return (
    <TreeSelect
      aria-label={t('dashboards.filters.department')}
      style={{ minWidth: 180 }}
      allowClear
      placeholder={t('dashboards.filters.allDepartments')}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      treeData={tree}
      treeDefaultExpandAll
    />
  )
}
