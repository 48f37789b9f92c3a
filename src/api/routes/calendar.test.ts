import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// The working calendar beyond 2026: the statutory arrangement comes from the chinese-days package for every
// year it covers, the admin's entries win over it, and a cycle whose dates run past the package's last year
// comes back with a warning for the admin.

type Day = {
  date: string
  kind: string
  name: string
  source: string
  statutory?: { kind: string; name: string }
}
type Listing = {
  year: number
  days: Day[]
  coverage: { packageName: string; lastYear: number; covered: boolean }
}
type Opened = {
  cycle: { id: number; deadlines: Record<string, string> }
  jobId: number
  warnings: { code: string; lastYear: number; years: number[]; dates: string[]; message: string }[]
}

describe.each(await testEngines())('working calendar on %s', (engine) => {
  let handle: TestDatabase
  let admin: ApiClient
  const clock = new Date('2026-12-06T02:00:00Z')

  const put = (year: number, body: unknown) =>
    admin.raw<Listing>(`/api/calendar?year=${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken! },
      body: JSON.stringify(body),
    })
  const open = async (name: string, periodStart: string, periodEnd: string) => {
    const res = await admin.post<Opened>('/api/cycles', { name, kind: 'monthly', periodStart, periodEnd })
    expect(res.status).toBe(202)
    expect((await waitForJob(admin, res.body.jobId)).status).toBe('succeeded')
    return res.body
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    await seedTestOrganisation(handle.db)
    const app = createApp({ db: handle.db, engine, now: () => clock })
    admin = createApiClient((p, i) => app.request(p, i))
    await admin.login('admin')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('lists 2026 国庆 and 春节 from the statutory arrangement and says which years it covers', async () => {
    const res = await admin.get<Listing>('/api/calendar?year=2026')
    expect(res.status).toBe(200)
    expect(res.body.coverage).toMatchObject({ packageName: 'chinese-days', lastYear: 2026, covered: true })
    expect(res.body.days).toContainEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
      source: 'statutory',
    })
    expect(res.body.days.filter((d) => d.name === '春节').map((d) => d.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ])
    expect(res.body.days).toContainEqual(
      expect.objectContaining({ date: '2026-02-28', kind: 'workday', source: 'statutory' }),
    )
  })

  it('tells the admin that 2027 is past the package (chinese-days has no 2027 arrangement yet)', async () => {
    const res = await admin.get<Listing>('/api/calendar?year=2027')
    expect(res.body.coverage).toMatchObject({ lastYear: 2026, covered: false })
    expect(res.body.days).toEqual([])
  })

  it('keeps the admin’s entry on top of a statutory holiday, and deadlines follow it', async () => {
    const before = await open('2026-09 before', '2026-09-01', '2026-09-30')
    expect(before.warnings).toEqual([])
    expect(before.cycle.deadlines.selfReview).toBe('2026-10-09') // 国庆 10-01…07 off
    const changed = await put(2026, { set: [{ date: '2026-10-07', kind: 'workday', name: '公司值班' }] })
    expect(changed.status).toBe(200)
    expect(changed.body.days).toContainEqual({
      date: '2026-10-07',
      kind: 'workday',
      name: '公司值班',
      source: 'company',
      statutory: { kind: 'holiday', name: '国庆节' },
    })
    const after = await open('2026-09 after', '2026-09-01', '2026-09-30')
    expect(after.cycle.deadlines.selfReview).toBe('2026-10-08') // 10-07 works now
    // Removing the entry gives the date back to the statutory arrangement.
    const removed = await put(2026, { remove: ['2026-10-07'] })
    expect(removed.body.days).toContainEqual(
      expect.objectContaining({ date: '2026-10-07', kind: 'holiday', source: 'statutory' }),
    )
  })

  it('warns when a cycle runs past the covered year, and skips 春节 2027 once the admin enters it', async () => {
    const bare = await open('2027-01 bare', '2027-01-01', '2027-01-31')
    expect(bare.warnings).toHaveLength(1)
    expect(bare.warnings[0]).toMatchObject({ code: 'calendar_not_covered', lastYear: 2026, years: [2027] })
    expect(bare.warnings[0]!.dates).toContain('2027-01-31')
    expect(bare.warnings[0]!.message).toContain('2026')
    expect(bare.cycle.deadlines.sign).toBe('2027-02-09') // only weekends known: 春节 not skipped
    const springFestival = ['06', '07', '08', '09', '10', '11', '12'].map((d) => ({
      date: `2027-02-${d}`,
      kind: 'holiday',
      name: '春节',
    }))
    expect((await put(2027, { set: springFestival, reason: '2027 年春节安排' })).status).toBe(200)
    const withHoliday = await open('2027-01', '2027-01-01', '2027-01-31')
    // Mon 02-01 … Fri 02-05 are five working days, 春节 02-06…12 and the weekend are off: 02-15, 02-16.
    expect(withHoliday.cycle.deadlines.sign).toBe('2027-02-16')
    expect(withHoliday.warnings[0]).toMatchObject({ code: 'calendar_not_covered', lastYear: 2026 })
  })
})
