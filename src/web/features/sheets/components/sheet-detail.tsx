import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { SheetDetail as SheetView } from '../../../../contracts/sheets.ts'
import { isApiError } from '../../../lib/api-client.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useSheet } from '../api/get-sheet.ts'
import { AppealPanel } from './appeal-panel.tsx'
import { DataPanel } from './data-panel.tsx'
import { DelegateReviewButton } from './delegate-review-button.tsx'
import { EntriesPanel } from './entries-panel.tsx'
import { FeedbackPanel } from './feedback-panel.tsx'
import { IndicatorBreakdown } from './indicator-breakdown.tsx'
import { PeerReviewsPanel } from './peer-reviews-panel.tsx'
import { ReturnSelfReviewButton } from './return-self-review-button.tsx'
import { ReviewForm } from './review-form.tsx'
import { ReviewView } from './review-view.tsx'
import { ScoreSummary } from './score-summary.tsx'
import { SheetHeader } from './sheet-header.tsx'
import { SheetHistory } from './sheet-history.tsx'
import { SignPanel } from './sign-panel.tsx'
import { TargetsPanel } from './targets-panel.tsx'

const has = (sheet: SheetView, action: SheetView['allowedActions'][number]) =>
  sheet.allowedActions.includes(action)

function Reviews({ sheet }: { sheet: SheetView }) {
  const { t } = useTranslation()
  const template = sheet.template.definition
  const selfSubmitted = !['draft', 'targets_agreed', 'in_progress'].includes(sheet.state)
  return (
    <>
      {has(sheet, 'save_self_review') ? (
        <ReviewForm key="self" sheet={sheet} rater="self" />
      ) : sheet.selfReview && (selfSubmitted || sheet.party === 'owner') ? (
        <ReviewView
          template={template}
          review={sheet.selfReview}
          title={t('sheets.review.selfTitle')}
          testId="self-review-view"
        />
      ) : null}
      {has(sheet, 'return_self_review') ? <ReturnSelfReviewButton sheet={sheet} /> : null}
      {has(sheet, 'save_supervisor_review') ? (
        <ReviewForm key="supervisor" sheet={sheet} rater="supervisor" />
      ) : sheet.supervisorReview && (sheet.party !== 'owner' || selfSubmitted) ? (
        <ReviewView
          template={template}
          review={sheet.supervisorReview}
          title={t('sheets.review.supervisorTitle')}
          testId="supervisor-review-view"
        />
      ) : null}
    </>
  )
}

export type SheetDetailProps = {
  sheetId: number
  /** Where the back link leads (the list the sheet was opened from) and its label. */
  backTo: string
  backLabel: string
}

// One appraisal sheet with everything the signed-in person may see and do on it now: stages and due dates,
// the score breakdown once computed, targets, reviews, peer reviews, records, feedback, signature, appeal and
// history. Two columns on wide screens, one on phones.
export function SheetDetail({ sheetId, backTo, backLabel }: SheetDetailProps) {
  const { t } = useTranslation()
  const query = useSheet(sheetId)
  const back = (
    <Link to={backTo}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {backLabel}
      </Button>
    </Link>
  )
  if (query.isPending) return <Skeleton active />
  if (query.isError)
    return isApiError(query.error, 'not_found') ? (
      <Result status="404" title={t('sheets.notFound')} extra={back} />
    ) : (
      <Alert type="error" showIcon title={describeError(t, query.error)} action={back} />
    )
  const sheet = query.data
  const template = sheet.template.definition
  return (
    <Flex vertical gap={12} data-testid="sheet-detail">
      <Flex justify="space-between" align="center" wrap gap={8}>
        {back}
        <Flex wrap gap={8}>
          {has(sheet, 'delegate') ? <DelegateReviewButton key={sheet.id} sheet={sheet} /> : null}
          {/* The paper form of the seeds (A4), with the electronic confirmations on its signature lines. */}
          <Link to={`/sheets/${sheet.id}/print`} target="_blank">
            <Button icon={<PrinterOutlined />}>{t('sheets.print')}</Button>
          </Link>
        </Flex>
      </Flex>
      <SheetHeader sheet={sheet} />
      {sheet.party === 'upper' || sheet.party === 'finance' ? (
        <Alert type="info" showIcon title={t('sheets.readOnly')} />
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={12}>
            {sheet.score ? <ScoreSummary sheet={sheet} /> : null}
            {sheet.score ? (
              <Card size="small" title={t('sheets.breakdown.title')}>
                <IndicatorBreakdown template={template} score={sheet.score} targets={sheet.targets} />
              </Card>
            ) : null}
            <Reviews sheet={sheet} />
            <DataPanel key={`data-${sheet.version}`} sheet={sheet} />
            <PeerReviewsPanel sheet={sheet} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={12}>
            <SignPanel sheet={sheet} />
            <AppealPanel sheet={sheet} />
            <FeedbackPanel sheet={sheet} />
            <TargetsPanel key={`targets-${sheet.version}`} sheet={sheet} />
            <EntriesPanel sheet={sheet} />
            <SheetHistory sheet={sheet} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  )
}
