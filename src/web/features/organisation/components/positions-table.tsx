import { ApartmentOutlined, DeleteOutlined, EditOutlined, FileTextOutlined } from '@ant-design/icons'
import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Position } from '../../../../contracts/organisation.ts'

// The positions (岗位) of the chosen department branch, each opening its job description.
export function PositionsTable({
  positions,
  loading,
  onOpen,
  onEdit,
  onRetire,
  compact = false,
}: {
  positions: readonly Position[]
  loading: boolean
  /** Phones: the action buttons show only their icons, so the fixed column leaves room for the names. */
  compact?: boolean
  onOpen: (positionId: number) => void
  /** Given to admin and HR: 编辑 and 撤销 / 恢复 on each row. */
  onEdit?: (position: Position) => void
  onRetire?: (position: Position) => void
}) {
  const { t } = useTranslation()
  const none = t('common.none')
  const columns: TableColumnsType<Position> = [
    {
      key: 'name',
      title: t('organisation.positions.name'),
      dataIndex: 'name',
      width: 130,
      render: (name: string, row) =>
        row.retiredAt ? (
          <Typography.Text type="secondary">
            {name}
            <Tag style={{ marginInlineStart: 6 }}>{t('orgEdit.retired')}</Tag>
          </Typography.Text>
        ) : (
          <Typography.Text strong>{name}</Typography.Text>
        ),
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
      width: compact ? (onEdit ? 124 : 52) : onEdit ? 260 : 136,
      fixed: 'right',
      render: (_, row) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            icon={<FileTextOutlined />}
            aria-label={t('organisation.positions.viewJobDescriptionOf', { name: row.name })}
            onClick={() => onOpen(row.id)}
          >
            {compact ? null : t('organisation.positions.viewJobDescription')}
          </Button>
          {onEdit ? (
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t('orgEdit.position.editOf', { name: row.name })}
              onClick={() => onEdit(row)}
            >
              {compact ? null : t('orgEdit.edit')}
            </Button>
          ) : null}
          {onRetire ? (
            <Button
              size="small"
              danger={!row.retiredAt}
              icon={compact ? row.retiredAt ? <ApartmentOutlined /> : <DeleteOutlined /> : undefined}
              aria-label={t(row.retiredAt ? 'orgEdit.restoreOf' : 'orgEdit.retireOf', { name: row.name })}
              onClick={() => onRetire(row)}
            >
              {compact ? null : row.retiredAt ? t('orgEdit.restore') : t('orgEdit.retire')}
            </Button>
          ) : null}
        </Flex>
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
