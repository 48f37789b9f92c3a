import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Flex, Input, Popconfirm, Result, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { TemplateOrigin, TemplateStatus, TemplateSummary } from '../../../../contracts/template-api.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useTemplates } from '../api/list-templates.ts'
import { useSetTemplateArchived } from '../api/set-template-archived.ts'
import { filterTemplates } from '../filter-templates.ts'
import { CopyTemplateDialog } from './copy-template-dialog.tsx'

// 考核模板: the template library with search, origin and status filters, and view / edit / copy / archive.
export function TemplateLibraryPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const templates = useTemplates(true)
  const archive = useSetTemplateArchived()
  const [search, setSearch] = useState('')
  const [origin, setOrigin] = useState<TemplateOrigin | 'all'>('all')
  const [status, setStatus] = useState<TemplateStatus | 'all'>('active')
  const [copying, setCopying] = useState<TemplateSummary | undefined>()

  const rows = useMemo(
    () => filterTemplates(templates.data ?? [], { search, origin, status }),
    [templates.data, search, origin, status],
  )

  if (templates.isError)
    return (
      <Result status="error" title={t('templates.loadFailed')} subTitle={describeError(t, templates.error)} />
    )

  const setArchived = (row: TemplateSummary, archived: boolean) =>
    archive.mutate(
      { id: row.id, archived },
      {
        onSuccess: () =>
          message.success(t(archived ? 'templates.actions.archived' : 'templates.actions.restored')),
        onError: (error) => message.error(describeError(t, error)),
      },
    )

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        subtitle={t('templates.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
            {t('templates.actions.create')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('templates.library.search')}
          placeholder={t('templates.library.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 280 }}
        />
        <Select
          aria-label={t('templates.library.origin')}
          value={origin}
          onChange={setOrigin}
          style={{ width: 140 }}
          options={[
            { value: 'all', label: t('templates.library.allOrigins') },
            { value: 'builtin', label: t('templates.origin.builtin') },
            { value: 'custom', label: t('templates.origin.custom') },
          ]}
        />
        <Select
          aria-label={t('templates.library.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: 'all', label: t('templates.library.allStatuses') },
            { value: 'active', label: t('templates.status.active') },
            { value: 'archived', label: t('templates.status.archived') },
          ]}
        />
      </Flex>
      <Table<TemplateSummary>
        rowKey="id"
        size="middle"
        loading={templates.isPending}
        dataSource={rows}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('templates.library.empty') }}
        columns={[
          {
            title: t('templates.library.columns.name'),
            key: 'name',
            render: (_, row) => <Link to={`${row.id}`}>{row.name}</Link>,
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
          },
          {
            title: t('templates.library.columns.code'),
            key: 'code',
            render: (_, row) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {row.code}
              </Typography.Text>
            ),
          },
          {
            title: t('templates.library.columns.origin'),
            key: 'origin',
            width: 90,
            render: (_, row) => (
              <Tag color={row.origin === 'builtin' ? 'blue' : 'purple'}>
                {t(`templates.origin.${row.origin}`)}
              </Tag>
            ),
          },
          {
            title: t('templates.library.columns.positions'),
            key: 'positions',
            render: (_, row) =>
              row.positions.length > 0 ? (
                <Space wrap size={4}>
                  {row.positions.map((p) => (
                    <Tag key={p}>{p}</Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('templates.view.none')}</Typography.Text>
              ),
          },
          {
            title: t('templates.library.columns.version'),
            key: 'version',
            width: 90,
            render: (_, row) => t('templates.version.label', { version: row.latestVersion }),
          },
          {
            title: t('templates.library.columns.status'),
            key: 'status',
            width: 90,
            render: (_, row) => (
              <Tag color={row.status === 'active' ? 'green' : 'default'}>
                {t(`templates.status.${row.status}`)}
              </Tag>
            ),
          },
          {
            title: t('templates.library.columns.updatedAt'),
            key: 'updatedAt',
            width: 150,
            render: (_, row) => dayjs(row.updatedAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('templates.library.columns.actions'),
            key: 'actions',
            fixed: 'right',
            width: 230,
            render: (_, row) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => navigate(`${row.id}`)}>
                  {t('templates.actions.view')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  disabled={row.status === 'archived'}
                  onClick={() => navigate(`${row.id}/edit`)}
                >
                  {t('templates.actions.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setCopying(row)}>
                  {t('templates.actions.copy')}
                </Button>
                {row.status === 'active' ? (
                  <Popconfirm
                    title={t('templates.actions.archiveConfirm', { name: row.name })}
                    onConfirm={() => setArchived(row, true)}
                  >
                    <Button type="link" size="small" danger>
                      {t('templates.actions.archive')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button type="link" size="small" onClick={() => setArchived(row, false)}>
                    {t('templates.actions.restore')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CopyTemplateDialog template={copying} onClose={() => setCopying(undefined)} />
    </>
  )
}
