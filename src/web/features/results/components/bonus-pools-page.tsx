import { CheckCircleOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BonusPool, BonusRule } from '../../../../contracts/pay.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useNumberParam } from '../../dashboards/components/use-number-param.ts'
import { gradeName } from '../../dashboards/grade-name.ts'
import {
  useApproveBonusPool,
  useBonusPool,
  useBonusPools,
  useCreateBonusPool,
  useDeleteBonusPool,
} from '../api/bonus-pools.ts'
import { formatMoney } from '../format-money.ts'
import { ExportButtons } from './export-buttons.tsx'
import { ResultCycleSelect } from './result-cycle-select.tsx'

type Line = BonusPool['lines'][number]

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } })

// Bonus pools (奖金池): the pools allocated so far, one pool's lines with the explanation of each share,
// (HR, admin) allocating a new pool over a quarterly or annual cycle's final results and deleting a draft,
// (finance, admin) approving a pool, which locks it; XLSX/CSV export of every pool of the pool's cycle.
export function BonusPoolsPage() {
  const { t, i18n } = useTranslation()
  const user = useCurrentUser()
  const pools = useBonusPools()
  const [poolId, setPoolId] = useNumberParam('poolId')
  const selected = poolId ?? pools.data?.items[0]?.id
  const pool = useBonusPool(selected)
  const [creating, setCreating] = useState(false)
  const canCreate = user.role === 'hr' || user.role === 'admin'
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('results.bonus.pool')}
          style={{ minWidth: 260 }}
          loading={pools.isPending}
          value={selected}
          placeholder={t('results.bonus.pool')}
          onChange={setPoolId}
          options={(pools.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name}（${p.cycleName}）· ${t(`results.bonus.statuses.${p.status}`)}`,
          }))}
        />
        <div style={{ flex: 1 }} />
        <ExportButtons cycleId={pool.data?.cycleId} what="bonuses" />
        {canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('results.bonus.create')}
          </Button>
        ) : null}
      </Flex>
      {pools.isError ? <Alert type="error" showIcon title={describeError(t, pools.error)} /> : null}
      {pools.data && pools.data.items.length === 0 ? (
        <Alert type="info" showIcon title={t('results.bonus.none')} />
      ) : null}
      {pool.isError ? <Alert type="error" showIcon title={describeError(t, pool.error)} /> : null}
      {pool.data ? (
        <div data-testid="bonus-pool">
          <PoolStatusCard pool={pool.data} onDeleted={() => setPoolId(undefined)} />
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('results.bonus.amount')} value={formatMoney(pool.data.amount)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('results.bonus.allocated')} value={formatMoney(pool.data.allocated)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('results.pay.people')} value={pool.data.lines.length} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('results.bonus.rule')}
                  value={t(`results.bonus.rules.${pool.data.rule.kind}`)}
                />
              </Card>
            </Col>
          </Row>
          <Table<Line>
            size="small"
            rowKey="employeeId"
            dataSource={pool.data.lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('results.employeeNo'), dataIndex: 'employeeNo', width: 90, onCell: nowrap },
              { title: t('results.employee'), dataIndex: 'employeeName', onCell: nowrap },
              { title: t('results.department'), dataIndex: 'departmentName', onCell: nowrap },
              { title: t('results.score'), dataIndex: 'score', align: 'right' },
              {
                title: t('results.grade'),
                dataIndex: 'grade',
                onCell: nowrap,
                render: (g: string | null) => (g ? gradeName(t, i18n.language, g) : '—'),
              },
              { title: t('results.coefficient'), dataIndex: 'coefficient', align: 'right' },
              { title: t('results.bonus.weight'), dataIndex: 'weight', align: 'right' },
              {
                title: t('results.bonus.share'),
                dataIndex: 'amount',
                align: 'right',
                onCell: nowrap,
                render: (v: string) => <Typography.Text strong>{formatMoney(v)}</Typography.Text>,
              },
              {
                title: t('results.bonus.explanation'),
                dataIndex: 'explanation',
                render: (e: Line['explanation']) => (i18n.language === 'en' ? e.en : e['zh-CN']),
              },
            ]}
          />
        </div>
      ) : null}
      <CreatePoolDialog open={creating} onClose={() => setCreating(false)} onCreated={setPoolId} />
    </>
  )
}

// The pool's status (draft, or approved by whom and when) with finance's approval and HR's deletion of a draft.
function PoolStatusCard({ pool, onDeleted }: { pool: BonusPool; onDeleted: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const approve = useApproveBonusPool()
  const remove = useDeleteBonusPool()
  const [note, setNote] = useState('')
  const canApprove = user.role === 'finance' || user.role === 'admin'
  const canDelete = user.role === 'hr' || user.role === 'admin'
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex wrap gap={12} align="center">
        <Typography.Text type="secondary">{t('results.bonus.status')}</Typography.Text>
        {pool.status === 'approved' ? (
          <Tag color="green" icon={<CheckCircleOutlined />}>
            {t('results.bonus.approved', {
              by: pool.approvedBy ?? '',
              at: dayjs(pool.approvedAt).format('YYYY-MM-DD HH:mm'),
            })}
          </Tag>
        ) : (
          <Tag color="orange">{t('results.bonus.draft')}</Tag>
        )}
        {pool.approvalNote ? <Typography.Text type="secondary">{pool.approvalNote}</Typography.Text> : null}
        <div style={{ flex: 1 }} />
        {canApprove && pool.status === 'draft' ? (
          <Popconfirm
            title={t('results.bonus.approveConfirm', { name: pool.name })}
            description={
              <Input.TextArea
                aria-label={t('results.bonus.approveNote')}
                placeholder={t('results.bonus.approveNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                rows={2}
              />
            }
            okText={t('results.bonus.approve')}
            cancelText={t('results.cancel')}
            onConfirm={() =>
              approve.mutate(
                { id: pool.id, note: note.trim() || undefined },
                {
                  onSuccess: () => {
                    setNote('')
                    message.success(t('results.bonus.approvedToast', { name: pool.name }))
                  },
                  onError: (error) => message.error(describeError(t, error)),
                },
              )
            }
          >
            <Button type="primary" loading={approve.isPending}>
              {t('results.bonus.approve')}
            </Button>
          </Popconfirm>
        ) : null}
        {canDelete && pool.status === 'draft' ? (
          <Popconfirm
            title={t('results.bonus.deleteConfirm', { name: pool.name })}
            okText={t('results.bonus.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('results.cancel')}
            onConfirm={() =>
              remove.mutate(pool.id, {
                onSuccess: () => {
                  message.success(t('results.bonus.deleted', { name: pool.name }))
                  onDeleted()
                },
                onError: (error) => message.error(describeError(t, error)),
              })
            }
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
              {t('results.bonus.delete')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {pool.status === 'approved' ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('results.bonus.lockedHelp')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  )
}

type PoolForm = {
  name: string
  kind: 'quarterly' | 'annual'
  cycleId: number
  amount: number
  ruleKind: BonusRule['kind']
  base?: number
  excellent?: number
  good?: number
  pass?: number
  fail?: number
  reason?: string
}

function CreatePoolDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean
  onClose: () => void
  onCreated: (id: number) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<PoolForm>()
  const create = useCreateBonusPool()
  const ruleKind = Form.useWatch('ruleKind', form)
  const cycleId = Form.useWatch('cycleId', form)
  const toRule = (v: PoolForm): BonusRule => {
    if (v.ruleKind === 'grade_table') {
      const table: Record<string, string> = {}
      for (const grade of ['excellent', 'good', 'pass', 'fail'] as const) {
        const weight = v[grade]
        if (weight !== undefined && weight !== null) table[grade] = String(weight)
      }
      return { kind: 'grade_table', table }
    }
    if (v.ruleKind === 'coefficient_times_base')
      return v.base === undefined || v.base === null
        ? { kind: 'coefficient_times_base' }
        : { kind: 'coefficient_times_base', base: String(v.base) }
    return { kind: 'score' }
  }
  return (
    <Modal
      open={open}
      title={t('results.bonus.create')}
      okText={t('results.save')}
      cancelText={t('results.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={560}
    >
      <Form<PoolForm>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'quarterly',
          ruleKind: 'coefficient_times_base',
          excellent: 1.5,
          good: 1.2,
          pass: 1,
          fail: 0,
        }}
        onFinish={(v) =>
          create.mutate(
            {
              name: v.name,
              kind: v.kind,
              cycleId: v.cycleId,
              amount: String(v.amount),
              rule: toRule(v),
              reason: v.reason?.trim() || undefined,
            },
            {
              onSuccess: (pool) => {
                message.success(t('results.bonus.created'))
                onCreated(pool.id)
                onClose()
              },
              onError: (error) => message.error(describeError(t, error)),
            },
          )
        }
      >
        <Form.Item name="name" label={t('results.bonus.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('results.bonus.kind')}>
          <Radio.Group
            options={[
              { value: 'quarterly', label: t('results.bonus.kinds.quarterly') },
              { value: 'annual', label: t('results.bonus.kinds.annual') },
            ]}
          />
        </Form.Item>
        <Form.Item name="cycleId" label={t('results.cycle')} rules={[{ required: true }]}>
          <ResultCycleSelect value={cycleId} onChange={(id) => form.setFieldValue('cycleId', id)} />
        </Form.Item>
        <Form.Item name="amount" label={t('results.bonus.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} prefix="¥" />
        </Form.Item>
        <Form.Item name="ruleKind" label={t('results.bonus.rule')}>
          <Radio.Group
            options={(['coefficient_times_base', 'grade_table', 'score'] as const).map((k) => ({
              value: k,
              label: t(`results.bonus.rules.${k}`),
            }))}
          />
        </Form.Item>
        {ruleKind === 'coefficient_times_base' ? (
          <Form.Item name="base" label={t('results.bonus.base')} extra={t('results.bonus.baseHelp')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {ruleKind === 'grade_table' ? (
          <Flex gap={8}>
            {(['excellent', 'good', 'pass', 'fail'] as const).map((g) => (
              <Form.Item key={g} name={g} label={t(`dashboards.grades.${g}`)}>
                <InputNumber min={0} step={0.1} />
              </Form.Item>
            ))}
          </Flex>
        ) : null}
        <Form.Item name="reason" label={t('results.reason')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
