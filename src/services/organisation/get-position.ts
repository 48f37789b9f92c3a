import { DomainError } from '../../core/errors.ts'
import type { Db } from '../../db/database.ts'
import { findPosition, type PositionRecord } from '../../db/organisation-repository.ts'

/** One position of a company, or not_found. */
export async function getPosition(db: Db, companyId: number, id: number): Promise<PositionRecord> {
  const position = await findPosition(db, companyId, id)
  if (!position) throw new DomainError('not_found', `岗位 ${id} 不存在`)
  return position
}
