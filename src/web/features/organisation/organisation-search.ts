import type { EmployeeStatus } from '../../../contracts/organisation.ts'

// What the organisation page shows, kept in the address bar so that a filtered list can be bookmarked or shared.
export type OrganisationSearch = {
  /** departments: the phone's list of departments, in place of the tree beside the lists on wide screens. */
  tab: 'employees' | 'positions' | 'departments'
  departmentId?: number
  q?: string
  positionId?: number
  status?: EmployeeStatus
  page: number
  pageSize: number
  /** The position whose job description (岗位说明书) is open. */
  jobDescriptionOf?: number
}

export const pageSizes = [10, 20, 50, 100] as const
const defaultPageSize = 20
const statuses: readonly EmployeeStatus[] = ['active', 'on_leave', 'left']
const tabs: readonly OrganisationSearch['tab'][] = ['employees', 'positions', 'departments']

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value)) return undefined
  const n = Number(value)
  return n > 0 ? n : undefined
}

export function parseOrganisationSearch(params: URLSearchParams): OrganisationSearch {
  const pageSize = positiveInt(params.get('pageSize'))
  const status = params.get('status')
  const q = params.get('q')?.trim()
  return {
    tab: tabs.find((tab) => tab === params.get('tab')) ?? 'employees',
    departmentId: positiveInt(params.get('departmentId')),
    q: q ? q.slice(0, 100) : undefined,
    positionId: positiveInt(params.get('positionId')),
    status: statuses.find((s) => s === status),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSizes.find((s) => s === pageSize) ?? defaultPageSize,
    jobDescriptionOf: positiveInt(params.get('jobDescriptionOf')),
  }
}

// Writes only what differs from the defaults, so the plain page keeps a plain address.
export function toOrganisationParams(search: OrganisationSearch): URLSearchParams {
  const params = new URLSearchParams()
  if (search.tab !== 'employees') params.set('tab', search.tab)
  if (search.departmentId) params.set('departmentId', String(search.departmentId))
  if (search.q) params.set('q', search.q)
  if (search.positionId) params.set('positionId', String(search.positionId))
  if (search.status) params.set('status', search.status)
  if (search.page !== 1) params.set('page', String(search.page))
  if (search.pageSize !== defaultPageSize) params.set('pageSize', String(search.pageSize))
  if (search.jobDescriptionOf) params.set('jobDescriptionOf', String(search.jobDescriptionOf))
  return params
}

const filterKeys = ['departmentId', 'q', 'positionId', 'status', 'pageSize'] as const

// Applies a change; changing any filter goes back to page 1, since the old page may no longer exist.
export function updateOrganisationSearch(
  current: OrganisationSearch,
  patch: Partial<OrganisationSearch>,
): OrganisationSearch {
  const next = { ...current, ...patch }
  const filterChanged = filterKeys.some((key) => key in patch && patch[key] !== current[key])
  if (filterChanged && !('page' in patch && patch.page !== current.page)) next.page = 1
  return next
}
