import { Card, Col, Row, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'

type Summary = {
  sheets: number
  scored: number
  mean: number | null
  median: number | null
  min: number | null
  max: number | null
}

// The cycle's head figures: sheets, scored, mean, median, lowest and highest total.
export function SummaryStats({ summary }: { summary: Summary }) {
  const { t } = useTranslation()
  const keys = ['sheets', 'scored', 'mean', 'median', 'min', 'max'] as const
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {keys.map((key) => (
        <Col key={key} xs={8} md={4}>
          <Card size="small">
            <Statistic title={t(`dashboards.summary.${key}`)} value={summary[key] ?? '—'} />
          </Card>
        </Col>
      ))}
    </Row>
  )
}
