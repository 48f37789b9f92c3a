import {
  App,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Select,
  TreeSelect,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  type Department,
  type Employee,
  emailSchema,
  type Position,
  phoneSchema,
} from '../../../../contracts/organisation.ts'
import { useEmployees } from '../api/get-employees.ts'
import { useSaveEmployee } from '../api/save-employee.ts'
import { applyServerError } from '../apply-server-error.ts'
import { departmentPickerTree } from '../department-picker-tree.ts'

export type EmployeeFormMode = { kind: 'create' } | { kind: 'edit' | 'leave'; employee: Employee }

type Values = {
  employeeNo: string
  name: string
  departmentId?: number | null
  positionId?: number | null
  managerId?: number | null
  hireDate?: Dayjs | null
  leaveDate?: Dayjs | null
  phone?: string
  email?: string
}

const dateFormat = 'YYYY-MM-DD'
const fields = [
  'employeeNo',
  'name',
  'departmentId',
  'positionId',
  'managerId',
  'hireDate',
  'leaveDate',
  'phone',
  'email',
]
const toDate = (d: Dayjs | null | undefined) => (d ? d.format(dateFormat) : null)

/** A form rule that checks a value with the same schema the server uses, showing its message. */
function schemaRule(schema: z.ZodType) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const result = schema.safeParse(value ?? null)
      if (!result.success) throw new Error(result.error.issues[0]?.message)
    },
  }
}

// 新增员工 / 编辑 (工号, 姓名, 部门, 岗位, 直接上级 searched on the server, 入职/离职日期, 手机, 邮箱) / 办理离职
// (a leave date only). Moving someone is choosing another department or manager here.
export function EmployeeFormDrawer({
  mode,
  departments,
  positions,
  onClose,
}: {
  mode: EmployeeFormMode | undefined
  departments: readonly Department[]
  positions: readonly Position[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<Values>()
  const save = useSaveEmployee()
  const [managerSearch, setManagerSearch] = useState('')
  const managers = useEmployees({ q: managerSearch || undefined, status: 'active', page: 1, pageSize: 30 })
  const self = mode && mode.kind !== 'create' ? mode.employee : undefined
  const tree = useMemo(() => departmentPickerTree(departments), [departments])
  const positionOptions = positions
    .filter((p) => p.retiredAt === null)
    .map((p) => ({ value: p.id, label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name }))
  const managerOptions = [
    ...(self?.managerId && self.managerName ? [{ value: self.managerId, label: self.managerName }] : []),
    ...(managers.data?.items ?? [])
      .filter((e) => e.id !== self?.id && e.id !== self?.managerId)
      .map((e) => ({
        value: e.id,
        label: `${e.name}（${e.employeeNo}${e.departmentName ? ` · ${e.departmentName}` : ''}）`,
      })),
  ]

  useEffect(() => {
    if (!mode) return
    form.resetFields()
    setManagerSearch('')
    if (mode.kind === 'create') return
    const e = mode.employee
    form.setFieldsValue({
      employeeNo: e.employeeNo,
      name: e.name,
      departmentId: e.departmentId,
      positionId: e.positionId,
      managerId: e.managerId,
      hireDate: dayjs(e.hireDate),
      leaveDate: e.leaveDate ? dayjs(e.leaveDate) : mode.kind === 'leave' ? dayjs() : null,
      phone: e.phone ?? '',
      email: e.email ?? '',
    })
  }, [mode, form])

  const submit = (values: Values) => {
    if (!mode) return
    const onError = (error: unknown) =>
      applyServerError(form, fields, error, t, (text) => message.error(text))
    const onSuccess = () => {
      message.success(t('orgEdit.saved'))
      onClose()
    }
    if (mode.kind === 'leave') {
      save.mutate(
        { kind: 'update', id: mode.employee.id, patch: { leaveDate: toDate(values.leaveDate) } },
        { onSuccess, onError },
      )
      return
    }
    const body = {
      employeeNo: values.employeeNo.trim(),
      name: values.name.trim(),
      departmentId: values.departmentId ?? null,
      positionId: values.positionId ?? null,
      managerId: values.managerId ?? null,
      hireDate: toDate(values.hireDate) ?? '',
      leaveDate: toDate(values.leaveDate),
      phone: values.phone?.trim() ? values.phone.trim() : null,
      email: values.email?.trim() ? values.email.trim() : null,
    }
    save.mutate(
      mode.kind === 'create'
        ? { kind: 'create', input: body }
        : { kind: 'update', id: mode.employee.id, patch: body },
      {
        onSuccess,
        onError,
      },
    )
  }

  const title = !mode
    ? ''
    : mode.kind === 'create'
      ? t('orgEdit.employee.create')
      : t(`orgEdit.employee.${mode.kind}Title`, { name: mode.employee.name })
  const leaveDateItem = (
    <Form.Item
      name="leaveDate"
      label={t('orgEdit.employee.leaveDate')}
      extra={mode?.kind === 'leave' ? t('orgEdit.employee.leaveHint') : undefined}
      rules={mode?.kind === 'leave' ? [{ required: true, message: t('orgEdit.required') }] : []}
    >
      <DatePicker
        format={dateFormat}
        style={{ width: '100%' }}
        aria-label={t('orgEdit.employee.leaveDate')}
      />
    </Form.Item>
  )

  return (
    <Drawer
      title={title}
      open={mode !== undefined}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('orgEdit.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {mode?.kind === 'leave' ? t('orgEdit.employee.confirmLeave') : t('orgEdit.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        {mode?.kind === 'leave' ? (
          <>
            <Typography.Paragraph>
              {t('orgEdit.employee.leaveIntro', { name: mode.employee.name, no: mode.employee.employeeNo })}
            </Typography.Paragraph>
            {leaveDateItem}
          </>
        ) : (
          <>
            <Form.Item
              name="employeeNo"
              label={t('orgEdit.employee.employeeNo')}
              rules={[
                { required: true, whitespace: true, message: t('orgEdit.required') },
                { max: 50, message: t('orgEdit.tooLong', { max: 50 }) },
                { pattern: /^\s*[\w.-]+\s*$/, message: t('orgEdit.employee.employeeNoPattern') },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('orgEdit.employee.name')}
              rules={[
                { required: true, whitespace: true, message: t('orgEdit.required') },
                { max: 100, message: t('orgEdit.tooLong', { max: 100 }) },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="departmentId" label={t('orgEdit.employee.department')}>
              <TreeSelect<number>
                aria-label={t('orgEdit.employee.department')}
                allowClear
                showSearch
                treeNodeFilterProp="title"
                treeDefaultExpandAll
                treeData={tree}
              />
            </Form.Item>
            <Form.Item name="positionId" label={t('orgEdit.employee.position')}>
              <Select<number>
                aria-label={t('orgEdit.employee.position')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={positionOptions}
              />
            </Form.Item>
            <Form.Item
              name="managerId"
              label={t('orgEdit.employee.manager')}
              extra={t('orgEdit.employee.managerHint')}
            >
              <Select<number>
                aria-label={t('orgEdit.employee.manager')}
                allowClear
                showSearch={{ filterOption: false, onSearch: setManagerSearch }}
                loading={managers.isFetching}
                options={managerOptions}
                notFoundContent={t('orgEdit.employee.noManagerFound')}
              />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item
                name="hireDate"
                label={t('orgEdit.employee.hireDate')}
                rules={[{ required: true, message: t('orgEdit.required') }]}
                style={{ flex: '1 1 180px' }}
              >
                <DatePicker
                  format={dateFormat}
                  style={{ width: '100%' }}
                  aria-label={t('orgEdit.employee.hireDate')}
                />
              </Form.Item>
              <div style={{ flex: '1 1 180px' }}>{leaveDateItem}</div>
            </Flex>
            <Form.Item name="phone" label={t('orgEdit.employee.phone')} rules={[schemaRule(phoneSchema)]}>
              <Input inputMode="tel" maxLength={30} autoComplete="off" />
            </Form.Item>
            <Form.Item name="email" label={t('orgEdit.employee.email')} rules={[schemaRule(emailSchema)]}>
              <Input inputMode="email" autoComplete="off" />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  )
}
