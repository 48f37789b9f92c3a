import { Select } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { DashboardCycle } from '../../../../contracts/dashboards.ts'
import { useDashboardCycles } from '../../dashboards/api/get-dashboard-cycles.ts'

// Picks a cycle for a results page; with none chosen yet, the newest cycle that passes the filter.
export function ResultCycleSelect({
  value,
  onChange,
  filter = () => true,
}: {
  value: number | undefined
  onChange: (id: number) => void
  filter?: (cycle: DashboardCycle) => boolean
}) {
  const { t } = useTranslation()
  const cycles = useDashboardCycles()
  const items = (cycles.data?.items ?? []).filter(filter)
  const first = items.find((c) => c.scored > 0) ?? items[0]
  useEffect(() => {
    if (value === undefined && first) onChange(first.id)
  }, [value, first, onChange])
  return (
    <Select
      aria-label={t('results.cycle')}
      style={{ minWidth: 220 }}
      loading={cycles.isPending}
      value={value}
      placeholder={t('results.cycle')}
      onChange={onChange}
      options={items.map((c) => ({ value: c.id, label: c.name }))}
    />
  )
}
