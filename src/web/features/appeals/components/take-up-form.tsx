import { Alert, Button, Form, Input, InputNumber, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import type { useAppealSteps } from '../api/appeal-steps.ts'
import { useAppealHandlers } from '../api/list-appeal-handlers.ts'

type Values = { handlerUserId?: number; investigationDays: number; note?: string }

// Take up an appeal (受理): choose the HR handler and the investigation deadline in working days.
export function TakeUpForm({
  steps,
  defaultDays,
}: {
  steps: ReturnType<typeof useAppealSteps>
  defaultDays: number
}) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const handlers = useAppealHandlers()
  const submit = (values: Values) =>
    steps.takeUp.mutate({
      handlerUserId: values.handlerUserId,
      investigationDays: values.investigationDays,
      note: values.note?.trim() || undefined,
    })
  return (
    <Form<Values>
      layout="vertical"
      onFinish={submit}
      initialValues={{
        handlerUserId: user.role === 'hr' ? user.id : undefined,
        investigationDays: defaultDays,
      }}
    >
      <Form.Item name="handlerUserId" label={t('appeals.takeUp.handler')}>
        <Select
          loading={handlers.isPending}
          options={(handlers.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
        />
      </Form.Item>
      <Form.Item
        name="investigationDays"
        label={t('appeals.takeUp.days')}
        extra={t('appeals.takeUp.daysHint')}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={60} />
      </Form.Item>
      <Form.Item name="note" label={t('appeals.takeUp.note')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      {steps.takeUp.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={describeError(t, steps.takeUp.error)}
        />
      ) : null}
      <Button type="primary" htmlType="submit" loading={steps.takeUp.isPending}>
        {t('appeals.takeUp.submit')}
      </Button>
    </Form>
  )
}
