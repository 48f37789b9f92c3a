import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, AutoComplete, Button, Flex, Input, Result, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { type AuditRow, useAudit } from '../api/list-audit.ts'
import { useVerifyAudit } from '../api/verify-audit.ts'
import { describeChange } from '../describe-change.ts'

const entities = [
  'appraisal_sheet',
  'appeal',
  'cycle',
  'calendar',
  'template',
  'employee',
  'department',
  'position',
]

// 审计日志: every change to scores, pay, status and organisation data — who, when, what, before → after, why —
// paged and filtered by entity, with a check of the hash chain.
export function AuditPage() {
  const { t } = useTranslation()
  const [entity, setEntity] = useState('')
  const [entityId, setEntityId] = useState('')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const audit = useAudit({
    entity: entity.trim() || undefined,
    entityId: entityId.trim() || undefined,
    page,
    pageSize,
  })
  const verify = useVerifyAudit()
  if (audit.isError)
    return <Result status="error" title={t('audit.loadFailed')} subTitle={describeError(t, audit.error)} />

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data ? (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 12 }}
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          message={
            verify.data.ok
              ? t('audit.chainOk', { rows: verify.data.rows })
              : t('audit.chainBroken', { id: verify.data.brokenRowId, rows: verify.data.rows })
          }
          description={verify.data.ok ? undefined : verify.data.reason}
        />
      ) : null}
      {verify.isError ? (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon message={describeError(t, verify.error)} />
      ) : null}
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <AutoComplete
          allowClear
          aria-label={t('audit.entity')}
          placeholder={t('audit.entity')}
          style={{ width: 220 }}
          value={entity}
          options={entities.map((e) => ({ value: e, label: `${t(`audit.entities.${e}`)} (${e})` }))}
          onChange={(v) => {
            setEntity(v ?? '')
            setPage(1)
          }}
        />
        <Input
          allowClear
          aria-label={t('audit.entityId')}
          placeholder={t('audit.entityId')}
          style={{ width: 160 }}
          value={entityId}
          onChange={(e) => {
            setEntityId(e.target.value)
            setPage(1)
          }}
        />
      </Flex>
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={audit.isFetching}
        dataSource={audit.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('audit.total', { total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1)
            setPageSize(size)
          },
        }}
        expandable={{
          expandedRowRender: (row) => (
            <Flex gap={16} wrap>
              {(['before', 'after'] as const).map((side) => (
                <div key={side} style={{ flex: '1 1 360px', minWidth: 0 }}>
                  <Typography.Text strong>{t(`audit.columns.${side}`)}</Typography.Text>
                  <pre style={{ maxHeight: 320, overflow: 'auto', fontSize: 12, margin: 0 }}>
                    {JSON.stringify(row[side], null, 2)}
                  </pre>
                </div>
              ))}
            </Flex>
          ),
        }}
        columns={[
          {
            title: t('audit.columns.when'),
            key: 'when',
            width: 150,
            render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('audit.columns.who'),
            key: 'who',
            width: 110,
            render: (_, r) => r.actorName ?? t('audit.system'),
          },
          {
            title: t('audit.columns.what'),
            key: 'what',
            width: 260,
            render: (_, r) => (
              <>
                <Typography.Text code>{r.action}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {t(`audit.entities.${r.entity}`, { defaultValue: r.entity })} #{r.entityId}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t('audit.columns.change'),
            key: 'change',
            render: (_, r) => {
              const changes = describeChange(r.before, r.after)
              return (
                <div data-testid="audit-change">
                  {changes.slice(0, 6).map((c) => (
                    <div key={c.path}>
                      {c.path ? <Typography.Text type="secondary">{c.path}: </Typography.Text> : null}
                      <Typography.Text delete={c.before !== '—'}>{c.before}</Typography.Text> →{' '}
                      <Typography.Text strong>{c.after}</Typography.Text>
                    </div>
                  ))}
                  {changes.length > 6 ? (
                    <Typography.Text type="secondary">
                      {t('audit.more', { count: changes.length - 6 })}
                    </Typography.Text>
                  ) : null}
                </div>
              )
            },
          },
          {
            title: t('audit.columns.why'),
            key: 'why',
            width: 240,
            render: (_, r) => r.reason ?? '—',
          },
        ]}
      />
    </>
  )
}
