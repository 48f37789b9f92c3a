/** Who a metric figure is read for when scoring or paying someone: them, their department (team) or the company. */
export type PersonalMetricGrouping = 'employee' | 'team' | 'company'

/**
 * The group a person's figure is filed under in a metric's result: their employee id, their department's id
 * ('' without a department), or the company's single row ('company'). Sheets and pay sheets read it alike.
 */
export function metricGroupKey(
  by: PersonalMetricGrouping,
  person: { employeeId: number; departmentId: number | null | undefined },
): string {
  if (by === 'employee') return String(person.employeeId)
  if (by === 'team') return String(person.departmentId ?? '')
  return 'company'
}
