import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportHistoryItem } from '../../../../contracts/ingest-api.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSession } from '../../auth/api/get-session.ts'
import { importQueryKeys, undoImport, useImportHistory } from '../api/import-queries.ts'

const statusColor = { completed: 'green', undone: 'default', failed: 'red' } as const

// 导入历史: who imported which file when, its hash, rows, period and preset; a completed import can be undone.
export function ImportHistory() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const history = useImportHistory()
  const session = useSession()
  const canUndo = session.data?.user.role === 'admin' || session.data?.user.role === 'hr'
  const undo = useMutation({
    mutationFn: undoImport,
    onSuccess: async (r) => {
      message.success(t('imports.history.undone', { id: r.importId, rows: r.removedRows }))
      await queryClient.invalidateQueries({ queryKey: importQueryKeys.all })
    },
    onError: (error) => message.error(describeError(t, error)),
  })
  if (history.error) return <Alert type="error" showIcon message={describeError(t, history.error)} />
  return (
    <Table<ImportHistoryItem>
      size="small"
      rowKey="id"
      loading={history.isLoading}
      dataSource={history.data ?? []}
      aria-label={t('imports.tabs.history')}
      scroll={{ x: true }}
      columns={[
        { title: '#', dataIndex: 'id', width: 60 },
        {
          title: t('imports.history.when'),
          dataIndex: 'createdAt',
          width: 170,
          render: (v: string) => new Date(v).toLocaleString(),
        },
        {
          title: t('imports.history.who'),
          dataIndex: 'createdBy',
          width: 90,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('imports.history.file'),
          dataIndex: 'fileName',
          width: 340,
          render: (v: string, r) => (
            <Tooltip title={`SHA-256 ${r.sha256}`}>
              <span>{v}</span>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {r.sha256.slice(0, 12)}…
              </Typography.Text>
            </Tooltip>
          ),
        },
        { title: t('imports.history.preset'), dataIndex: 'preset' },
        { title: t('imports.history.rows'), dataIndex: 'rows', align: 'right', width: 80 },
        {
          title: t('imports.history.period'),
          key: 'period',
          width: 120,
          render: (_, r) => (r.periodStart ? `${r.periodStart} ~ ${r.periodEnd}` : '—'),
        },
        {
          title: t('imports.history.status'),
          dataIndex: 'status',
          render: (v: ImportHistoryItem['status'], r) => (
            <Tooltip title={r.error ?? undefined}>
              <Tag color={statusColor[v]}>{t(`imports.status.${v}`)}</Tag>
            </Tooltip>
          ),
        },
        {
          title: '',
          key: 'actions',
          render: (_, r) =>
            canUndo && r.status === 'completed' ? (
              <Popconfirm
                title={t('imports.history.confirmUndo', { file: r.fileName })}
                description={t('imports.history.confirmUndoDetail', { rows: r.rows })}
                okText={t('imports.history.undo')}
                cancelText={t('imports.wizard.cancel')}
                onConfirm={() => undo.mutateAsync(r.id)}
              >
                <Button size="small" danger>
                  {t('imports.history.undo')}
                </Button>
              </Popconfirm>
            ) : null,
        },
      ]}
    />
  )
}
