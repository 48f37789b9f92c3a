import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  List,
  Modal,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import type { AppealDetail } from '../../../../contracts/appeal-detail.ts'
import type { DisputedItem } from '../../../../contracts/appeals.ts'
import type { IndicatorScore } from '../../../../contracts/sheets.ts'
import { PageHeader } from '../../../components/page-header.tsx'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useAppealSteps } from '../api/appeal-steps.ts'
import { useAppeal } from '../api/get-appeal.ts'
import { findIndicator } from '../build-changed-inputs.ts'
import { isAppealOverdue } from './appeal-queue-page.tsx'
import { AppealStatusTag } from './appeal-status-tag.tsx'
import { RulingForm } from './ruling-form.tsx'
import { TakeUpForm } from './take-up-form.tsx'

const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—')

/** The values a ruling changed, one line per indicator: shared actuals and supervisor scores. */
function changedRows(appeal: AppealDetail) {
  const rows: { key: string; source: 'shared' | 'supervisor'; value: number | string }[] = []
  for (const source of ['shared', 'supervisor'] as const)
    for (const [key, input] of Object.entries(appeal.changedInputs?.[source] ?? {}))
      rows.push({ key, source, value: input.score ?? input.actual ?? '—' })
  return rows
}

function pointsOf(appeal: AppealDetail, key: string): IndicatorScore | undefined {
  for (const d of appeal.sheet.score?.dimensions ?? [])
    for (const i of d.indicators) if (i.key === key) return i
  return undefined
}

// One appeal (申诉详情): reasons, evidence, disputed indicators and rows, HR's take-up, notes and ruling, the
// sheet's score before and after; admin may reopen the final sheet with a reason.
export function AppealDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const id = Number(useParams().id)
  const appeal = useAppeal(id)
  const steps = useAppealSteps(id)
  if (appeal.isError)
    return <Result status="error" title={t('appeals.loadFailed')} subTitle={describeError(t, appeal.error)} />
  if (!appeal.data) return <Skeleton active />
  const a = appeal.data
  const sheet = a.sheet
  const definition = sheet.template.definition
  const today = dayjs().format('YYYY-MM-DD')
  const grade = (g: string | null) => (g ? t(`cycles.grades.${g}`, { defaultValue: g }) : '—')

  return (
    <>
      <PageHeader
        title={t('appeals.detail.title', { name: sheet.employee.name, id: a.id })}
        subtitle={`${sheet.cycle.name} · ${sheet.template.name}`}
        extra={
          <Space>
            <AppealStatusTag status={a.status} ruling={a.ruling} />
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/appeals')}>
              {t('appeals.detail.back')}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card title={t('appeals.detail.appeal')} size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'employee',
                    label: t('appeals.columns.employee'),
                    children: `${sheet.employee.name}（${sheet.employee.employeeNo}）`,
                  },
                  {
                    key: 'department',
                    label: t('appeals.detail.department'),
                    children: sheet.department?.name ?? '—',
                  },
                  {
                    key: 'reviewer',
                    label: t('appeals.detail.reviewer'),
                    children: sheet.reviewer?.name ?? '—',
                  },
                  { key: 'filedAt', label: t('appeals.columns.filedAt'), children: when(a.filedAt) },
                  {
                    key: 'requested',
                    label: t('appeals.detail.requestedOutcome'),
                    span: 'filled',
                    children: a.requestedOutcome,
                  },
                ]}
              />
              <Typography.Title level={5}>{t('appeals.detail.reasons')}</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="appeal-reasons">
                {a.reasons}
              </Typography.Paragraph>
              <Typography.Title level={5}>{t('appeals.detail.evidence')}</Typography.Title>
              {a.evidence.length === 0 ? (
                <Typography.Text type="secondary">{t('appeals.detail.noEvidence')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={a.evidence}
                  renderItem={(e) =>
                    'url' in e ? (
                      <List.Item>
                        <a href={e.url} target="_blank" rel="noreferrer noopener">
                          {e.title || e.url}
                        </a>
                      </List.Item>
                    ) : (
                      <List.Item>
                        <a href={`/api/sheets/${sheet.id}/files/${e.fileId}`}>
                          <PaperClipOutlined />{' '}
                          {sheet.files.find((f) => f.id === e.fileId)?.name ?? `#${e.fileId}`}
                        </a>
                      </List.Item>
                    )
                  }
                />
              )}
            </Card>
            <Card title={t('appeals.detail.disputed')} size="small">
              <Table<DisputedItem>
                rowKey={(r, i) => `${r.indicatorKey}-${i}`}
                size="small"
                pagination={false}
                dataSource={a.disputed}
                locale={{ emptyText: t('appeals.detail.noDisputed') }}
                columns={[
                  {
                    title: t('appeals.disputed.indicator'),
                    key: 'name',
                    render: (_, r) => findIndicator(definition, r.indicatorKey)?.name ?? r.indicatorKey,
                  },
                  {
                    title: t('appeals.disputed.points'),
                    key: 'points',
                    render: (_, r) => {
                      const p = pointsOf(a, r.indicatorKey)
                      return p ? `${p.points} / ${p.maxPoints}` : '—'
                    },
                  },
                  {
                    title: t('appeals.disputed.rows'),
                    key: 'rows',
                    render: (_, r) =>
                      (r.rows ?? []).length === 0
                        ? '—'
                        : (r.rows ?? []).map((row) => (
                            <div key={JSON.stringify(row)}>
                              {row.importId !== undefined
                                ? t('appeals.disputed.importRows', {
                                    importId: row.importId,
                                    rows: (row.rowNumbers ?? []).join('、') || '—',
                                  })
                                : null}
                              {row.reference ? ` ${row.reference}` : null}
                            </div>
                          )),
                  },
                  { title: t('appeals.disputed.note'), key: 'note', render: (_, r) => r.note ?? '—' },
                ]}
              />
            </Card>
            <Card title={t('appeals.detail.score')} size="small">
              <Flex gap={24} wrap style={{ marginBottom: 12 }}>
                <div>
                  <Typography.Text type="secondary">{t('appeals.detail.currentTotal')}</Typography.Text>
                  <div data-testid="current-total" style={{ fontSize: 24, fontWeight: 600 }}>
                    {sheet.total ?? '—'}
                  </div>
                </div>
                <div>
                  <Typography.Text type="secondary">{t('appeals.detail.grade')}</Typography.Text>
                  <div style={{ fontSize: 24 }}>{grade(sheet.grade)}</div>
                </div>
                <div>
                  <Typography.Text type="secondary">{t('appeals.detail.sheetState')}</Typography.Text>
                  <div style={{ fontSize: 16, marginTop: 8 }}>{t(`cycles.states.${sheet.state}`)}</div>
                </div>
              </Flex>
              <Typography.Title level={5}>{t('appeals.detail.history')}</Typography.Title>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={sheet.scoreHistory}
                data-testid="score-history"
                locale={{ emptyText: t('appeals.detail.noHistory') }}
                columns={[
                  { title: t('appeals.detail.oldTotal'), dataIndex: 'total', width: 90 },
                  {
                    title: t('appeals.detail.grade'),
                    key: 'grade',
                    width: 80,
                    render: (_, r) => grade(r.grade),
                  },
                  { title: t('appeals.detail.replacedBecause'), dataIndex: 'reason' },
                  {
                    title: t('appeals.detail.replacedAt'),
                    key: 'at',
                    width: 140,
                    render: (_, r) => when(r.replacedAt),
                  },
                ]}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={t('appeals.detail.handling')} size="small">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'handler', label: t('appeals.columns.handler'), children: a.handler?.name ?? '—' },
                  {
                    key: 'due',
                    label: t('appeals.columns.due'),
                    children: a.investigationDue ? (
                      <Space>
                        {a.investigationDue}
                        {isAppealOverdue(a, today) ? <Tag color="red">{t('appeals.overdue')}</Tag> : null}
                      </Space>
                    ) : (
                      '—'
                    ),
                  },
                ]}
              />
              {a.status === 'filed' && user.role === 'hr' ? (
                <TakeUpForm steps={steps} defaultDays={5} />
              ) : null}
              {a.status === 'investigating' && user.role === 'hr' ? (
                <RulingForm appeal={a} steps={steps} />
              ) : null}
              {a.status === 'ruled' ? (
                <Alert
                  type={a.ruling === 'rejected' ? 'warning' : 'success'}
                  showIcon
                  data-testid="appeal-ruling"
                  message={`${t(`appeals.rulings.${a.ruling ?? 'rejected'}`)} · ${when(a.ruledAt)}`}
                  description={
                    <>
                      <div>{a.rulingNote}</div>
                      {changedRows(a).map((c) => (
                        <div key={`${c.source}-${c.key}`}>
                          {findIndicator(definition, c.key)?.name ?? c.key}（
                          {t(`appeals.ruling.sources.${c.source}`)}）→{' '}
                          <Typography.Text strong>{c.value}</Typography.Text>
                        </div>
                      ))}
                    </>
                  }
                />
              ) : null}
              {a.status !== 'ruled' && user.role !== 'hr' ? (
                <Typography.Text type="secondary">{t('appeals.detail.hrOnly')}</Typography.Text>
              ) : null}
            </Card>
            <NotesCard appeal={a} steps={steps} canWrite={user.role === 'hr' && a.status !== 'ruled'} />
            <Card title={t('appeals.detail.events')} size="small">
              <Timeline
                items={sheet.events.map((e) => ({
                  key: `${e.action}-${e.at}`,
                  children: (
                    <>
                      <Typography.Text strong>
                        {t(`cycles.states.${e.to}`, { defaultValue: e.to })}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {e.actorName ?? '—'} · {when(e.at)}
                      </Typography.Text>
                      {e.reason ? <div>{e.reason}</div> : null}
                    </>
                  ),
                }))}
              />
            </Card>
            {user.role === 'admin' && sheet.state === 'final' ? (
              <ReopenCard appeal={a} steps={steps} />
            ) : null}
          </Flex>
        </Col>
      </Row>
    </>
  )
}

function NotesCard({
  appeal,
  steps,
  canWrite,
}: {
  appeal: AppealDetail
  steps: ReturnType<typeof useAppealSteps>
  canWrite: boolean
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const notes = appeal.notes ?? []
  const author = (userId: number) => (appeal.handler?.id === userId ? appeal.handler.name : `#${userId}`)
  return (
    <Card title={t('appeals.notes.title')} size="small">
      {notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appeals.notes.empty')} />
      ) : (
        <List
          size="small"
          dataSource={notes}
          renderItem={(n) => (
            <List.Item>
              <div>
                <Typography.Text type="secondary">
                  {author(n.byUserId)} · {when(n.at)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
              </div>
            </List.Item>
          )}
        />
      )}
      {canWrite ? (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Input.TextArea
            rows={2}
            maxLength={4000}
            value={text}
            aria-label={t('appeals.notes.add')}
            onChange={(e) => setText(e.target.value)}
          />
          {steps.note.isError ? (
            <Alert type="error" showIcon message={describeError(t, steps.note.error)} />
          ) : null}
          <Button
            disabled={text.trim() === ''}
            loading={steps.note.isPending}
            onClick={() => steps.note.mutate(text.trim(), { onSuccess: () => setText('') })}
          >
            {t('appeals.notes.add')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  )
}

function ReopenCard({ appeal, steps }: { appeal: AppealDetail; steps: ReturnType<typeof useAppealSteps> }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const submit = () =>
    steps.reopen.mutate(
      { sheetId: appeal.sheet.id, expectedVersion: appeal.sheet.version, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(t('appeals.reopen.done'))
          setOpen(false)
        },
      },
    )
  return (
    <Card title={t('appeals.reopen.title')} size="small">
      <Typography.Paragraph type="secondary">{t('appeals.reopen.hint')}</Typography.Paragraph>
      <Button danger onClick={() => setOpen(true)}>
        {t('appeals.reopen.action')}
      </Button>
      <Modal
        open={open}
        title={t('appeals.reopen.title')}
        okText={t('appeals.reopen.action')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        cancelText={t('cycles.actions.cancel')}
        confirmLoading={steps.reopen.isPending}
        onOk={submit}
        onCancel={() => setOpen(false)}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={reason}
          placeholder={t('appeals.reopen.reason')}
          aria-label={t('appeals.reopen.reason')}
          onChange={(e) => setReason(e.target.value)}
        />
        {steps.reopen.isError ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            message={describeError(t, steps.reopen.error)}
          />
        ) : null}
      </Modal>
    </Card>
  )
}
