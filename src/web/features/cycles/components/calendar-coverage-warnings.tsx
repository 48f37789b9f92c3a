import { Alert, Flex } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CalendarCoverageWarning } from '../api/open-cycle.ts'

// What opening a cycle said about the working calendar: its dates run past the last year of the statutory
// holiday data, so that year's holidays (春节 …) count only if the admin has entered them.
export function CalendarCoverageWarnings({ warnings }: { warnings: readonly CalendarCoverageWarning[] }) {
  const { t } = useTranslation()
  if (warnings.length === 0) return null
  return (
    <Flex vertical gap={8}>
      {warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          data-testid="calendar-not-covered"
          title={t('cycles.open.calendarNotCovered', {
            lastYear: w.lastYear,
            years: w.years.join(', '),
            dates: w.dates.join(', '),
          })}
        />
      ))}
    </Flex>
  )
}
