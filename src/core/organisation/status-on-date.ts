export type EmployeeStatus = 'active' | 'on_leave' | 'left'

/**
 * An employee's status as of `today` (YYYY-MM-DD): whoever's leave date (离职日期) has come has left; someone
 * stored as left whose leave date is still ahead (or was moved ahead) has not left yet. Without a leave date the
 * status is kept as given (validation refuses "left" without one).
 */
export function statusOnDate(
  status: EmployeeStatus,
  leaveDate: string | null,
  today: string,
): EmployeeStatus {
  if (leaveDate === null) return status
  if (leaveDate <= today) return 'left'
  return status === 'left' ? 'active' : status
}
