import { PlusOutlined } from '@ant-design/icons'
import { Button, Result, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { CycleListItem } from '../../../../contracts/cycles.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useCycles } from '../api/list-cycles.ts'
import { OpenCycleDrawer } from './open-cycle-drawer.tsx'

const statusColour = { opening: 'processing', open: 'green', failed: 'red', closed: 'default' } as const

// 考核周期: every cycle of the company, and the form that opens a new one.
export function CycleListPage() {
  const { t } = useTranslation()
  const cycles = useCycles()
  const [opening, setOpening] = useState(false)
  if (cycles.isError)
    return <Result status="error" title={t('cycles.loadFailed')} subTitle={describeError(t, cycles.error)} />
  return (
    <>
      <PageHeader
        title={t('cycles.title')}
        subtitle={t('cycles.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t('cycles.actions.open')}
          </Button>
        }
      />
      <Table<CycleListItem>
        rowKey="id"
        size="middle"
        loading={cycles.isPending}
        dataSource={cycles.data ?? []}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('cycles.list.empty') }}
        columns={[
          {
            title: t('cycles.list.name'),
            key: 'name',
            render: (_, row) => <Link to={`${row.id}`}>{row.name}</Link>,
          },
          { title: t('cycles.list.kind'), key: 'kind', render: (_, row) => t(`cycles.kinds.${row.kind}`) },
          {
            title: t('cycles.list.period'),
            key: 'period',
            render: (_, row) => `${row.periodStart} – ${row.periodEnd}`,
          },
          {
            title: t('cycles.list.sheets'),
            key: 'sheets',
            align: 'right',
            render: (_, row) => row.sheets ?? 0,
          },
          {
            title: t('cycles.list.status'),
            key: 'status',
            render: (_, row) => (
              <Tag color={statusColour[row.status]}>{t(`cycles.status.${row.status}`)}</Tag>
            ),
          },
        ]}
      />
      <OpenCycleDrawer open={opening} onClose={() => setOpening(false)} cycles={cycles.data ?? []} />
    </>
  )
}
