import { FileTextOutlined } from '@ant-design/icons'
import { Button, Table, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Position } from '../../../../contracts/organisation.ts'

// The positions (岗位) of the chosen department branch, each opening its job description.
export function PositionsTable({
  positions,
  loading,
  onOpen,
}: {
  positions: readonly Position[]
  loading: boolean
  onOpen: (positionId: number) => void
}) {
  const { t } = useTranslation()
  const none = t('common.none')
  const columns: TableColumnsType<Position> = [
    {
      key: 'name',
      title: t('organisation.positions.name'),
      dataIndex: 'name',
      width: 130,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'department',
      title: t('organisation.positions.department'),
      dataIndex: 'departmentName',
      width: 110,
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'superior',
      title: t('organisation.positions.superior'),
      dataIndex: 'superiorPositionName',
      width: 110,
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'summary',
      title: t('organisation.positions.summary'),
      render: (_, row) => (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {row.jobDescription.summary || none}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'duties',
      title: t('organisation.positions.dutyCount'),
      width: 76,
      align: 'right',
      render: (_, row) => row.jobDescription.duties.length,
    },
    {
      key: 'actions',
      title: t('organisation.positions.actions'),
      width: 136,
      fixed: 'right',
      render: (_, row) => (
        <Button
          size="small"
          icon={<FileTextOutlined />}
          aria-label={t('organisation.positions.viewJobDescriptionOf', { name: row.name })}
          onClick={() => onOpen(row.id)}
        >
          {t('organisation.positions.viewJobDescription')}
        </Button>
      ),
    },
  ]

  return (
    <section aria-label={t('organisation.positions.table')}>
      <Table<Position>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={[...positions]}
        loading={loading}
        locale={{ emptyText: t('organisation.positions.empty') }}
        scroll={{ x: 720 }}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (total) => t('organisation.positions.total', { total }),
        }}
      />
    </section>
  )
}
