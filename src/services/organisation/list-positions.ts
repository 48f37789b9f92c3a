import type { Db } from '../../db/database.ts'
import { listPositions as listRows, type PositionRecord } from '../../db/organisation-repository.ts'

/** All positions (岗位) of a company with their job descriptions; readable by every signed-in user. */
export function listPositions(db: Db, companyId: number): Promise<PositionRecord[]> {
  return listRows(db, companyId)
}
