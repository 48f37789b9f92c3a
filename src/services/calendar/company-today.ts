import { dateInZone } from '../../core/calendar/date-in-zone.ts'
import { findCompanyTimeZone } from '../../db/calendar-repository.ts'
import type { Db } from '../../db/database.ts'

/** Today's date (YYYY-MM-DD) in the company's time zone (default Asia/Shanghai): deadlines are calendar dates there. */
export async function companyToday(db: Db, companyId: number, now: Date): Promise<string> {
  return dateInZone(now, (await findCompanyTimeZone(db, companyId)) ?? 'Asia/Shanghai')
}
