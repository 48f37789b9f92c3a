import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Button, Flex, Input, Result, Select, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../../components/page-header.tsx'
import { isLanguage } from '../../../i18n/i18n.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { type AuditRow, useAudit } from '../api/list-audit.ts'
import { useVerifyAudit } from '../api/verify-audit.ts'
import { AuditChanges } from './audit-changes.tsx'

const entities = [
  'appraisal_sheet',
  'appeal',
  'cycle',
  'calendar',
  'template',
  'employee',
  'department',
  'position',
  'bonus_pool',
  'pay_sheet',
  'user',
]

// 审计日志: every change to scores, pay, status and organisation data — who, when, what, before → after, why —
// each row a sentence in the reader's language with a table of the changed fields, the raw record behind a
// toggle; paged and filtered by entity, with a check of the hash chain.
export function AuditPage() {
  const { t, i18n } = useTranslation()
  const [entity, setEntity] = useState('')
  const [entityId, setEntityId] = useState('')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const [rawShown, setRawShown] = useState<number[]>([])
  const audit = useAudit({
    lang: isLanguage(i18n.language) ? i18n.language : 'zh-CN',
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
          description={verify.data.ok ? undefined : t(`audit.chainReasons.${verify.data.reason}`)}
        />
      ) : null}
      {verify.isError ? (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon message={describeError(t, verify.error)} />
      ) : null}
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('audit.entity')}
          placeholder={t('audit.entity')}
          style={{ width: 220 }}
          value={entity || undefined}
          options={entities.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
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
          showExpandColumn: false,
          expandedRowKeys: rawShown,
          expandedRowRender: (row) => (
            <div data-testid="audit-raw">
              <Typography.Text type="secondary">
                {t('audit.rawAction')}: <Typography.Text code>{row.action}</Typography.Text>
              </Typography.Text>
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
            </div>
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
            title: t('audit.columns.what'),
            key: 'what',
            render: (_, r) => (
              <div data-testid="audit-sentence">
                <Typography.Text>{r.sentence}</Typography.Text>
                {r.reason ? (
                  <div>
                    <Typography.Text type="secondary">
                      {t('audit.reasonLine', { reason: r.reason })}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
          {
            title: t('audit.columns.change'),
            key: 'change',
            render: (_, r) => <AuditChanges changes={r.changes} />,
          },
          {
            title: t('audit.columns.raw'),
            key: 'raw',
            width: 120,
            render: (_, r) => {
              const shown = rawShown.includes(r.id)
              return (
                <Button
                  type="link"
                  size="small"
                  aria-expanded={shown}
                  onClick={() =>
                    setRawShown((ids) => (shown ? ids.filter((id) => id !== r.id) : [...ids, r.id]))
                  }
                >
                  {shown ? t('audit.hideRaw') : t('audit.showRaw')}
                </Button>
              )
            },
          },
        ]}
      />
    </>
  )
}
