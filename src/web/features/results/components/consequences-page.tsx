import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsequenceLists, ImprovementPlan } from '../../../../contracts/results.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { useNumberParam } from '../../dashboards/components/use-number-param.ts'
import { gradeName } from '../../dashboards/grade-name.ts'
import { useEmployees } from '../../organisation/api/get-employees.ts'
import {
  useConsequences,
  useCreateImprovementPlan,
  useImprovementPlans,
  useUpdateImprovementPlan,
} from '../api/consequences.ts'
import { ExportButtons } from './export-buttons.tsx'
import { ResultCycleSelect } from './result-cycle-select.tsx'

type Run = ConsequenceLists['dismissalReview'][number]
type Candidate = ConsequenceLists['improvementCandidates'][number]
type Suggestion = ConsequenceLists['salaryAdjustments'][number]
type PlanDraft = { employeeId: number; employeeName: string; cycleId?: number; dimension?: string }

// Consequence lists (结果应用) of a year: dismissal review, promotion candidates, improvement candidates with
// the plan record form, salary-adjustment suggestions, and the plans on record; XLSX/CSV export.
export function ConsequencesPage() {
  const { t, i18n } = useTranslation()
  const user = useCurrentUser()
  const [yearParam, setYear] = useNumberParam('year')
  const year = yearParam ?? dayjs().year()
  const [cycleId, setCycleId] = useNumberParam('cycleId')
  const lists = useConsequences(year, cycleId)
  const canPlan = user.role === 'hr' || user.role === 'admin'
  const plans = useImprovementPlans(user.role !== 'finance')
  const [draft, setDraft] = useState<PlanDraft | null>(null)
  const explain = (e: { 'zh-CN': string; en: string }) => (i18n.language === 'en' ? e.en : e['zh-CN'])
  const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } })
  const person = [
    { title: t('results.employeeNo'), dataIndex: 'employeeNo', width: 90, onCell: nowrap },
    { title: t('results.employee'), dataIndex: 'employeeName', onCell: nowrap },
    { title: t('results.department'), dataIndex: 'departmentName', onCell: nowrap },
    { title: t('results.position'), dataIndex: 'positionName', onCell: nowrap },
  ]
  const runColumns = [
    ...person,
    {
      title: t('results.consequences.periods'),
      dataIndex: 'periods',
      render: (periods: Run['periods']) =>
        periods.map((p) => (
          <Tag key={p.cycleId}>
            {p.period}：{p.total}
            {p.grade ? ` ${gradeName(t, i18n.language, p.grade)}` : ''}
          </Tag>
        )),
    },
    { title: t('results.consequences.why'), dataIndex: 'explanation', render: explain },
  ]
  const data = lists.data
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <InputNumber
          aria-label={t('results.consequences.year')}
          addonBefore={t('results.consequences.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
          style={{ width: 150 }}
        />
        <ResultCycleSelect value={cycleId} onChange={setCycleId} />
        <div style={{ flex: 1 }} />
        <ExportButtons cycleId={cycleId} what="consequences" />
      </Flex>
      {lists.isError ? <Alert type="error" showIcon title={describeError(t, lists.error)} /> : null}
      {data ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="consequences">
          <Card
            size="small"
            title={t('results.consequences.dismissal', { count: data.dismissalReview.length })}
          >
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('results.consequences.dismissalRule', data.settings.dismissal)}
            </Typography.Paragraph>
            <Table<Run>
              size="small"
              rowKey="employeeId"
              pagination={false}
              dataSource={data.dismissalReview}
              columns={runColumns}
              locale={{ emptyText: t('results.consequences.nobody') }}
            />
          </Card>
          <Card
            size="small"
            title={t('results.consequences.promotion', { count: data.promotionCandidates.length })}
          >
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('results.consequences.promotionRule', {
                consecutive: data.settings.promotion.consecutive,
                grades: data.settings.promotion.grades.map((g) => gradeName(t, i18n.language, g)).join('、'),
              })}
            </Typography.Paragraph>
            <Table<Run>
              size="small"
              rowKey="employeeId"
              pagination={false}
              dataSource={data.promotionCandidates}
              columns={runColumns}
              locale={{ emptyText: t('results.consequences.nobody') }}
            />
          </Card>
          <Card
            size="small"
            title={t('results.consequences.improvement', { count: data.improvementCandidates.length })}
          >
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('results.consequences.improvementRule', {
                percent: Math.round(data.settings.improvement.dimensionBelow * 100),
              })}
            </Typography.Paragraph>
            <Table<Candidate>
              size="small"
              rowKey={(c) => `${c.employeeId}-${c.dimensionKey}`}
              pagination={false}
              dataSource={data.improvementCandidates}
              locale={{ emptyText: t('results.consequences.nobody') }}
              columns={[
                ...person,
                { title: t('results.consequences.dimension'), dataIndex: 'dimension' },
                {
                  title: t('results.consequences.dimensionScore'),
                  key: 'score',
                  render: (_, c) => `${c.points} / ${c.maxPoints}（${Math.round(c.share * 100)}%）`,
                },
                {
                  title: t('results.consequences.plan'),
                  key: 'plan',
                  render: (_, c) =>
                    c.planId ? (
                      <Tag color="blue">{t('results.consequences.planOpen')}</Tag>
                    ) : canPlan ? (
                      <Button
                        size="small"
                        onClick={() =>
                          setDraft({
                            employeeId: c.employeeId,
                            employeeName: c.employeeName,
                            cycleId: c.cycleId,
                            dimension: c.dimension,
                          })
                        }
                      >
                        {t('results.consequences.recordPlan')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            title={t('results.consequences.salary', { count: data.salaryAdjustments.length })}
          >
            <Table<Suggestion>
              size="small"
              rowKey="employeeId"
              pagination={false}
              dataSource={data.salaryAdjustments}
              locale={{ emptyText: t('results.consequences.nobody') }}
              columns={[
                ...person,
                { title: t('results.score'), dataIndex: 'total', align: 'right' },
                {
                  title: t('results.grade'),
                  dataIndex: 'grade',
                  render: (g: string | null) => (g ? gradeName(t, i18n.language, g) : '—'),
                },
                {
                  title: t('results.consequences.suggestion'),
                  key: 'action',
                  render: (_, s) =>
                    s.action === 'raise' ? (
                      <Tag color="green">{t('results.consequences.raise', { percent: s.percent })}</Tag>
                    ) : (
                      <Tag color={s.action === 'review' ? 'red' : undefined}>
                        {t(`results.consequences.actions.${s.action}`)}
                      </Tag>
                    ),
                },
                { title: t('results.consequences.why'), dataIndex: 'explanation', render: explain },
              ]}
            />
          </Card>
          {plans.data ? <PlansCard plans={plans.data.items} canEdit={canPlan} /> : null}
        </Space>
      ) : null}
      <PlanDialog draft={draft} onClose={() => setDraft(null)} />
    </>
  )
}

function PlansCard({ plans, canEdit }: { plans: ImprovementPlan[]; canEdit: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const update = useUpdateImprovementPlan()
  return (
    <Card size="small" title={t('results.consequences.plans', { count: plans.length })}>
      <Table<ImprovementPlan>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={plans}
        locale={{ emptyText: t('results.consequences.noPlans') }}
        columns={[
          { title: t('results.employee'), dataIndex: 'employeeName' },
          {
            title: t('results.consequences.planKind'),
            dataIndex: 'kind',
            render: (k: string) => t(`results.consequences.planKinds.${k}`),
          },
          { title: t('results.consequences.dimension'), dataIndex: 'dimension' },
          { title: t('results.consequences.goal'), dataIndex: 'goal' },
          { title: t('results.consequences.owner'), dataIndex: 'ownerName' },
          { title: t('results.consequences.due'), dataIndex: 'dueDate' },
          {
            title: t('results.consequences.status'),
            dataIndex: 'status',
            render: (status: ImprovementPlan['status'], plan) =>
              canEdit ? (
                <Select
                  size="small"
                  aria-label={t('results.consequences.status')}
                  value={status}
                  style={{ width: 110 }}
                  onChange={(next) =>
                    update.mutate(
                      { id: plan.id, patch: { status: next } },
                      { onError: (error) => message.error(describeError(t, error)) },
                    )
                  }
                  options={(['open', 'done', 'cancelled'] as const).map((s) => ({
                    value: s,
                    label: t(`results.consequences.planStatus.${s}`),
                  }))}
                />
              ) : (
                t(`results.consequences.planStatus.${status}`)
              ),
          },
        ]}
      />
    </Card>
  )
}

type PlanForm = {
  kind: 'improvement' | 'training'
  goal: string
  ownerEmployeeId: number
  dueDate: Dayjs
  dimension?: string
}

// The plan record form (改进/培训计划): goal, who owns it, the due date.
function PlanDialog({ draft, onClose }: { draft: PlanDraft | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<PlanForm>()
  const create = useCreateImprovementPlan()
  const employees = useEmployees({ status: 'active', page: 1, pageSize: 200 })
  return (
    <Modal
      open={draft !== null}
      title={t('results.consequences.recordPlanFor', { name: draft?.employeeName ?? '' })}
      okText={t('results.save')}
      cancelText={t('results.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<PlanForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'improvement', dimension: draft?.dimension, dueDate: dayjs().add(1, 'month') }}
        onFinish={(v) => {
          if (!draft) return
          create.mutate(
            {
              employeeId: draft.employeeId,
              kind: v.kind,
              cycleId: draft.cycleId,
              dimension: v.dimension?.trim() || undefined,
              goal: v.goal,
              ownerEmployeeId: v.ownerEmployeeId,
              dueDate: v.dueDate.format('YYYY-MM-DD'),
              status: 'open',
            },
            {
              onSuccess: () => {
                message.success(t('results.consequences.planSaved'))
                onClose()
              },
              onError: (error) => message.error(describeError(t, error)),
            },
          )
        }}
      >
        <Form.Item name="kind" label={t('results.consequences.planKind')}>
          <Radio.Group
            options={(['improvement', 'training'] as const).map((k) => ({
              value: k,
              label: t(`results.consequences.planKinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="dimension" label={t('results.consequences.dimension')}>
          <Input />
        </Form.Item>
        <Form.Item name="goal" label={t('results.consequences.goal')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="ownerEmployeeId"
          label={t('results.consequences.owner')}
          rules={[{ required: true }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={employees.isPending}
            options={(employees.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        </Form.Item>
        <Form.Item name="dueDate" label={t('results.consequences.due')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
