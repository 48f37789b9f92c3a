import { Card, Empty, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type {
  Indicator,
  IndicatorInput,
  PeerReview,
  ReviewInputs,
  Template,
} from '../../../../contracts/sheets.ts'
import { formatNumber, formatValue } from '../format-value.ts'

/** One rater's input for one indicator in a line: "实际值 95%；评分 24；评语 …". */
export function ReviewInputSummary({ indicator, input }: { indicator: Indicator; input: IndicatorInput }) {
  const { t } = useTranslation()
  const parts: string[] = []
  if (input.actual !== undefined)
    parts.push(`${t('sheets.field.actual')} ${formatValue(input.actual, indicator.unit)}`)
  if (input.occurrences !== undefined)
    parts.push(`${t('sheets.field.occurrences')} ${formatNumber(input.occurrences)}`)
  for (const [k, v] of Object.entries(input.counts ?? {})) parts.push(`${k} ${formatNumber(v)}`)
  if (input.level !== undefined) parts.push(`${t('sheets.field.level')} ${input.level}`)
  if (input.score !== undefined) parts.push(`${t('sheets.field.score')} ${formatNumber(input.score)}`)
  if (input.passed !== undefined) parts.push(t(input.passed ? 'sheets.field.done' : 'sheets.field.notDone'))
  if (input.violated) parts.push(t('sheets.field.violated'))
  for (const [k, v] of Object.entries(input.variables ?? {})) parts.push(`${k} ${formatNumber(v)}`)
  if (input.comment) parts.push(`${t('sheets.field.comment')}：${input.comment}`)
  return <span>{parts.length > 0 ? parts.join(t('sheets.separator')) : '—'}</span>
}

// A submitted review read-only: each indicator the rater gave something for, then their overall comment.
export function ReviewView({
  template,
  review,
  title,
  testId,
}: {
  template: Template
  review: ReviewInputs | PeerReview | null | undefined
  title: string
  testId?: string
}) {
  const { t } = useTranslation()
  const indicators = template.dimensions.flatMap((d) => d.indicators)
  const given = indicators.filter((i) => review?.indicators?.[i.key] !== undefined)
  return (
    <Card size="small" title={title} data-testid={testId}>
      {!review || (given.length === 0 && !review.comment) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sheets.review.nothing')} />
      ) : (
        <Flex vertical gap={6}>
          {given.map((indicator) => (
            <Typography.Text key={indicator.key} style={{ fontSize: 13 }}>
              <Typography.Text strong>{indicator.name}：</Typography.Text>
              <ReviewInputSummary indicator={indicator} input={review.indicators![indicator.key]!} />
            </Typography.Text>
          ))}
          {review.comment ? (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              <Typography.Text strong>{t('sheets.review.overall')}：</Typography.Text>
              {review.comment}
            </Typography.Paragraph>
          ) : null}
        </Flex>
      )}
    </Card>
  )
}
