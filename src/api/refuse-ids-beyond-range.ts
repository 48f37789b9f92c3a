import { DomainError, type ErrorIssue } from '../core/errors.ts'

/** The largest id a PostgreSQL integer column holds. */
export const maxDatabaseId = 2_147_483_647

// A field that holds database ids: id, ids, parentId, employeeIds … (the API's naming throughout).
const idKey = /^ids?$|[a-z]Ids?$/

const beyond = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > maxDatabaseId

function findIdsBeyondRange(value: unknown, path: string[], issues: ErrorIssue[]): ErrorIssue[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      findIdsBeyondRange(item, [...path, String(index)], issues)
    })
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = [...path, key]
      if (idKey.test(key) && beyond(item))
        issues.push({ path: at.join('.'), message: `编号超出范围（最大 ${maxDatabaseId}）` })
      else if (idKey.test(key) && Array.isArray(item))
        item.forEach((id, index) => {
          if (beyond(id))
            issues.push({ path: [...at, index].join('.'), message: `编号超出范围（最大 ${maxDatabaseId}）` })
        })
      else findIdsBeyondRange(item, at, issues)
    }
  }
  return issues
}

/**
 * Refuses ids no row can have (beyond PostgreSQL's integer range) before a query fails with "integer out of
 * range": in the address 404 naming the parameter, in a body or query 400 naming the field. Runs on every
 * validated request (the routes' validation hook).
 */
export function refuseIdsBeyondRange(data: unknown, target: string): void {
  const issues = findIdsBeyondRange(data, [], [])
  if (issues.length === 0) return
  if (target === 'param') {
    const [first] = issues
    throw new DomainError(
      'not_found',
      `没有编号为 ${String((data as Record<string, unknown>)[first!.path])} 的记录`,
      [...issues],
    )
  }
  throw new DomainError('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('；'), issues)
}
