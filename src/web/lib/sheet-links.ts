import type { CycleSheetSearch } from '../../contracts/cycle-sheets.ts'

// Where a sheet and the lists of sheets live in the web app, so that every page counting sheets links to them.

/** One sheet, as its supervisor, HR or admin opens it. */
export function sheetPath(sheetId: number): string {
  return `/team/${sheetId}`
}

/** 全部考核表 of one cycle with some filters (department, state, overdue, appeal, held …). */
export function allSheetsPath(cycleId: number, filters: CycleSheetSearch = {}): string {
  const params = new URLSearchParams({ cycle: String(cycleId) })
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, value)
  return `/sheets?${params}`
}
