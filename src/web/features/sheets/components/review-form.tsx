import { Alert, App, Button, Card, Divider, Flex, Input, Popconfirm, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IndicatorInput, ReviewInputs, SheetDetail } from '../../../../contracts/sheets.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { describeRule } from '../../templates/describe-rule.ts'
import { useSheetStep } from '../api/run-sheet-step.ts'
import { formatNumber } from '../format-value.ts'
import {
  checkReview,
  cleanReview,
  isFilledBySamples,
  needsComment,
  type ReviewIssue,
  reviewFieldsFor,
} from '../review-fields.ts'
import { IndicatorComment, IndicatorInputFields } from './indicator-input-fields.tsx'
import { ReviewInputSummary } from './review-view.tsx'

export type ReviewFormProps = {
  sheet: SheetDetail
  /** Whose review: the employee's self review (自评) or the reviewer's (上级评分). */
  rater: 'self' | 'supervisor'
}

// A rater's review of every indicator the template lets them judge, within the rule's bounds and with the
// mandatory comment for discretionary scores; saved as a draft or submitted (after which it is read-only).
// The supervisor sees the employee's self review beside each indicator.
export function ReviewForm({ sheet, rater }: ReviewFormProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const step = useSheetStep()
  const stored = (rater === 'self' ? sheet.selfReview : sheet.supervisorReview) ?? {}
  const [review, setReview] = useState<ReviewInputs>(stored)
  const [issues, setIssues] = useState<ReviewIssue[]>([])
  const template = sheet.template.definition
  const saveAction = rater === 'self' ? 'save_self_review' : 'save_supervisor_review'
  const submitAction = rater === 'self' ? 'submit_self_review' : 'submit_supervisor_review'
  const canSave = sheet.allowedActions.includes(saveAction)
  const canSubmit = sheet.allowedActions.includes(submitAction)

  const setInput = (key: string, input: IndicatorInput) => {
    setReview((r) => ({ ...r, indicators: { ...r.indicators, [key]: input } }))
    setIssues((list) => list.filter((i) => i.key !== key))
  }

  const send = (submit: boolean) => {
    const found = checkReview(template, review, { submit, rater })
    setIssues(found)
    if (found.length > 0) return
    step.mutate(
      {
        sheetId: sheet.id,
        step: rater === 'self' ? 'self-review' : 'supervisor-review',
        body: { expectedVersion: sheet.version, review: cleanReview(template, review), submit },
      },
      {
        onSuccess: () => void message.success(t(submit ? 'sheets.review.submitted' : 'sheets.review.saved')),
      },
    )
  }

  const issueText = (issue: ReviewIssue) =>
    t(`sheets.review.issue.${issue.problem}`, {
      field: t(`sheets.field.${issue.field}`),
      min: formatNumber(issue.min ?? 0),
      max: formatNumber(issue.max ?? 0),
    })

  return (
    <Card
      size="small"
      title={t(rater === 'self' ? 'sheets.review.selfTitle' : 'sheets.review.supervisorTitle')}
      data-testid={`review-form-${rater}`}
    >
      {template.dimensions.map((dimension) => (
        <div key={dimension.key}>
          <Divider titlePlacement="start" style={{ marginBlock: 8 }}>
            {dimension.name}
          </Divider>
          <Flex vertical gap={16}>
            {dimension.indicators.map((indicator) => {
              const input = review.indicators?.[indicator.key] ?? {}
              const fields = reviewFieldsFor(indicator)
              const mine = issues.filter((i) => i.key === indicator.key)
              const selfInput =
                rater === 'supervisor' ? sheet.selfReview?.indicators?.[indicator.key] : undefined
              return (
                <Flex key={indicator.key} vertical gap={6} data-testid={`review-item-${indicator.key}`}>
                  <Flex justify="space-between" gap={8} align="baseline" wrap>
                    <Typography.Text strong>{indicator.name}</Typography.Text>
                    <Tag>{t('sheets.breakdown.maxOnly', { max: formatNumber(indicator.maxPoints) })}</Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {describeRule(t, indicator.rule, indicator.unit)}
                  </Typography.Text>
                  {selfInput ? (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {t('sheets.review.selfSaid')}
                      <ReviewInputSummary indicator={indicator} input={selfInput} />
                    </Typography.Text>
                  ) : null}
                  {isFilledBySamples(indicator, rater) ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('sheets.review.fromSamples')}
                    </Typography.Text>
                  ) : null}
                  {fields.length === 0 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('sheets.review.fromData')}
                    </Typography.Text>
                  ) : (
                    <>
                      <IndicatorInputFields
                        indicator={indicator}
                        value={input}
                        disabled={!canSave}
                        onChange={(next) => setInput(indicator.key, next)}
                      />
                      <IndicatorComment
                        indicator={indicator}
                        value={input.comment}
                        required={
                          needsComment(indicator.rule) &&
                          (!isFilledBySamples(indicator, rater) || input.score !== undefined)
                        }
                        disabled={!canSave}
                        onChange={(comment) => setInput(indicator.key, { ...input, comment })}
                      />
                    </>
                  )}
                  {mine.map((issue) => (
                    <Typography.Text
                      key={`${issue.field}:${issue.problem}`}
                      type="danger"
                      style={{ fontSize: 12 }}
                    >
                      {issueText(issue)}
                    </Typography.Text>
                  ))}
                </Flex>
              )
            })}
          </Flex>
        </div>
      ))}
      <Divider style={{ marginBlock: 12 }} />
      <Input.TextArea
        aria-label={t('sheets.review.overall')}
        placeholder={t('sheets.review.overall')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={4000}
        disabled={!canSave}
        value={review.comment ?? ''}
        onChange={(e) => setReview((r) => ({ ...r, comment: e.target.value }))}
      />
      {issues.length > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={t('sheets.review.fixIssues', { n: issues.length })}
        />
      ) : null}
      {step.isError ? (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={describeError(t, step.error)} />
      ) : null}
      {canSave || canSubmit ? (
        <Flex wrap gap={8} justify="flex-end" style={{ marginTop: 12 }}>
          {canSave ? (
            <Button loading={step.isPending} onClick={() => send(false)}>
              {t('sheets.review.saveDraft')}
            </Button>
          ) : null}
          {canSubmit ? (
            <Popconfirm
              title={t('sheets.review.submitConfirm')}
              okText={t('sheets.review.submit')}
              cancelText={t('sheets.cancel')}
              onConfirm={() => send(true)}
            >
              <Button type="primary" loading={step.isPending}>
                {t('sheets.review.submit')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  )
}
