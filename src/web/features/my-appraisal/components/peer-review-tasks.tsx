import { Alert, App, Button, Card, Flex, Input, InputNumber, Modal, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IndicatorInput } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useCurrentUser } from '../../auth/current-user-context.ts'
import { formatNumber } from '../../sheets/format-value.ts'
import { type PeerReviewTask, useMyPeerReviews, useSubmitPeerReview } from '../api/peer-reviews.ts'

const openStates = new Set([
  'draft',
  'targets_agreed',
  'in_progress',
  'self_submitted',
  'supervisor_submitted',
])

function PeerReviewDialog({ task, onClose }: { task: PeerReviewTask; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const submit = useSubmitPeerReview()
  const [inputs, setInputs] = useState<Record<string, IndicatorInput>>(task.indicators ?? {})
  const [comment, setComment] = useState(task.comment ?? '')
  const [formError, setFormError] = useState<string | null>(null)
  // Peers judge the scored indicators (酌情给分) within 0 … the indicator's points, each with a reason; a named
  // assessor (指标考核人) also enters the actual figure of each other row handed to them.
  const isAssessor = task.kind === 'assessor'
  const scored = task.toScore.filter((i) => i.rule === 'discretionary')
  const measured = isAssessor ? task.toScore.filter((i) => i.rule !== 'discretionary') : []

  const send = () => {
    setFormError(null)
    for (const item of scored) {
      const input = inputs[item.key]
      if (input?.score === undefined)
        return setFormError(t('myAppraisal.peer.needScore', { name: item.name }))
      if (input.score < 0 || input.score > item.maxPoints)
        return setFormError(
          t('myAppraisal.peer.outOfBounds', { name: item.name, max: formatNumber(item.maxPoints) }),
        )
      if (!input.comment?.trim()) return setFormError(t('myAppraisal.peer.needComment', { name: item.name }))
    }
    for (const item of measured)
      if (inputs[item.key]?.actual === undefined)
        return setFormError(t('myAppraisal.assessor.needActual', { name: item.name }))
    const indicators = Object.fromEntries([
      ...scored.map((i) => [
        i.key,
        { score: inputs[i.key]!.score!, comment: inputs[i.key]!.comment!.trim() },
      ]),
      ...measured.map((i) => [i.key, { actual: inputs[i.key]!.actual! }]),
    ])
    submit.mutate(
      { id: task.id, indicators, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(t('myAppraisal.peer.submitted'))
          onClose()
        },
      },
    )
  }

  return (
    <Modal
      open
      title={t(isAssessor ? 'myAppraisal.assessor.dialogTitle' : 'myAppraisal.peer.dialogTitle', {
        name: task.employeeName,
      })}
      okText={t(isAssessor ? 'myAppraisal.assessor.submit' : 'myAppraisal.peer.submit')}
      cancelText={t('sheets.cancel')}
      okButtonProps={{ loading: submit.isPending }}
      onOk={send}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t(isAssessor ? 'myAppraisal.assessor.hint' : 'myAppraisal.peer.anonymous')}
        </Typography.Text>
        {measured.map((item) => (
          <Flex key={item.key} vertical gap={4}>
            <Typography.Text strong>{item.name}</Typography.Text>
            <InputNumber
              aria-label={`${item.name} ${t('myAppraisal.assessor.actual')}`}
              style={{ width: 200 }}
              value={inputs[item.key]?.actual ?? null}
              onChange={(v) =>
                setInputs({
                  ...inputs,
                  [item.key]: { ...inputs[item.key], actual: typeof v === 'number' ? v : undefined },
                })
              }
            />
          </Flex>
        ))}
        {scored.map((item) => (
          <Flex key={item.key} vertical gap={4}>
            <Typography.Text strong>
              {item.name}（0–{formatNumber(item.maxPoints)}）
            </Typography.Text>
            <InputNumber
              aria-label={`${item.name} ${t('sheets.field.score')}`}
              min={0}
              max={item.maxPoints}
              style={{ width: 120 }}
              value={inputs[item.key]?.score ?? null}
              onChange={(v) =>
                setInputs({
                  ...inputs,
                  [item.key]: { ...inputs[item.key], score: typeof v === 'number' ? v : undefined },
                })
              }
            />
            <Input.TextArea
              aria-label={`${item.name} ${t('sheets.field.comment')}`}
              placeholder={t('sheets.field.commentRequired')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2000}
              value={inputs[item.key]?.comment ?? ''}
              onChange={(e) =>
                setInputs({ ...inputs, [item.key]: { ...inputs[item.key], comment: e.target.value } })
              }
            />
          </Flex>
        ))}
        <Input.TextArea
          aria-label={t('sheets.review.overall')}
          placeholder={t('sheets.review.overall')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={4000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        {formError ? <Alert type="error" showIcon title={formError} /> : null}
        {submit.isError ? <Alert type="error" showIcon title={describeError(t, submit.error)} /> : null}
      </Flex>
    </Modal>
  )
}

// Peer reviews I owe or gave (待我互评): each colleague's sheet by name, open until it is computed; the
// colleague never learns who wrote which. Rows I score as their named assessor (指标考核人) are listed here too.
export function PeerReviewTasks() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const tasks = useMyPeerReviews(user.employeeId !== null)
  const [open, setOpen] = useState<PeerReviewTask | null>(null)
  const items = tasks.data ?? []
  if (items.length === 0) return null
  return (
    <Card size="small" title={t('myAppraisal.peer.title')} data-testid="peer-review-tasks">
      <Flex vertical gap={8}>
        {items.map((task) => {
          const editable = openStates.has(task.sheetState)
          return (
            <Flex key={task.id} wrap gap={8} align="center" justify="space-between">
              <Flex wrap gap={8} align="center">
                <Typography.Text strong>{task.employeeName}</Typography.Text>
                <Typography.Text type="secondary">{task.cycleName}</Typography.Text>
                {task.kind === 'assessor' ? (
                  <Tag color="blue">
                    {t('myAppraisal.assessor.tag', { rows: task.toScore.map((i) => i.name).join('、') })}
                  </Tag>
                ) : null}
                {task.submittedAt ? (
                  <Tag color="green">
                    {t('sheets.peers.submittedAt', { at: dayjs(task.submittedAt).format('YYYY-MM-DD') })}
                  </Tag>
                ) : (
                  <Tag color="gold">{t('sheets.peers.pending')}</Tag>
                )}
              </Flex>
              {editable ? (
                <Button size="small" onClick={() => setOpen(task)}>
                  {t(task.submittedAt ? 'myAppraisal.peer.revise' : 'myAppraisal.peer.write')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('myAppraisal.peer.closed')}</Typography.Text>
              )}
            </Flex>
          )
        })}
      </Flex>
      {open ? <PeerReviewDialog task={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  )
}
