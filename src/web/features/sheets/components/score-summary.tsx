import { Alert, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SheetDetail } from '../../../../contracts/sheets.ts'
import { pickText } from '../../templates/describe-template-parts.ts'
import { formatNumber } from '../format-value.ts'
import { explain } from './indicator-breakdown.tsx'

export type ScoreSummaryProps = {
  sheet: Pick<SheetDetail, 'total' | 'grade' | 'coefficient' | 'calibration' | 'score' | 'template'>
}

// Total (总分), grade (等级) and performance coefficient (绩效系数) of a computed sheet, how the raters were
// blended, and the calibration with its reason when HR adjusted the total.
export function ScoreSummary({ sheet }: ScoreSummaryProps) {
  const { t, i18n } = useTranslation()
  const band = sheet.template.definition.scoring.grades.find((g) => g.grade === sheet.grade)
  const gradeText = band ? pickText(band.label, i18n.language) : (sheet.grade ?? '—')
  const score = sheet.score
  return (
    <Card size="small" title={t('sheets.score.title')} data-testid="score-summary">
      <Row gutter={[16, 12]}>
        <Col xs={8}>
          <Statistic
            title={t('sheets.score.total')}
            value={sheet.total === null ? '—' : formatNumber(sheet.total)}
            valueRender={(node) => <span data-testid="sheet-total">{node}</span>}
          />
        </Col>
        <Col xs={8}>
          <Statistic title={t('sheets.score.grade')} value={gradeText} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('sheets.score.coefficient')}
            value={sheet.coefficient === null ? '—' : formatNumber(sheet.coefficient)}
          />
        </Col>
      </Row>
      {score ? (
        <Flex vertical gap={6} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sheets.score.breakdown', {
              base: formatNumber(score.base),
              bonus: formatNumber(score.bonus),
              deduction: formatNumber(score.deduction),
            })}
          </Typography.Text>
          {score.raters.length > 0 ? (
            <Flex wrap gap={6}>
              {score.raters.map((r) => (
                <Tag key={r.rater}>
                  {t('sheets.score.rater', {
                    rater: t(`sheets.rater.${r.rater}`, { defaultValue: r.rater }),
                    weight: formatNumber(r.effectiveWeight * 100),
                    subtotal: formatNumber(r.subtotal),
                  })}
                </Tag>
              ))}
            </Flex>
          ) : null}
          {score.vetoed === 'total' ? <Tag color="red">{t('sheets.breakdown.vetoed')}</Tag> : null}
          <Typography.Text style={{ fontSize: 12 }}>
            {explain(score.explanation, i18n.language)}
          </Typography.Text>
          {score.rollup?.explanation ? (
            <Typography.Text style={{ fontSize: 12 }}>
              {explain(score.rollup.explanation, i18n.language)}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      {sheet.calibration ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={t('sheets.score.calibrated', {
            from: sheet.calibration.from === null ? '—' : formatNumber(sheet.calibration.from),
            to: formatNumber(sheet.calibration.to),
          })}
          description={sheet.calibration.reason}
        />
      ) : null}
    </Card>
  )
}
