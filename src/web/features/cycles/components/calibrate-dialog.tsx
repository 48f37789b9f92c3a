import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CalibrationSheet } from '../../../../contracts/cycles.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCalibrateSheet } from '../api/calibrate-sheet.ts'

// Adjusts one sheet's total before sign-off (校准); the reason is mandatory and goes to the audit log.
export function CalibrateDialog({ sheet, onClose }: { sheet: CalibrationSheet; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ total: number; reason: string }>()
  const calibrate = useCalibrateSheet()
  const submit = (values: { total: number; reason: string }) =>
    calibrate.mutate(
      {
        sheetId: sheet.sheetId,
        expectedVersion: sheet.version,
        total: values.total,
        reason: values.reason.trim(),
      },
      {
        onSuccess: () => {
          message.success(t('cycles.calibration.adjusted'))
          onClose()
        },
      },
    )
  return (
    <Modal
      open
      title={t('cycles.calibration.adjustTitle', { name: sheet.employeeName })}
      okText={t('cycles.actions.save')}
      cancelText={t('cycles.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={calibrate.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('cycles.calibration.current', { total: sheet.total })}</Typography.Paragraph>
      {calibrate.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={describeError(t, calibrate.error)}
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ total: sheet.total }} onFinish={submit}>
        <Form.Item name="total" label={t('cycles.calibration.newTotal')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1000} step={0.5} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('cycles.calibration.reason')}
          rules={[{ required: true, whitespace: true, message: t('cycles.calibration.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
