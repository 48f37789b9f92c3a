import { Alert, App, Form, Input, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../../lib/describe-error.ts'
import { useRecordQuotaException } from '../api/record-quota-exception.ts'

// Records that a held department may pass over the enforced quotas (记录例外); the reason is required and audited.
export function QuotaExceptionDialog({
  cycleId,
  departmentId,
  departmentName,
  onClose,
}: {
  cycleId: number
  departmentId: number | null
  departmentName: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ reason: string }>()
  const record = useRecordQuotaException()
  const submit = (values: { reason: string }) =>
    record.mutate(
      { cycleId, departmentId, reason: values.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('cycles.calibration.exceptionRecorded'))
          onClose()
        },
      },
    )
  return (
    <Modal
      open
      title={t('cycles.calibration.exceptionTitle', { department: departmentName })}
      okText={t('cycles.actions.save')}
      cancelText={t('cycles.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('cycles.calibration.exceptionHint')}</Typography.Paragraph>
      {record.isError ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={describeError(t, record.error)} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('cycles.calibration.exceptionReason')}
          rules={[
            { required: true, whitespace: true, message: t('cycles.calibration.exceptionReasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
