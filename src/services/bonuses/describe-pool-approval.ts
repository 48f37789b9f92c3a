import { defaultTimeZone, formatTimeOfDay, isValidTimeZone, toLocal } from '../../core/rota/zoned-time.ts'
import { findCompanyTimeZone } from '../../db/calendar-repository.ts'
import type { Db } from '../../db/database.ts'
import type { BonusPoolRow } from '../../db/pay-repository.ts'

/** "财务 2026-10-20 10:00" — who approved a pool and when, in the company's time zone, for refusal messages. */
export async function describePoolApproval(db: Db, companyId: number, pool: BonusPoolRow): Promise<string> {
  const timeZone = await findCompanyTimeZone(db, companyId)
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : defaultTimeZone
  const at = pool.approvedAt ? toLocal(Date.parse(pool.approvedAt), zone) : undefined
  return [pool.approvedBy ?? '（已删除的用户）', at ? `${at.date} ${formatTimeOfDay(at.minutes)}` : '']
    .join(' ')
    .trim()
}
