import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PayDrift, PayEmployee } from '../../../../contracts/pay.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useNumberParam } from '../../dashboards/components/use-number-param.ts'
import { SimulateButton } from '../../simulations/components/simulate-button.tsx'
import { useAddPayAdjustment } from '../api/add-pay-adjustment.ts'
import { useApprovePaySheet } from '../api/approve-pay-sheet.ts'
import { useEnterPayInputs } from '../api/enter-pay-inputs.ts'
import { usePaySheet } from '../api/get-pay-sheet.ts'
import { useSettlePayDrift } from '../api/settle-pay-drift.ts'
import { formatMoney } from '../format-money.ts'
import { ExportButtons } from './export-buttons.tsx'
import { ResultCycleSelect } from './result-cycle-select.tsx'

const pick = (text: { 'zh-CN': string; en: string } | null | undefined, language: string) =>
  text ? (language === 'en' ? text.en : text['zh-CN']) : '—'

// The cycle's pay sheet (工资表): every employee's lines with the rule behind each, the total, approval by
// finance, and correction lines after approval; XLSX/CSV export.
export function PaySheetPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const [cycleId, setCycleId] = useNumberParam('cycleId')
  const sheet = usePaySheet(cycleId)
  const approve = useApprovePaySheet(cycleId ?? 0)
  const [note, setNote] = useState('')
  const [adjusting, setAdjusting] = useState(false)
  const [entering, setEntering] = useState<PayEmployee | null>(null)
  const canApprove = user.role === 'finance' || user.role === 'admin'
  const canEnterInputs = user.role === 'hr' || user.role === 'admin'
  const data = sheet.data
  const language = i18n.language

  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <ResultCycleSelect value={cycleId} onChange={setCycleId} />
        <div style={{ flex: 1 }} />
        <SimulateButton pay />
        <ExportButtons cycleId={cycleId} what="pay" />
      </Flex>
      {sheet.isError ? <Alert type="error" showIcon title={describeError(t, sheet.error)} /> : null}
      {sheet.isFetching && !data ? <Spin style={{ display: 'block', padding: 48 }} /> : null}
      {data ? (
        <div data-testid="pay-sheet">
          <Card size="small" style={{ marginBottom: 12 }}>
            <Flex wrap gap={24} align="center">
              <Statistic title={t('results.pay.total')} value={formatMoney(data.total)} />
              <Statistic title={t('results.pay.people')} value={data.employees.length} />
              <div>
                <Typography.Text type="secondary">{t('results.pay.status')}</Typography.Text>
                <div>
                  {data.status === 'approved' ? (
                    <Tag color="green" icon={<CheckCircleOutlined />}>
                      {t('results.pay.approved', {
                        by: data.approvedBy ?? '',
                        at: dayjs(data.approvedAt).format('YYYY-MM-DD HH:mm'),
                      })}
                    </Tag>
                  ) : (
                    <Tag color="orange">{t('results.pay.draft')}</Tag>
                  )}
                </div>
              </div>
              <div style={{ flex: 1 }} />
              {canApprove && data.status === 'draft' ? (
                <Popconfirm
                  title={t('results.pay.approveConfirm')}
                  description={
                    <Input.TextArea
                      aria-label={t('results.pay.approveNote')}
                      placeholder={t('results.pay.approveNote')}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                      rows={2}
                    />
                  }
                  okText={t('results.pay.approve')}
                  cancelText={t('results.cancel')}
                  onConfirm={() =>
                    approve.mutate(note.trim() || undefined, {
                      onSuccess: () => message.success(t('results.pay.approvedToast')),
                      onError: (error) => message.error(describeError(t, error)),
                    })
                  }
                >
                  <Button
                    type="primary"
                    loading={approve.isPending}
                    disabled={
                      data.notFinal.length > 0 || data.problemCount > 0 || (data.missing?.length ?? 0) > 0
                    }
                  >
                    {t('results.pay.approve')}
                  </Button>
                </Popconfirm>
              ) : null}
              {canApprove && data.status === 'approved' ? (
                <Button icon={<PlusOutlined />} onClick={() => setAdjusting(true)}>
                  {t('results.pay.addAdjustment')}
                </Button>
              ) : null}
            </Flex>
          </Card>
          {data.missing && data.missing.length > 0 ? (
            // Pay inputs without data, at the top (issue 16): not paid as ¥0, approval waits until entered.
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('results.pay.missingInputs', { count: data.missing.length })}
              description={data.missing
                .map((m) => `${m.employeeName}（${m.inputs.map((i) => pick(i.label, language)).join('、')}）`)
                .join('、')}
            />
          ) : null}
          {data.notFinal.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('results.pay.notFinal', { count: data.notFinal.length })}
              description={data.notFinal
                .map((s) => `${s.employeeName}（${t(`sheets.state.${s.state}`, { defaultValue: s.state })}）`)
                .join('、')}
            />
          ) : null}
          {data.drift && cycleId !== undefined ? (
            <DriftAlert drift={data.drift} cycleId={cycleId} canSettle={canApprove} language={language} />
          ) : null}
          {data.problemCount > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('results.pay.problems', { count: data.problemCount })}
            />
          ) : null}
          <Table<PayEmployee>
            size="small"
            rowKey="employeeId"
            dataSource={data.employees}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            expandable={{
              expandedRowRender: (e) => <PayLines employee={e} language={language} />,
              rowExpandable: () => true,
            }}
            columns={[
              { title: t('results.employeeNo'), dataIndex: 'employeeNo', width: 90 },
              { title: t('results.employee'), dataIndex: 'employeeName' },
              { title: t('results.department'), dataIndex: 'departmentName' },
              { title: t('results.position'), dataIndex: 'positionName' },
              { title: t('results.score'), dataIndex: 'score', align: 'right' },
              { title: t('results.coefficient'), dataIndex: 'coefficient', align: 'right' },
              {
                title: t('results.pay.scheme'),
                key: 'scheme',
                render: (_, e) => pick(e.schemeName, language),
              },
              {
                title: t('results.pay.amount'),
                dataIndex: 'total',
                align: 'right',
                render: (v: string, e) => (
                  <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                    <Typography.Text strong type={e.draft ? 'secondary' : undefined}>
                      {formatMoney(v)}
                    </Typography.Text>
                    {e.draft ? (
                      <Tag color="orange">
                        {t('results.pay.draftRow', {
                          state: t(`sheets.state.${e.sheetState}`, { defaultValue: e.sheetState }),
                        })}
                      </Tag>
                    ) : null}
                    {e.adjustmentsTotal !== '0.00' && e.adjustmentsTotal !== '0' ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('results.pay.adjusted', { amount: formatMoney(e.adjustmentsTotal) })}
                      </Typography.Text>
                    ) : null}
                    {e.problems.length > 0 ? <Tag color="red">{e.problems.join('；')}</Tag> : null}
                    {e.missingInputs?.length ? (
                      <Tag color="red">
                        {t('results.pay.missingRow', {
                          inputs: e.missingInputs.map((i) => pick(i.label, language)).join('、'),
                        })}
                      </Tag>
                    ) : null}
                    {e.missingInputs?.length && canEnterInputs && data.status !== 'approved' ? (
                      <Button size="small" onClick={() => setEntering(e)}>
                        {t('results.pay.enterInputs')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={8}>
                  <Typography.Text strong>{t('results.pay.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{formatMoney(data.total)}</Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {cycleId !== undefined && entering ? (
            <PayInputsDialog
              cycleId={cycleId}
              employee={entering}
              language={language}
              onClose={() => setEntering(null)}
            />
          ) : null}
          {cycleId !== undefined ? (
            <AdjustmentDialog
              open={adjusting}
              onClose={() => setAdjusting(false)}
              cycleId={cycleId}
              employees={data.employees}
            />
          ) : null}
        </div>
      ) : null}
    </>
  )
}

// An approved pay sheet whose results changed since (a sheet reopened and final again): who, what was approved,
// what the approved scheme pays now, the difference and why; finance settles it as adjustment lines.
function DriftAlert({
  drift,
  cycleId,
  canSettle,
  language,
}: {
  drift: PayDrift
  cycleId: number
  canSettle: boolean
  language: string
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const settle = useSettlePayDrift(cycleId)
  if (drift.employees.length === 0 && drift.notFinal.length === 0 && drift.problems.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="pay-drift"
      title={
        drift.employees.length > 0
          ? t('results.pay.driftTitle', { count: drift.employees.length, total: formatMoney(drift.total) })
          : t('results.pay.driftWaiting')
      }
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          {drift.notFinal.length > 0 ? (
            <Typography.Text>
              {t('results.pay.driftNotFinal', {
                names: drift.notFinal
                  .map(
                    (s) => `${s.employeeName}（${t(`sheets.state.${s.state}`, { defaultValue: s.state })}）`,
                  )
                  .join('、'),
              })}
            </Typography.Text>
          ) : null}
          {drift.problems.length > 0 ? (
            <Typography.Text type="danger">
              {t('results.pay.driftProblems', {
                names: drift.problems.map((p) => `${p.employeeName}（${p.message}）`).join('、'),
              })}
            </Typography.Text>
          ) : null}
          {drift.employees.length > 0 ? (
            <Table<PayDrift['employees'][number]>
              size="small"
              rowKey="employeeId"
              pagination={false}
              dataSource={drift.employees}
              columns={[
                { title: t('results.employee'), dataIndex: 'employeeName' },
                {
                  title: t('results.pay.driftApproved'),
                  dataIndex: 'approvedTotal',
                  align: 'right',
                  render: (v: string, d) => (
                    <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                      {formatMoney(v)}
                      {d.settled !== '0.00' ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('results.pay.driftSettled', { amount: formatMoney(d.settled) })}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: t('results.pay.driftNow'),
                  dataIndex: 'currentTotal',
                  align: 'right',
                  render: (v: string) => formatMoney(v),
                },
                {
                  title: t('results.pay.driftDifference'),
                  dataIndex: 'difference',
                  align: 'right',
                  render: (v: string) => <Typography.Text strong>{formatMoney(v)}</Typography.Text>,
                },
                {
                  title: t('results.pay.driftReason'),
                  key: 'reason',
                  render: (_, d) => pick(d.reason, language),
                },
              ]}
            />
          ) : null}
          {canSettle && drift.employees.length > 0 ? (
            <Popconfirm
              title={t('results.pay.settleDriftConfirm', { count: drift.employees.length })}
              okText={t('results.pay.settleDrift')}
              cancelText={t('results.cancel')}
              onConfirm={() =>
                settle.mutate(undefined, {
                  onSuccess: () => message.success(t('results.pay.settleDriftDone')),
                  onError: (error) => message.error(describeError(t, error)),
                })
              }
            >
              <Button type="primary" loading={settle.isPending} disabled={drift.notFinal.length > 0}>
                {t('results.pay.settleDrift')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      }
    />
  )
}

function PayLines({ employee, language }: { employee: PayEmployee; language: string }) {
  const { t } = useTranslation()
  const inputs = Object.entries(employee.inputs)
  return (
    <div style={{ paddingInline: 24 }}>
      <Table
        size="small"
        pagination={false}
        rowKey={(l) => `${l.code}-${l.itemId ?? ''}`}
        dataSource={employee.lines}
        columns={[
          {
            title: t('results.pay.line'),
            key: 'label',
            render: (_, l) => pick(l.label, language),
            width: 200,
          },
          {
            title: t('results.pay.amount'),
            dataIndex: 'amount',
            align: 'right',
            width: 120,
            render: (v: string) => formatMoney(v),
          },
          { title: t('results.pay.rule'), key: 'rule', render: (_, l) => pick(l.rule, language) },
          {
            title: '',
            dataIndex: 'kind',
            width: 90,
            render: (k: string) =>
              k === 'adjustment' ? <Tag color="purple">{t('results.pay.adjustment')}</Tag> : null,
          },
        ]}
      />
      {inputs.length > 0 ? (
        <Descriptions
          size="small"
          style={{ marginTop: 8 }}
          title={t('results.pay.inputs')}
          column={{ xs: 1, md: 2 }}
          items={inputs.map(([name, used]) => ({
            key: name,
            // the pay inputs' names are shared with the template editor's pay preview
            label: t(`templates.preview.pay.inputNames.${name}`, { defaultValue: name }),
            children: `${used.value}（${used.detail}）`,
          }))}
        />
      ) : null}
    </div>
  )
}

// The pay inputs a person's line lacks, entered by HR with a reason (audited); 0 is a value, typed on purpose.
function PayInputsDialog({
  cycleId,
  employee,
  language,
  onClose,
}: {
  cycleId: number
  employee: PayEmployee
  language: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ values: Record<string, number>; reason: string }>()
  const enter = useEnterPayInputs(cycleId)
  return (
    <Modal
      open
      title={t('results.pay.enterInputsTitle', { name: employee.employeeName })}
      okText={t('results.save')}
      cancelText={t('results.cancel')}
      confirmLoading={enter.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('results.pay.enterInputsHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(entered) =>
          enter.mutate(
            {
              employeeId: employee.employeeId,
              values: Object.fromEntries(
                Object.entries(entered.values).map(([name, value]) => [name, String(value)]),
              ),
              reason: entered.reason,
            },
            {
              onSuccess: () => {
                message.success(t('results.pay.inputsSaved'))
                onClose()
              },
              onError: (error) => message.error(describeError(t, error)),
            },
          )
        }
      >
        {employee.missingInputs.map((input) => (
          <Form.Item
            key={input.name}
            name={['values', input.name]}
            label={pick(input.label, language)}
            rules={[{ required: true }]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="reason" label={t('results.reason')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function AdjustmentDialog({
  open,
  onClose,
  cycleId,
  employees,
}: {
  open: boolean
  onClose: () => void
  cycleId: number
  employees: readonly PayEmployee[]
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ employeeId: number; label: string; amount: number; reason: string }>()
  const add = useAddPayAdjustment(cycleId)
  return (
    <Modal
      open={open}
      title={t('results.pay.addAdjustment')}
      okText={t('results.save')}
      cancelText={t('results.cancel')}
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          add.mutate(
            { ...values, amount: String(values.amount) },
            {
              onSuccess: () => {
                message.success(t('results.pay.adjustmentAdded'))
                form.resetFields()
                onClose()
              },
              onError: (error) => message.error(describeError(t, error)),
            },
          )
        }
      >
        <Form.Item name="employeeId" label={t('results.employee')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={employees.map((e) => ({
              value: e.employeeId,
              label: `${e.employeeName}（${e.employeeNo}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="label"
          label={t('results.pay.adjustmentLabel')}
          rules={[{ required: true, max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="amount" label={t('results.pay.adjustmentAmount')} rules={[{ required: true }]}>
          <InputNumber precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('results.reason')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
