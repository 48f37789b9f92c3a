import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Input, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSheetStep } from '../api/run-sheet-step.ts'

// The feedback meeting (绩效面谈): its date, notes and the improvements agreed. The reviewer records it once
// the sheet is computed; everybody who may read the sheet sees it afterwards.
export function FeedbackPanel({ sheet }: { sheet: SheetDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const canHold = sheet.allowedActions.includes('hold_feedback')
  const [date, setDate] = useState<Dayjs | null>(dayjs())
  const [notes, setNotes] = useState('')
  const [improvements, setImprovements] = useState<string[]>([''])
  const [formError, setFormError] = useState<string | null>(null)
  const feedback = sheet.feedback

  const record = () => {
    setFormError(null)
    if (!date) return setFormError(t('sheets.feedback.needDate'))
    if (notes.trim() === '') return setFormError(t('sheets.feedback.needNotes'))
    step.mutate(
      {
        sheetId: sheet.id,
        step: 'feedback',
        body: {
          expectedVersion: sheet.version,
          date: date.format('YYYY-MM-DD'),
          notes: notes.trim(),
          improvements: improvements.map((i) => i.trim()).filter((i) => i !== ''),
        },
      },
      { onSuccess: () => void message.success(t('sheets.feedback.recorded')) },
    )
  }

  if (!feedback && !canHold) return null
  return (
    <Card size="small" title={t('sheets.feedback.title')} data-testid="feedback-panel">
      {feedback ? (
        <Flex vertical gap={6}>
          <Typography.Text strong>{t('sheets.feedback.heldOn', { date: feedback.date })}</Typography.Text>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {feedback.notes}
          </Typography.Paragraph>
          {feedback.improvements.length > 0 ? (
            <>
              <Typography.Text type="secondary">{t('sheets.feedback.improvements')}</Typography.Text>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {feedback.improvements.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
        </Flex>
      ) : canHold ? (
        <Flex vertical gap={8} data-testid="feedback-form">
          <DatePicker
            aria-label={t('sheets.feedback.date')}
            value={date}
            onChange={setDate}
            allowClear={false}
            inputReadOnly
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
          <Input.TextArea
            aria-label={t('sheets.feedback.notes')}
            placeholder={t('sheets.feedback.notes')}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={10000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <Typography.Text type="secondary">{t('sheets.feedback.improvements')}</Typography.Text>
          {improvements.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited in place, in order
            <Flex key={index} gap={8} align="center">
              <Input
                aria-label={t('sheets.feedback.improvementN', { n: index + 1 })}
                maxLength={1000}
                value={item}
                onChange={(e) =>
                  setImprovements(improvements.map((v, i) => (i === index ? e.target.value : v)))
                }
              />
              <Button
                type="text"
                aria-label={t('sheets.feedback.removeImprovement')}
                icon={<MinusCircleOutlined />}
                onClick={() => setImprovements(improvements.filter((_, i) => i !== index))}
              />
            </Flex>
          ))}
          <Flex wrap gap={8} justify="space-between">
            <Button
              icon={<PlusOutlined />}
              onClick={() => setImprovements([...improvements, ''])}
              disabled={improvements.length >= 20}
            >
              {t('sheets.feedback.addImprovement')}
            </Button>
            <Button type="primary" loading={step.isPending} onClick={record}>
              {t('sheets.feedback.record')}
            </Button>
          </Flex>
          {formError ? <Alert type="error" showIcon title={formError} /> : null}
          {step.isError ? <Alert type="error" showIcon title={describeError(t, step.error)} /> : null}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  )
}
