import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  DirectoryKindName,
  DirectorySyncResult,
  DirectorySyncRun,
} from '../../../../contracts/directory.ts'
import type { IdentityProvider } from '../../../../contracts/identity-providers.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useDirectorySync, useDirectorySyncRuns, useSetDailySync } from '../api/directory-sync-api.ts'

const directoryKinds: readonly DirectoryKindName[] = ['dingtalk', 'feishu', 'wecom']

/** YYYY-MM-DD HH:mm in the browser's time zone. */
export function formatRunTime(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

// 通讯录同步 (admin): preview what the DingTalk, Feishu or WeCom directory would change (新增 / 变更 / 标记离职 /
// 错误), confirm it, switch the daily sync on, and see the last runs. Nobody is ever deleted.
export function DirectorySyncPanel({ providers }: { providers: readonly IdentityProvider[] }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const configured = directoryKinds.filter((k) => providers.some((p) => p.kind === k))
  const [kind, setKind] = useState<DirectoryKindName | undefined>(configured[0])
  const [shown, setShown] = useState<DirectorySyncResult | undefined>()
  const preview = useDirectorySync('preview')
  const apply = useDirectorySync('apply')
  const daily = useSetDailySync()
  const runs = useDirectorySyncRuns()
  const selected = kind && configured.includes(kind) ? kind : configured[0]
  const provider = providers.find((p) => p.kind === selected)
  const error = preview.error ?? apply.error

  const runPreview = () => {
    if (!selected) return
    apply.reset()
    preview.mutate(selected, { onSuccess: setShown })
  }
  const runApply = () => {
    if (!selected) return
    apply.mutate(selected, {
      onSuccess: (result) => {
        setShown(result)
        message.success(t('directorySync.applied'))
      },
    })
  }

  return (
    <Card title={t('directorySync.title')}>
      <Typography.Paragraph type="secondary">{t('directorySync.intro')}</Typography.Paragraph>
      {configured.length === 0 ? (
        <Empty description={t('directorySync.noProvider')} />
      ) : (
        <Flex vertical gap={16}>
          <Space wrap>
            <Select<DirectoryKindName>
              aria-label={t('directorySync.provider')}
              value={selected}
              style={{ minWidth: 140 }}
              onChange={(value) => {
                setKind(value)
                setShown(undefined)
              }}
              options={configured.map((k) => ({ value: k, label: t(`directorySync.kinds.${k}`) }))}
            />
            <Button onClick={runPreview} loading={preview.isPending}>
              {t('directorySync.preview')}
            </Button>
            <Button
              type="primary"
              onClick={runApply}
              loading={apply.isPending}
              disabled={!shown || shown.kind !== selected || shown.mode !== 'preview'}
            >
              {t('directorySync.apply')}
            </Button>
            <Space>
              <Switch
                aria-label={t('directorySync.daily')}
                checked={provider?.syncDaily ?? false}
                loading={daily.isPending}
                onChange={(syncDaily) => selected && daily.mutate({ kind: selected, syncDaily })}
              />
              <span>{t('directorySync.daily')}</span>
            </Space>
          </Space>
          <Typography.Text type="secondary">{t('directorySync.dailyHelp')}</Typography.Text>
          {error ? <Alert type="error" showIcon message={describeError(t, error)} /> : null}
          {shown ? <SyncResult result={shown} /> : null}
        </Flex>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('directorySync.runs')}
      </Typography.Title>
      <RunsTable runs={runs.data?.items ?? []} loading={runs.isPending} />
    </Card>
  )
}

function SyncResult({ result }: { result: DirectorySyncResult }) {
  const { t } = useTranslation()
  const c = result.counts
  const value = (v: string | null) => v ?? t('directorySync.empty')
  return (
    <Flex vertical gap={12}>
      <Alert
        type={result.mode === 'preview' ? 'info' : 'success'}
        showIcon
        message={result.mode === 'preview' ? t('directorySync.previewNote') : t('directorySync.appliedNote')}
      />
      <Space size="large" wrap>
        <Statistic title={t('directorySync.counts.departmentsCreated')} value={c.departmentsCreated} />
        <Statistic title={t('directorySync.counts.created')} value={c.created} />
        <Statistic title={t('directorySync.counts.changed')} value={c.changed} />
        <Statistic title={t('directorySync.counts.markedLeft')} value={c.markedLeft} />
        <Statistic title={t('directorySync.counts.unchanged')} value={c.unchanged} />
        <Statistic title={t('directorySync.counts.errors')} value={c.errors} />
      </Space>
      <Tabs
        items={[
          {
            key: 'created',
            label: `${t('directorySync.counts.created')} (${c.created})`,
            children: (
              <Table
                size="small"
                rowKey="employeeNo"
                dataSource={result.created}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('directorySync.columns.employeeNo'), dataIndex: 'employeeNo' },
                  { title: t('directorySync.columns.name'), dataIndex: 'name' },
                  { title: t('directorySync.columns.department'), dataIndex: 'department', render: value },
                  { title: t('directorySync.columns.manager'), dataIndex: 'managerNo', render: value },
                  { title: t('directorySync.columns.hireDate'), dataIndex: 'hireDate' },
                ]}
              />
            ),
          },
          {
            key: 'changed',
            label: `${t('directorySync.counts.changed')} (${c.changed})`,
            children: (
              <Table
                size="small"
                rowKey="employeeNo"
                dataSource={result.changed}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('directorySync.columns.employeeNo'), dataIndex: 'employeeNo' },
                  { title: t('directorySync.columns.name'), dataIndex: 'name' },
                  {
                    title: t('directorySync.columns.changes'),
                    key: 'changes',
                    render: (_, row) => (
                      <Flex vertical>
                        {row.changes.map((ch) => (
                          <span key={ch.field}>
                            {t(`directorySync.fields.${ch.field}`)}：{value(ch.from)} → {value(ch.to)}
                          </span>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'left',
            label: `${t('directorySync.counts.markedLeft')} (${c.markedLeft})`,
            children: (
              <Table
                size="small"
                rowKey="employeeNo"
                dataSource={result.left}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('directorySync.columns.employeeNo'), dataIndex: 'employeeNo' },
                  { title: t('directorySync.columns.name'), dataIndex: 'name' },
                  { title: t('directorySync.columns.leaveDate'), dataIndex: 'leaveDate' },
                ]}
              />
            ),
          },
          {
            key: 'errors',
            label: `${t('directorySync.counts.errors')} (${c.errors})`,
            children: (
              <Table
                size="small"
                rowKey={(row) => `${row.employeeNo ?? ''}-${row.message}`}
                dataSource={result.errors}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('directorySync.columns.employeeNo'), dataIndex: 'employeeNo', render: value },
                  { title: t('directorySync.columns.name'), dataIndex: 'name', render: value },
                  { title: t('directorySync.columns.reason'), dataIndex: 'message' },
                ]}
              />
            ),
          },
        ]}
      />
    </Flex>
  )
}

function RunsTable({ runs, loading }: { runs: DirectorySyncRun[]; loading: boolean }) {
  const { t } = useTranslation()
  return (
    <Table<DirectorySyncRun>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={runs}
      pagination={false}
      locale={{ emptyText: t('directorySync.noRuns') }}
      columns={[
        { title: t('directorySync.columns.time'), dataIndex: 'startedAt', render: formatRunTime },
        {
          title: t('directorySync.provider'),
          dataIndex: 'kind',
          render: (k: string) => t(`directorySync.kinds.${k}`),
        },
        {
          title: t('directorySync.columns.mode'),
          dataIndex: 'mode',
          render: (m: string) => t(`directorySync.modes.${m}`),
        },
        {
          title: t('directorySync.columns.trigger'),
          key: 'trigger',
          render: (_, r) => r.actorName ?? t(`directorySync.triggers.${r.trigger}`),
        },
        {
          title: t('directorySync.columns.status'),
          dataIndex: 'status',
          render: (s: string, r) =>
            s === 'ok' ? (
              <Tag color="green">{t('directorySync.status.ok')}</Tag>
            ) : (
              <Typography.Text type="danger" title={r.messages.join('\n')}>
                {t('directorySync.status.failed')}：{r.messages[0] ?? ''}
              </Typography.Text>
            ),
        },
        {
          title: t('directorySync.columns.counts'),
          key: 'counts',
          render: (_, r) =>
            t('directorySync.countsLine', {
              created: r.counts.created,
              changed: r.counts.changed,
              left: r.counts.markedLeft,
              errors: r.counts.errors,
            }),
        },
      ]}
    />
  )
}
