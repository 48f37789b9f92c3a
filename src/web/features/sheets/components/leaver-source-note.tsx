import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LeaverSource } from '../../../../contracts/sheets.ts'

// Who the turnover row (002 T9 员工流失) counted, read from the employees' hire and leave dates: each leaver with
// the leave date and tenure band (under 6 months listed but not counted), or that HR's own counts replaced them.
export function LeaverSourceNote({ source, indicatorKey }: { source: LeaverSource; indicatorKey: string }) {
  const { t } = useTranslation()
  const people =
    source.leavers.length === 0
      ? t('sheets.breakdown.leavers.none')
      : source.leavers
          .map((l) =>
            t('sheets.breakdown.leavers.person', {
              name: l.name,
              date: l.leaveDate,
              band: t(`sheets.breakdown.leavers.band.${l.band ?? 'under_6_months'}`),
            }),
          )
          .join(t('sheets.breakdown.leavers.separator'))
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`leaver-source-${indicatorKey}`}>
      {t(source.used ? 'sheets.breakdown.leavers.used' : 'sheets.breakdown.leavers.overridden', {
        from: source.periodStart,
        to: source.periodEnd,
      })}
      {people}
    </Typography.Text>
  )
}
