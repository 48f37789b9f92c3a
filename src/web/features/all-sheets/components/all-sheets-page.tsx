import { Button, Checkbox, Flex, Result, Select, Space, Table, Tag, Typography } from 'antd'
import type { SortOrder } from 'antd/es/table/interface'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router-dom'
import type { CycleSheetRow, CycleSheetSearch } from '../../../../contracts/cycle-sheets.ts'
import { sheetStates } from '../../../../contracts/workflow.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { sheetPath } from '../../../lib/sheet-links.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useAllSheets, useChoosableCycles } from '../api/list-all-sheets.ts'

const pageSize = 50
const grades = ['excellent', 'good', 'pass', 'fail'] as const
const filterKeys = [
  'departmentId',
  'state',
  'grade',
  'overdue',
  'hasAppeal',
  'held',
  'sort',
  'direction',
] as const
type SortKey = 'name' | 'department' | 'stage' | 'total' | 'grade' | 'deadline'

// 全部考核表: every sheet of a cycle (HR, admin) or of the supervisor's tree, filtered, sorted and paged by the
// server. The filters live in the address, so the board's counts link straight to the sheets they count, and
// each row opens the sheet.
export function AllSheetsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const staff = user.role === 'hr' || user.role === 'admin'
  const [params, setParams] = useSearchParams()
  const cycles = useChoosableCycles(staff)
  const cycleId = params.get('cycle') ? Number(params.get('cycle')) : undefined
  const offset = Number(params.get('offset') ?? 0) || 0
  const search: CycleSheetSearch = { limit: String(pageSize), offset: String(offset) }
  for (const key of filterKeys) {
    const value = params.get(key)
    if (value) search[key] = value
  }
  const page = useAllSheets(cycleId, search)

  // Without a cycle in the address, the newest one the user may see.
  const newest = cycles.data?.[0]?.id
  useEffect(() => {
    if (cycleId === undefined && newest !== undefined) setParams({ cycle: String(newest) }, { replace: true })
  }, [cycleId, newest, setParams])

  /** Changes some filters and goes back to the first page. */
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key)
      else next.set(key, value)
    }
    if (!('offset' in changes)) next.delete('offset')
    setParams(next)
  }
  const sort = (params.get('sort') ?? 'name') as SortKey
  const sortOrder = (key: SortKey): SortOrder =>
    sort === key ? (params.get('direction') === 'desc' ? 'descend' : 'ascend') : null
  const states = params.get('state')?.split(',').filter(Boolean) ?? []

  if (page.isError)
    return <Result status="error" title={t('allSheets.loadFailed')} subTitle={describeError(t, page.error)} />
  const data = page.data
  return (
    <>
      <PageHeader
        title={t('allSheets.title')}
        subtitle={data ? t('allSheets.subtitle', { cycle: data.cycle.name, count: data.total }) : undefined}
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('allSheets.filters.cycle')}
          style={{ minWidth: 200 }}
          loading={cycles.isPending}
          value={cycleId}
          placeholder={t('allSheets.filters.cycle')}
          options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(value: number) => setParams({ cycle: String(value) })}
        />
        <Select
          aria-label={t('allSheets.filters.department')}
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('allSheets.filters.department')}
          value={params.get('departmentId') ? Number(params.get('departmentId')) : undefined}
          options={(data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(value?: number) =>
            update({ departmentId: value === undefined ? undefined : String(value) })
          }
        />
        <Select
          aria-label={t('allSheets.filters.state')}
          mode="multiple"
          allowClear
          // eleven stages: all of them in the dropdown, none hidden by virtual scrolling
          virtual={false}
          optionFilterProp="label"
          style={{ minWidth: 200 }}
          placeholder={t('allSheets.filters.state')}
          value={states}
          options={sheetStates.map((s) => ({ value: s, label: t(`cycles.states.${s}`) }))}
          onChange={(value: string[]) => update({ state: value.join(',') })}
        />
        <Select
          aria-label={t('allSheets.filters.grade')}
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t('allSheets.filters.grade')}
          value={params.get('grade') ?? undefined}
          options={grades.map((g) => ({ value: g, label: t(`cycles.grades.${g}`) }))}
          onChange={(value?: string) => update({ grade: value })}
        />
        {(['overdue', 'hasAppeal', 'held'] as const).map((flag) => (
          <Checkbox
            key={flag}
            checked={params.get(flag) === 'true'}
            onChange={(e) => update({ [flag]: e.target.checked ? 'true' : undefined })}
          >
            {t(`allSheets.filters.${flag}`)}
          </Checkbox>
        ))}
        <Button
          onClick={() => setParams(cycleId === undefined ? {} : { cycle: String(cycleId) })}
          disabled={filterKeys.every((k) => !params.get(k))}
        >
          {t('allSheets.filters.reset')}
        </Button>
      </Flex>
      <Table<CycleSheetRow>
        rowKey="id"
        size="middle"
        loading={page.isFetching || cycles.isPending}
        dataSource={data?.items ?? []}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('allSheets.empty') }}
        onRow={(row) => ({ onDoubleClick: () => navigate(sheetPath(row.id)) })}
        pagination={{
          current: Math.floor(offset / pageSize) + 1,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('allSheets.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'paginate')
            return update({ offset: String(((pagination.current ?? 1) - 1) * pageSize) })
          const one = Array.isArray(sorter) ? sorter[0] : sorter
          const key = one?.order ? (one.columnKey as SortKey) : undefined
          update({
            sort: key,
            direction: key && one?.order === 'descend' ? 'desc' : undefined,
          })
        }}
        columns={[
          { title: t('allSheets.columns.employeeNo'), dataIndex: 'employeeNo', width: 100 },
          {
            title: t('allSheets.columns.name'),
            key: 'name',
            sorter: true,
            sortOrder: sortOrder('name'),
            render: (_, r) => (
              <Link to={sheetPath(r.id)} data-testid={`all-sheets-open-${r.id}`}>
                {r.employeeName}
              </Link>
            ),
          },
          {
            title: t('allSheets.columns.department'),
            key: 'department',
            sorter: true,
            sortOrder: sortOrder('department'),
            render: (_, r) => r.departmentName ?? '—',
          },
          {
            title: t('allSheets.columns.reviewer'),
            key: 'reviewer',
            render: (_, r) => r.reviewerName ?? '—',
          },
          {
            title: t('allSheets.columns.stage'),
            key: 'stage',
            sorter: true,
            sortOrder: sortOrder('stage'),
            render: (_, r) => <Tag>{t(`cycles.states.${r.state}`)}</Tag>,
          },
          {
            title: t('allSheets.columns.total'),
            key: 'total',
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('total'),
            render: (_, r) => (r.total === null ? '—' : r.total.toFixed(2)),
          },
          {
            title: t('allSheets.columns.grade'),
            key: 'grade',
            sorter: true,
            sortOrder: sortOrder('grade'),
            render: (_, r) => (r.grade ? t(`cycles.grades.${r.grade}`, { defaultValue: r.grade }) : '—'),
          },
          {
            title: t('allSheets.columns.deadline'),
            key: 'deadline',
            sorter: true,
            sortOrder: sortOrder('deadline'),
            render: (_, r) =>
              r.dueDate === null ? (
                '—'
              ) : r.isOverdue ? (
                <Typography.Text type="danger">{r.dueDate}</Typography.Text>
              ) : (
                r.dueDate
              ),
          },
          {
            title: t('allSheets.columns.flags'),
            key: 'flags',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.isOverdue ? <Tag color="red">{t('allSheets.flags.overdue')}</Tag> : null}
                {r.hasAppeal ? <Tag color="orange">{t('allSheets.flags.hasAppeal')}</Tag> : null}
                {r.isHeld ? <Tag color="gold">{t('allSheets.flags.held')}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  )
}
