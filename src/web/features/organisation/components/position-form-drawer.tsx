import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Divider, Drawer, Flex, Form, Grid, Input, Select, TreeSelect } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Department, JobDescription, Position } from '../../../../contracts/organisation.ts'
import { useSavePosition } from '../api/save-position.ts'
import { applyServerError } from '../apply-server-error.ts'
import { departmentPickerTree } from '../department-picker-tree.ts'

type Values = {
  name: string
  departmentId?: number | null
  superiorPositionId?: number | null
  summary?: string
  duties?: { title: string; items?: string }[]
  workingHours?: string
  paySystem?: string
  subordinatePositions?: string[]
  internalCollaboration?: string[]
  externalCollaboration?: string[]
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** The job description (岗位说明书) the form's values describe; empty parts are left out. */
export function toJobDescription(values: Values): JobDescription {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined)
  const list = (l: string[] | undefined) =>
    l && l.length > 0 ? l.map((s) => s.trim()).filter(Boolean) : undefined
  return {
    summary: text(values.summary),
    duties: (values.duties ?? [])
      .filter((d) => d?.title?.trim())
      .map((d) => ({ title: d.title.trim(), items: lines(d.items) })),
    workingHours: text(values.workingHours),
    paySystem: text(values.paySystem),
    subordinatePositions: list(values.subordinatePositions),
    internalCollaboration: list(values.internalCollaboration),
    externalCollaboration: list(values.externalCollaboration),
  }
}

// 新建岗位 / 编辑: name, department, superior position and the job description editor (岗位说明书).
export function PositionFormDrawer({
  open,
  position,
  departments,
  positions,
  onClose,
}: {
  open: boolean
  /** The position being edited; undefined to create one. */
  position: Position | undefined
  departments: readonly Department[]
  positions: readonly Position[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<Values>()
  const save = useSavePosition()
  const tree = useMemo(() => departmentPickerTree(departments), [departments])
  const superiors = positions
    .filter((p) => p.retiredAt === null && p.id !== position?.id)
    .map((p) => ({ value: p.id, label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name }))

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (!position) return
    const jd = position.jobDescription
    form.setFieldsValue({
      name: position.name,
      departmentId: position.departmentId,
      superiorPositionId: position.superiorPositionId,
      summary: jd.summary,
      duties: jd.duties.map((d) => ({ title: d.title, items: d.items.join('\n') })),
      workingHours: jd.workingHours,
      paySystem: jd.paySystem,
      subordinatePositions: jd.subordinatePositions,
      internalCollaboration: jd.internalCollaboration,
      externalCollaboration: jd.externalCollaboration,
    })
  }, [open, position, form])

  const submit = (values: Values) => {
    const body = {
      name: values.name,
      departmentId: values.departmentId ?? null,
      superiorPositionId: values.superiorPositionId ?? null,
      jobDescription: toJobDescription(values),
    }
    save.mutate(
      position ? { kind: 'update', id: position.id, patch: body } : { kind: 'create', input: body },
      {
        onSuccess: () => {
          message.success(t('orgEdit.saved'))
          onClose()
        },
        onError: (error) =>
          applyServerError(form, ['name', 'departmentId', 'superiorPositionId'], error, t, (text) =>
            message.error(text),
          ),
      },
    )
  }

  const tags = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label}>
      <Select mode="tags" aria-label={label} open={false} tokenSeparators={['\n', '，', ',']} />
    </Form.Item>
  )

  return (
    <Drawer
      title={
        position ? t('orgEdit.position.editTitle', { name: position.name }) : t('orgEdit.position.create')
      }
      open={open}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('orgEdit.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('orgEdit.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          name="name"
          label={t('orgEdit.position.name')}
          rules={[
            { required: true, whitespace: true, message: t('orgEdit.required') },
            { max: 100, message: t('orgEdit.tooLong', { max: 100 }) },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('orgEdit.position.department')}>
          <TreeSelect<number>
            aria-label={t('orgEdit.position.department')}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={tree}
          />
        </Form.Item>
        <Form.Item name="superiorPositionId" label={t('orgEdit.position.superior')}>
          <Select<number>
            aria-label={t('orgEdit.position.superior')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={superiors}
          />
        </Form.Item>
        <Divider titlePlacement="start">{t('orgEdit.position.jobDescription')}</Divider>
        <Form.Item name="summary" label={t('orgEdit.position.summary')} rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.List name="duties">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              <span>{t('orgEdit.position.duties')}</span>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('orgEdit.position.dutyN', { n: index + 1 })}
                  extra={
                    <Button
                      type="text"
                      size="small"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('orgEdit.position.removeDuty', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('orgEdit.position.dutyTitle')}
                    rules={[{ required: true, whitespace: true, message: t('orgEdit.required') }]}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'items']}
                    label={t('orgEdit.position.dutyItems')}
                    extra={t('orgEdit.position.dutyItemsHint')}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                  </Form.Item>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', items: '' })}>
                {t('orgEdit.position.addDuty')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="workingHours" label={t('orgEdit.position.workingHours')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="paySystem" label={t('orgEdit.position.paySystem')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
        </Form.Item>
        {tags('subordinatePositions', t('orgEdit.position.subordinates'))}
        {tags('internalCollaboration', t('orgEdit.position.internal'))}
        {tags('externalCollaboration', t('orgEdit.position.external'))}
      </Form>
    </Drawer>
  )
}
