import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Form, InputNumber, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Cycle } from '../../../../contracts/cycles.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useUpdateCycleSettings } from '../api/update-cycle-settings.ts'

const grades = ['excellent', 'good', 'pass', 'fail'] as const

// Grade quotas of a cycle (强制分布), e.g. at most 20% 优秀 per department and company-wide; shares in percent.
export function GradeQuotaCard({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const update = useUpdateCycleSettings()
  const save = (values: { quotas?: { grade: string; percent: number }[] }) =>
    update.mutate(
      {
        id: cycle.id,
        settings: {
          gradeQuotas: (values.quotas ?? []).map((q) => ({ grade: q.grade, maxShare: q.percent / 100 })),
        },
      },
      {
        onSuccess: () => message.success(t('cycles.settings.saved')),
        onError: (error) => message.error(describeError(t, error)),
      },
    )
  return (
    <Card title={t('cycles.calibration.quotas')} size="small">
      <Form
        onFinish={save}
        initialValues={{
          quotas: (cycle.settings.gradeQuotas ?? []).map((q) => ({
            grade: q.grade,
            percent: Math.round(q.maxShare * 1000) / 10,
          })),
        }}
      >
        <Form.List name="quotas">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'grade']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 120 }}
                      aria-label={t('cycles.calibration.grade')}
                      options={grades.map((g) => ({ value: g, label: t(`cycles.grades.${g}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'percent']} rules={[{ required: true }]}>
                    <InputNumber
                      min={1}
                      max={100}
                      suffix="%"
                      prefix="≤"
                      aria-label={t('cycles.calibration.maxShare')}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined
                    aria-label={t('cycles.actions.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Space>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ grade: 'excellent', percent: 20 })}
                >
                  {t('cycles.calibration.addQuota')}
                </Button>
                <Button htmlType="submit" loading={update.isPending}>
                  {t('cycles.actions.save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  )
}
