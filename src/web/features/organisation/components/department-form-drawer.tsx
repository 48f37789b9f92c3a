import { App, Button, Drawer, Flex, Form, Grid, Input, TreeSelect } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Department } from '../../../../contracts/organisation.ts'
import { useSaveDepartment } from '../api/save-department.ts'
import { applyServerError } from '../apply-server-error.ts'
import { departmentPickerTree } from '../department-picker-tree.ts'

export type DepartmentFormMode =
  | { kind: 'create'; parentId?: number }
  | { kind: 'edit' | 'move'; department: Department }

type Values = { name: string; parentId?: number | null }

// 新建部门 / 编辑 (name) / 移动 (choose the parent) in one drawer; the server refuses a loop and names it.
export function DepartmentFormDrawer({
  mode,
  departments,
  onClose,
}: {
  mode: DepartmentFormMode | undefined
  departments: readonly Department[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<Values>()
  const save = useSaveDepartment()
  const self = mode && mode.kind !== 'create' ? mode.department : undefined
  const tree = useMemo(() => departmentPickerTree(departments, self?.id), [departments, self?.id])

  useEffect(() => {
    if (!mode) return
    form.resetFields()
    form.setFieldsValue(
      mode.kind === 'create'
        ? { name: '', parentId: mode.parentId ?? null }
        : { name: mode.department.name, parentId: mode.department.parentId },
    )
  }, [mode, form])

  const submit = (values: Values) => {
    if (!mode) return
    const parentId = values.parentId ?? null
    const change =
      mode.kind === 'create'
        ? ({ kind: 'create', input: { name: values.name, parentId } } as const)
        : mode.kind === 'edit'
          ? ({ kind: 'update', id: mode.department.id, patch: { name: values.name } } as const)
          : ({ kind: 'update', id: mode.department.id, patch: { parentId } } as const)
    save.mutate(change, {
      onSuccess: () => {
        message.success(t('orgEdit.saved'))
        onClose()
      },
      onError: (error) =>
        applyServerError(form, ['name', 'parentId'], error, t, (text) => message.error(text)),
    })
  }

  const title = !mode
    ? ''
    : mode.kind === 'create'
      ? t('orgEdit.department.create')
      : t(`orgEdit.department.${mode.kind}Title`, { name: mode.department.name })

  return (
    <Drawer
      title={title}
      open={mode !== undefined}
      onClose={onClose}
      size={screens.md ? 480 : '100%'}
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
        {mode?.kind !== 'move' ? (
          <Form.Item
            name="name"
            label={t('orgEdit.department.name')}
            rules={[
              { required: true, whitespace: true, message: t('orgEdit.required') },
              { max: 100, message: t('orgEdit.tooLong', { max: 100 }) },
            ]}
          >
            <Input autoFocus maxLength={100} />
          </Form.Item>
        ) : null}
        {mode?.kind !== 'edit' ? (
          <Form.Item
            name="parentId"
            label={t('orgEdit.department.parent')}
            extra={t('orgEdit.department.parentHint')}
          >
            <TreeSelect<number>
              aria-label={t('orgEdit.department.parent')}
              allowClear
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              treeData={tree}
              placeholder={t('orgEdit.department.noParent')}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  )
}
