import { describe, expect, it } from 'vitest'
import { createImportJobs } from './import-jobs.ts'
import { timeOrderedId } from './time-ordered-id.ts'

// Import jobs live in the server's memory; after a restart (a crash included) the wizard may still poll a job
// id of the earlier run. It is told the job is gone (410) and that an interrupted import wrote nothing, not
// that the id never existed; an id this run never issued is still a plain 404.

describe('createImportJobs after a restart', () => {
  it('answers gone for a job of an earlier run and not_found for an unknown one', () => {
    const startedAt = Date.parse('2026-12-06T10:00:00Z')
    // Looking a job up never touches the database, so none is opened here.
    const jobs = createImportJobs({
      db: undefined as never,
      handle: undefined as never,
      auditDb: undefined as never,
      now: () => startedAt,
    })
    const earlier = timeOrderedId(startedAt - 60_000)
    expect(() => jobs.get(1, earlier)).toThrow(expect.objectContaining({ code: 'gone' }))
    expect(() => jobs.get(1, earlier)).toThrow(/没有写入任何数据/)
    expect(() => jobs.cancel(1, earlier)).toThrow(expect.objectContaining({ code: 'gone' }))
    expect(() => jobs.get(1, timeOrderedId(startedAt + 1000))).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    )
    expect(() => jobs.get(1, crypto.randomUUID())).toThrow(expect.objectContaining({ code: 'not_found' }))
  })
})
