import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Flex,
  Grid,
  Progress,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RosterIssue, RosterPreview, RosterPreviewRow } from '../../../../contracts/roster.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { previewRoster, rosterExportUrl, rosterTemplateUrl, useApplyRoster } from '../api/roster-api.ts'

// 花名册 导入/导出: download the template or the current roster, upload a filled one (XLSX or CSV), see what
// would be created, changed, left alone and refused (row and column), then confirm; all or nothing.

type Filter = 'all' | RosterPreviewRow['action']

const actionColours: Record<RosterPreviewRow['action'], string> = {
  create: 'green',
  change: 'blue',
  unchanged: 'default',
  error: 'red',
}

export function RosterImportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [file, setFile] = useState<File | null>(null)
  const [createMissing, setCreateMissing] = useState(false)
  const [preview, setPreview] = useState<RosterPreview | null>(null)
  const [reading, setReading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [filter, setFilter] = useState<Filter>('all')
  const apply = useApplyRoster()
  const screens = Grid.useBreakpoint()

  const runPreview = async (chosen: File, tick: boolean) => {
    setReading(true)
    setError(null)
    setPreview(null)
    apply.reset()
    try {
      setPreview(await previewRoster(chosen, tick))
    } catch (e) {
      setError(e)
    } finally {
      setReading(false)
    }
  }

  const confirm = () => {
    if (!preview) return
    apply.mutate(
      { uploadId: preview.uploadId, createMissing: preview.createMissing },
      {
        onSuccess: (result) => {
          void message.success(
            t('roster.imported', { create: result.counts.create, change: result.counts.change }),
          )
          setPreview(null)
          setFile(null)
        },
        onError: (e) => setError(e),
      },
    )
  }

  const close = () => {
    setPreview(null)
    setFile(null)
    setError(null)
    apply.reset()
    onClose()
  }

  const rows = preview ? preview.rows.filter((r) => filter === 'all' || r.action === filter) : []
  const nothingToDo =
    preview !== null &&
    preview.counts.create +
      preview.counts.change +
      preview.counts.departmentsToCreate +
      preview.counts.positionsToCreate ===
      0
  const busy = reading || apply.isPending

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('roster.title')}
      size={screens.lg ? 1000 : '100%'}
      destroyOnHidden
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('roster.intro')}
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} href={rosterTemplateUrl} download>
            {t('roster.downloadTemplate')}
          </Button>
          <Button icon={<DownloadOutlined />} href={rosterExportUrl} download>
            {t('roster.export')}
          </Button>
        </Flex>
        <Checkbox
          checked={createMissing}
          disabled={busy}
          onChange={(e) => {
            setCreateMissing(e.target.checked)
            if (file) void runPreview(file, e.target.checked)
          }}
        >
          {t('roster.createMissing')}
        </Checkbox>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(chosen) => {
            setFile(chosen)
            void runPreview(chosen, createMissing)
            return false
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t('roster.drop')}</p>
          <p className="ant-upload-hint">{t('roster.dropHint')}</p>
        </Upload.Dragger>

        {busy ? (
          <div role="status" aria-live="polite">
            <Typography.Text>{reading ? t('roster.reading') : t('roster.applying')}</Typography.Text>
            <Progress percent={100} status="active" showInfo={false} />
          </div>
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={t('roster.failed')} description={describeError(t, error)} />
        ) : null}

        {preview ? (
          <>
            <Flex gap={32} wrap>
              <Statistic title={t('roster.action.create')} value={preview.counts.create} />
              <Statistic title={t('roster.action.change')} value={preview.counts.change} />
              <Statistic title={t('roster.action.unchanged')} value={preview.counts.unchanged} />
              <Statistic title={t('roster.action.error')} value={preview.counts.error} />
              <Statistic title={t('roster.newDepartments')} value={preview.counts.departmentsToCreate} />
              <Statistic title={t('roster.newPositions')} value={preview.counts.positionsToCreate} />
            </Flex>
            {preview.errorsTotal > 0 ? (
              <>
                <Alert type="error" showIcon title={t('roster.hasErrors', { count: preview.counts.error })} />
                <Table<RosterIssue>
                  size="small"
                  rowKey={(e, i) => `${e.row}-${e.field}-${i}`}
                  dataSource={preview.errors}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: t('roster.row'), dataIndex: 'row', width: 70 },
                    { title: t('roster.column'), dataIndex: 'column', width: 160 },
                    { title: t('roster.reason'), dataIndex: 'message' },
                  ]}
                />
              </>
            ) : null}
            <Segmented<Filter>
              value={filter}
              onChange={setFilter}
              options={(['all', 'create', 'change', 'unchanged', 'error'] as const).map((value) => ({
                value,
                label: value === 'all' ? t('roster.all') : t(`roster.action.${value}`),
              }))}
            />
            <Table<RosterPreviewRow>
              size="small"
              rowKey={(r) => `${r.row ?? 'leaver'}-${r.employeeNo}`}
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { title: t('roster.row'), dataIndex: 'row', width: 70 },
                { title: t('roster.fields.employeeNo'), dataIndex: 'employeeNo', width: 110 },
                { title: t('roster.fields.name'), dataIndex: 'name', width: 120 },
                {
                  title: t('roster.result'),
                  dataIndex: 'action',
                  width: 90,
                  render: (action: RosterPreviewRow['action']) => (
                    <Tag color={actionColours[action]}>{t(`roster.action.${action}`)}</Tag>
                  ),
                },
                {
                  title: t('roster.changes'),
                  dataIndex: 'changes',
                  render: (changes: RosterPreviewRow['changes']) =>
                    changes.map((c) => (
                      <div key={c.field}>
                        {t(`roster.fields.${c.field}`)}：{c.from ?? '—'} → {c.to ?? '—'}
                      </div>
                    )),
                },
              ]}
            />
            {preview.rowsTotal > preview.rows.length ? (
              <Typography.Text type="secondary">
                {t('roster.capped', { shown: preview.rows.length, total: preview.rowsTotal })}
              </Typography.Text>
            ) : null}
            <Flex justify="flex-end" gap={8}>
              <Button onClick={close}>{t('roster.cancel')}</Button>
              <Button
                type="primary"
                loading={apply.isPending}
                disabled={preview.errorsTotal > 0 || nothingToDo}
                onClick={confirm}
              >
                {t('roster.confirm')}
              </Button>
            </Flex>
          </>
        ) : null}
      </Space>
    </Drawer>
  )
}
