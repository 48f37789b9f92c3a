import { HistoryOutlined } from '@ant-design/icons'
import { App, Button, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../../lib/describe-error.ts'
import { useRecomputeHistoryTargets } from '../api/recompute-history-targets.ts'

// 重算历史目标: targets derived from history (上月日均UV × 110%) are frozen when the cycle opens; HR recomputes them,
// with a reason, when the history was imported late or corrected. Sheets already computed keep theirs.
export function HistoryTargetsButton({ cycleId }: { cycleId: number }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const recompute = useRecomputeHistoryTargets()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const submit = () =>
    recompute.mutate(
      { id: cycleId, reason: reason.trim() },
      {
        onSuccess: (result) => {
          setOpen(false)
          setReason('')
          void message.success(
            t('cycles.historyTargets.done', {
              count: result.recomputed ?? 0,
              skipped: result.skipped ?? 0,
              changed: result.items.filter((i) => i.changed).length,
            }),
          )
        },
        onError: (error) => void message.error(describeError(t, error)),
      },
    )
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={() => setOpen(true)}>
        {t('cycles.historyTargets.open')}
      </Button>
      <Modal
        open={open}
        title={t('cycles.historyTargets.title')}
        okText={t('cycles.historyTargets.confirm')}
        okButtonProps={{ disabled: reason.trim() === '', loading: recompute.isPending }}
        onOk={submit}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">{t('cycles.historyTargets.explain')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('cycles.historyTargets.reason')}
          placeholder={t('cycles.historyTargets.reason')}
          maxLength={2000}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  )
}
