import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { SamplingSource } from '../../../../contracts/sheets.ts'
import { formatNumber } from '../format-value.ts'

/** The Monday (YYYY-MM-DD) of an ISO week written YYYY-Www: week 1 is the week holding 4 January. */
export function mondayOfIsoWeek(week: string): string | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week)
  if (!m) return undefined
  const jan4 = Date.UTC(Number(m[1]), 0, 4)
  const firstMonday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000
  return new Date(firstMonday + (Number(m[2]) - 1) * 7 * 86_400_000).toISOString().slice(0, 10)
}

/** The sampling page (排班 · 抽查) at the first sampled week of the period, else its first week. */
export function samplesPageOf(source: SamplingSource): string {
  const monday = mondayOfIsoWeek(source.weeksSampled[0] ?? source.weeks[0] ?? '')
  return monday ? `/rota/sampling?weekOf=${monday}` : '/rota/sampling'
}

// Where an indicator fed by the weekly samples (服务质量) got the supervisor's part: the samples' count and mean on
// the indicator's scale, or the supervisor's own score kept for its reason, or no samples this period; with a link
// to the samples.
export function SamplingSourceNote({
  source,
  indicatorKey,
}: {
  source: SamplingSource
  indicatorKey: string
}) {
  const { t } = useTranslation()
  const figures =
    source.points === null ? null : { count: source.samples, points: formatNumber(source.points) }
  let text: string
  if (source.used && figures)
    text =
      source.typed && !source.typed.kept
        ? t('sheets.breakdown.fromSamplesTypedSetAside', {
            ...figures,
            score: formatNumber(source.typed.score),
          })
        : t('sheets.breakdown.fromSamples', figures)
  else if (source.typed?.kept && figures)
    text = t('sheets.breakdown.samplesOverridden', {
      ...figures,
      score: formatNumber(source.typed.score),
      reason: source.typed.reason ?? '',
    })
  else text = t(source.typed ? 'sheets.breakdown.noSamples' : 'sheets.breakdown.noSamplesNoEntry')
  return (
    <Typography.Text
      type="secondary"
      style={{ fontSize: 12 }}
      data-testid={`sampling-source-${indicatorKey}`}
    >
      {text} <Link to={samplesPageOf(source)}>{t('sheets.breakdown.samplesLink')}</Link>
    </Typography.Text>
  )
}
