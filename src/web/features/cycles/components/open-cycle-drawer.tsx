import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  TreeSelect,
  Typography,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { Cycle } from '../../../../contracts/cycles.ts'
import type { CycleInput, CycleKind, Job } from '../../../../contracts/workflow.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useDepartments } from '../../organisation/api/get-departments.ts'
import { useEmployees } from '../../organisation/api/get-employees.ts'
import { usePositions } from '../../organisation/api/get-positions.ts'
import { buildDepartmentTree, type DepartmentNode } from '../../organisation/build-department-tree.ts'
import { useTemplates } from '../../templates/api/list-templates.ts'
import { type CalendarCoverageWarning, useOpenCycle } from '../api/open-cycle.ts'
import { CalendarCoverageWarnings } from './calendar-coverage-warnings.tsx'
import { JobProgress } from './job-progress.tsx'

type FormValues = {
  name: string
  kind: CycleKind
  period: [Dayjs, Dayjs]
  departmentIds?: number[]
  positionIds?: number[]
  employeeIds?: number[]
  templateId?: number
  appealWindowDays?: number
  rollupSources?: { cycleId: number; weight: number }[]
  ownWeight?: number
}

/** The request body for the form's values; roll-up weights only for quarterly and annual cycles that name sources. */
export function toCycleInput(values: FormValues): CycleInput {
  const sources = (values.rollupSources ?? []).filter((s) => s?.cycleId !== undefined)
  return {
    name: values.name.trim(),
    kind: values.kind,
    periodStart: values.period[0].format('YYYY-MM-DD'),
    periodEnd: values.period[1].format('YYYY-MM-DD'),
    participants: {
      departmentIds: values.departmentIds?.length ? values.departmentIds : undefined,
      positionIds: values.positionIds?.length ? values.positionIds : undefined,
      employeeIds: values.employeeIds?.length ? values.employeeIds : undefined,
    },
    templateId: values.templateId,
    settings: {
      appealWindowDays: values.appealWindowDays,
      rollup:
        values.kind !== 'monthly' && sources.length > 0
          ? { sources, ownWeight: values.ownWeight ?? 0 }
          : undefined,
    },
  }
}

// The open-cycle form (发起考核): kind, period, participants by department/position/name, template, appeal
// window and roll-up weights; on submit it follows the job that creates the sheets, then opens the board.
export function OpenCycleDrawer({
  open,
  onClose,
  cycles,
}: {
  open: boolean
  onClose: () => void
  cycles: readonly Cycle[]
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<FormValues>()
  const kind = Form.useWatch('kind', form)
  const openCycle = useOpenCycle()
  const [started, setStarted] = useState<
    { cycleId: number; jobId: number; warnings: CalendarCoverageWarning[] } | undefined
  >()
  const [employeeSearch, setEmployeeSearch] = useState('')
  const departments = useDepartments()
  const positions = usePositions()
  const templates = useTemplates(false)
  const employees = useEmployees({ q: employeeSearch || undefined, status: 'active', page: 1, pageSize: 50 })
  const tree = useMemo(() => toTreeData(buildDepartmentTree(departments.data ?? [])), [departments.data])

  const close = () => {
    setStarted(undefined)
    openCycle.reset()
    onClose()
  }
  const submit = (values: FormValues) =>
    openCycle.mutate(toCycleInput(values), {
      onSuccess: ({ cycle, jobId, warnings }) =>
        setStarted({ cycleId: cycle.id, jobId, warnings: warnings ?? [] }),
      onError: (error) => message.error(describeError(t, error)),
    })
  const finished = (job: Job) => {
    if (job.status === 'succeeded') message.success(t('cycles.open.done'))
  }

  return (
    <Drawer
      title={t('cycles.open.title')}
      open={open}
      onClose={close}
      size="large"
      destroyOnHidden
      footer={
        started ? (
          <Flex justify="end" gap={8}>
            <Button onClick={close}>{t('cycles.actions.close')}</Button>
            <Button type="primary" onClick={() => navigate(`${started.cycleId}`)}>
              {t('cycles.actions.toBoard')}
            </Button>
          </Flex>
        ) : (
          <Flex justify="end" gap={8}>
            <Button onClick={close}>{t('cycles.actions.cancel')}</Button>
            <Button type="primary" loading={openCycle.isPending} onClick={() => form.submit()}>
              {t('cycles.actions.start')}
            </Button>
          </Flex>
        )
      }
    >
      {started ? (
        <Flex vertical gap={12}>
          <CalendarCoverageWarnings warnings={started.warnings} />
          <Typography.Text>{t('cycles.open.progress')}</Typography.Text>
          <JobProgress jobId={started.jobId} onFinished={finished} />
        </Flex>
      ) : (
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'monthly', appealWindowDays: 3, ownWeight: 0.4 }}
          onFinish={submit}
        >
          <Form.Item name="name" label={t('cycles.open.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} placeholder={t('cycles.open.namePlaceholder')} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={t('cycles.open.kind')} rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                options={(['monthly', 'quarterly', 'annual'] as const).map((k) => ({
                  value: k,
                  label: t(`cycles.kinds.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="period" label={t('cycles.open.period')} rules={[{ required: true }]}>
              <DatePicker.RangePicker
                aria-label={t('cycles.open.period')}
                placeholder={[t('cycles.open.periodStart'), t('cycles.open.periodEnd')]}
              />
            </Form.Item>
          </Flex>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('cycles.open.participantsHint')}
          />
          <Form.Item name="departmentIds" label={t('cycles.open.departments')}>
            <TreeSelect
              multiple
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              loading={departments.isPending}
              treeData={tree}
            />
          </Form.Item>
          <Form.Item name="positionIds" label={t('cycles.open.positions')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              loading={positions.isPending}
              options={(positions.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="employeeIds" label={t('cycles.open.employees')}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={setEmployeeSearch}
              loading={employees.isFetching}
              options={(employees.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
          <Form.Item
            name="templateId"
            label={t('cycles.open.template')}
            extra={t('cycles.open.templateHint')}
          >
            <Select
              allowClear
              optionFilterProp="label"
              options={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            />
          </Form.Item>
          <Form.Item
            name="appealWindowDays"
            label={t('cycles.settings.appealWindowDays')}
            extra={t('cycles.settings.workingDays')}
          >
            <InputNumber min={0} max={60} />
          </Form.Item>
          {kind && kind !== 'monthly' ? (
            <>
              <Typography.Title level={5}>{t('cycles.open.rollup')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('cycles.open.rollupHint')}</Typography.Paragraph>
              <Form.List name="rollupSources">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item name={[field.name, 'cycleId']} rules={[{ required: true }]}>
                          <Select
                            style={{ width: 260 }}
                            placeholder={t('cycles.open.rollupSource')}
                            options={cycles
                              .filter((c) => c.status === 'open')
                              .map((c) => ({ value: c.id, label: c.name }))}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]}>
                          <InputNumber
                            min={0}
                            max={1}
                            step={0.05}
                            placeholder={t('cycles.open.weight')}
                            aria-label={t('cycles.open.weight')}
                          />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Form.Item>
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                        {t('cycles.open.addSource')}
                      </Button>
                    </Form.Item>
                  </>
                )}
              </Form.List>
              <Form.Item name="ownWeight" label={t('cycles.open.ownWeight')}>
                <InputNumber min={0} max={1} step={0.05} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      )}
    </Drawer>
  )
}

type TreeNode = { value: number; title: string; children: TreeNode[] }

function toTreeData(nodes: readonly DepartmentNode[]): TreeNode[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: toTreeData(n.children) }))
}
