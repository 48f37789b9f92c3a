// The turnover indicator's input read from the organisation (issue 16 part 4): who left within the period and
// how long each had served, in the tenure bands of 002 T9 (6个月以上员工流失一个扣1分，一年以上扣2分，两年以上扣3分).
// Each leaver counts once, in their highest band; leavers of under 6 months are listed but not counted.
import dayjs from 'dayjs'

export type TenureBand = 'over_6_months' | 'over_1_year' | 'over_2_years'

export type Leaver = { name: string; hireDate: string; leaveDate: string }

export type CountedLeaver = { name: string; leaveDate: string; tenureMonths: number; band: TenureBand | null }

const bandLabels: Record<TenureBand, { 'zh-CN': string; en: string }> = {
  over_6_months: { 'zh-CN': '6个月以上', en: 'over 6 months' },
  over_1_year: { 'zh-CN': '一年以上', en: 'over a year' },
  over_2_years: { 'zh-CN': '两年以上', en: 'over two years' },
}

/** The band's label, for the sheet's list of who was counted. */
export function tenureBandLabel(band: TenureBand, lang: 'zh-CN' | 'en'): string {
  return bandLabels[band][lang]
}

/** Leavers whose leave date falls in [periodStart, periodEnd] (YYYY-MM-DD), counted per band, with who was counted. */
export function countLeaversByTenure(
  people: readonly Leaver[],
  periodStart: string,
  periodEnd: string,
): { counts: Record<TenureBand, number>; leavers: CountedLeaver[] } {
  const counts: Record<TenureBand, number> = { over_6_months: 0, over_1_year: 0, over_2_years: 0 }
  const leavers: CountedLeaver[] = []
  for (const person of people) {
    if (person.leaveDate < periodStart || person.leaveDate > periodEnd) continue
    // Whole months served from the hire date to the leave date (2025-03-15 → 2025-09-15 is 6).
    const tenureMonths = dayjs(person.leaveDate).diff(dayjs(person.hireDate), 'month')
    const band: TenureBand | null =
      tenureMonths >= 24
        ? 'over_2_years'
        : tenureMonths >= 12
          ? 'over_1_year'
          : tenureMonths >= 6
            ? 'over_6_months'
            : null
    if (band) counts[band]++
    leavers.push({ name: person.name, leaveDate: person.leaveDate, tenureMonths, band })
  }
  return { counts, leavers }
}
