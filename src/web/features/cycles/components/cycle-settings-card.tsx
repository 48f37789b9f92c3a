import { App, Button, Card, Form, InputNumber } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Cycle } from '../../../../contracts/cycles.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useUpdateCycleSettings } from '../api/update-cycle-settings.ts'

// The appeal window (申诉期) and HR investigation days of a cycle, in working days; saved (and audited) at once.
export function CycleSettingsCard({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const update = useUpdateCycleSettings()
  const save = (values: { appealWindowDays: number; investigationDays: number }) =>
    update.mutate(
      { id: cycle.id, settings: values },
      {
        onSuccess: () => message.success(t('cycles.settings.saved')),
        onError: (error) => message.error(describeError(t, error)),
      },
    )
  return (
    <Card title={t('cycles.settings.title')} size="small">
      <Form
        layout="inline"
        initialValues={{
          appealWindowDays: cycle.settings.appealWindowDays ?? 3,
          investigationDays: cycle.settings.investigationDays ?? 5,
        }}
        onFinish={save}
      >
        <Form.Item
          name="appealWindowDays"
          label={t('cycles.settings.appealWindowDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={60} style={{ width: 70 }} />
        </Form.Item>
        <Form.Item
          name="investigationDays"
          label={t('cycles.settings.investigationDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={60} style={{ width: 70 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={update.isPending}>
            {t('cycles.actions.save')}
          </Button>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)' }}>{t('cycles.settings.workingDays')}</div>
    </Card>
  )
}
