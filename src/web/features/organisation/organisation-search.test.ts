import { describe, expect, it } from 'vitest'
import {
  type OrganisationSearch,
  parseOrganisationSearch,
  toOrganisationParams,
  updateOrganisationSearch,
} from './organisation-search.ts'

const parse = (query: string) => parseOrganisationSearch(new URLSearchParams(query))

describe('parseOrganisationSearch', () => {
  it('gives the defaults for an empty address', () => {
    expect(parse('')).toEqual({
      tab: 'employees',
      departmentId: undefined,
      q: undefined,
      positionId: undefined,
      status: undefined,
      page: 1,
      pageSize: 20,
      jobDescriptionOf: undefined,
    })
  })

  it('reads every field', () => {
    expect(
      parse(
        'tab=positions&departmentId=3&q=%E5%B0%8F%E5%86%B0&positionId=4&status=left&page=2&pageSize=50&jobDescriptionOf=9',
      ),
    ).toEqual({
      tab: 'positions',
      departmentId: 3,
      q: '小冰',
      positionId: 4,
      status: 'left',
      page: 2,
      pageSize: 50,
      jobDescriptionOf: 9,
    })
  })

  it('keeps the phone’s departments tab in the address', () => {
    expect(parse('tab=departments').tab).toBe('departments')
    expect(toOrganisationParams(parse('tab=departments')).toString()).toBe('tab=departments')
  })

  it('ignores hand-edited nonsense rather than sending it to the server', () => {
    const search = parse('tab=x&departmentId=-1&positionId=abc&status=fired&page=0&pageSize=7&q=%20%20')
    expect(search).toMatchObject({ tab: 'employees', page: 1, pageSize: 20 })
    expect(search.departmentId).toBeUndefined()
    expect(search.positionId).toBeUndefined()
    expect(search.status).toBeUndefined()
    expect(search.q).toBeUndefined()
  })
})

describe('toOrganisationParams', () => {
  it('round-trips through parse', () => {
    const search: OrganisationSearch = {
      tab: 'positions',
      departmentId: 2,
      q: '小焦',
      positionId: 5,
      status: 'on_leave',
      page: 3,
      pageSize: 10,
      jobDescriptionOf: 7,
    }
    expect(parseOrganisationSearch(toOrganisationParams(search))).toEqual(search)
  })

  it('writes nothing for the defaults', () => {
    expect(toOrganisationParams(parse('')).toString()).toBe('')
  })
})

describe('updateOrganisationSearch', () => {
  const onPage3 = { ...parse(''), page: 3 }

  it('goes back to page 1 when a filter changes', () => {
    expect(updateOrganisationSearch(onPage3, { q: '小冰' }).page).toBe(1)
    expect(updateOrganisationSearch(onPage3, { departmentId: 2 }).page).toBe(1)
    expect(updateOrganisationSearch(onPage3, { pageSize: 50 }).page).toBe(1)
  })

  it('keeps the page when only the tab or the open job description changes', () => {
    expect(updateOrganisationSearch(onPage3, { tab: 'positions' }).page).toBe(3)
    expect(updateOrganisationSearch(onPage3, { jobDescriptionOf: 4 }).page).toBe(3)
  })

  it('keeps the page when a filter is set to the value it already has', () => {
    expect(updateOrganisationSearch({ ...onPage3, q: 'x' }, { q: 'x' }).page).toBe(3)
  })

  it('honours an explicit page change', () => {
    expect(updateOrganisationSearch(onPage3, { page: 4 }).page).toBe(4)
  })
})
