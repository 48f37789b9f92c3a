import { App, Form, Input, InputNumber, Modal, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StoredSampleScore, WeeklySample } from '../../../../contracts/rota.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSamplingForm, useScoreSample } from '../api/rota-api.ts'

type Values = { points: Record<string, number>; comment?: string }

// 抽查评分表: one number per criterion (the template's indicators, each up to its full points) and a comment.
export function ScoreSampleDialog({
  target,
  onClose,
}: {
  target: { draw: WeeklySample; itemId: string; score: StoredSampleScore | null }
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const form = useSamplingForm()
  const score = useScoreSample()
  const [values] = Form.useForm<Values>()
  const submit = (v: Values) =>
    score.mutate(
      { drawId: target.draw.id, itemId: target.itemId, points: v.points, comment: v.comment?.trim() || null },
      {
        onSuccess: (s) => {
          message.success(t('rota.scored', { score: s.score }))
          onClose()
        },
        onError: (error) => message.error(describeError(t, error)),
      },
    )
  return (
    <Modal
      open
      title={t('rota.scoreTitle', { item: target.itemId, name: target.draw.employeeName })}
      okText={t('rota.saveScore')}
      onOk={() => values.submit()}
      confirmLoading={score.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {form.isError ? <Result status="error" subTitle={describeError(t, form.error)} /> : null}
      {form.data?.template ? (
        <p style={{ marginTop: 0 }}>{t('rota.formFrom', { template: form.data.template.name })}</p>
      ) : null}
      <Form<Values>
        form={values}
        name="rota-score"
        layout="horizontal"
        labelCol={{ span: 10 }}
        onFinish={submit}
        initialValues={{
          points: Object.fromEntries(target.score?.criteria.map((c) => [c.key, c.points]) ?? []),
          comment: target.score?.comment ?? '',
        }}
      >
        {(form.data?.criteria ?? []).map((c) => (
          <Form.Item
            key={c.key}
            name={['points', c.key]}
            label={`${c.label} (${c.maxPoints})`}
            rules={[{ required: true, type: 'number', min: 0, max: c.maxPoints }]}
          >
            <InputNumber min={0} max={c.maxPoints} step={1} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('rota.comment')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
