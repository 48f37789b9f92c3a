import { DomainError } from '../core/errors.ts'

/** The largest id a PostgreSQL integer column holds. */
export const maxDatabaseId = 2_147_483_647

/**
 * Answers 404 for an address whose numeric id no row can have (beyond PostgreSQL's integer range), naming the
 * parameter, rather than letting the query fail with "integer out of range". Used on every validated path.
 */
export function refuseIdsBeyondRange(params: unknown): void {
  if (params === null || typeof params !== 'object') return
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > maxDatabaseId) {
      throw new DomainError('not_found', `没有编号为 ${value} 的记录`, [
        { path: name, message: `编号超出范围（最大 ${maxDatabaseId}）` },
      ])
    }
  }
}
