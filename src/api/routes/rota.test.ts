import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { seedDemoRota } from '../../services/rota/seed-demo-rota.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, type ApiResult, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'

// The rota API on the seed's rota (小冰 E003 and 小焦 E004 under 李主管 E002, who reports to 张店长 E001):
// shifts, patterns, exceptions, coverage, attendance, sampling and the XLSX export, with role and scope checks.

type Issues = { error: { code: string; message: string; issues?: { path: string; message: string }[] } }
type Shift = { id: number; name: string; start: string; end: string; crossesMidnight: boolean }
type Day = { date: string; employeeId: number; employeeName: string; shiftName: string; source: string }
type Gap = { date: string; from: string; to: string; onDuty: number; required: number }
type Coverage = {
  gaps: Gap[]
  weeklyHoursViolations: { employeeId: number; hours: number }[]
  consecutiveDaysViolations: unknown[]
}

const mon = '2026-11-23'
const sun = '2026-11-29'

describe.each(await testEngines())('rota routes on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let admin: ApiClient
  let hr: ApiClient
  let finance: ApiClient
  let zhuguan: ApiClient
  let xiaobing: ApiClient
  let anonymous: ApiClient
  let app: ReturnType<typeof createApp>
  let xiaoBing = 0
  let xiaoJiao = 0

  const put = <T = Issues>(client: ApiClient, path: string, body: unknown): Promise<ApiResult<T>> =>
    client.raw<T>(path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken ?? '' },
      body: JSON.stringify(body),
    })
  const coverage = async (from: string, to: string) =>
    (await admin.get<Coverage>(`/api/rota/coverage?from=${from}&to=${to}`)).body
  const shifts = async () => (await admin.get<{ items: Shift[] }>('/api/rota/shifts')).body.items
  const shiftNamed = async (name: string) => (await shifts()).find((s) => s.name === name)!

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    xiaoBing = org.employees.E003
    xiaoJiao = org.employees.E004
    await seedDemoRota(
      handle.db,
      org.companyId,
      new Map([
        ['小冰', xiaoBing],
        ['小焦', xiaoJiao],
      ]),
    )
    await installBuiltinTemplates(handle.db, org.companyId)
    // December: November's shifts are all over, so none is left out of the month's attendance.
    app = createApp({ db: handle.db, engine, now: () => new Date('2026-12-05T02:00:00Z') })
    const client = () => createApiClient((p, i) => app.request(p, i))
    admin = client()
    hr = client()
    finance = client()
    zhuguan = client()
    xiaobing = client()
    anonymous = client()
    await admin.login('admin')
    await hr.login('hr')
    await finance.login('finance')
    await zhuguan.login('zhuguan')
    await xiaobing.login('xiaobing')
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('keeps rota changes to admin, hr and supervisors', async () => {
    const body = { name: '中班', start: '12:00', end: '20:00' }
    expect((await xiaobing.post('/api/rota/shifts', body)).status).toBe(403)
    expect((await finance.post('/api/rota/shifts', body)).status).toBe(403)
    expect((await anonymous.get(`/api/rota/coverage?from=${mon}&to=${sun}`)).status).toBe(401)
    expect((await xiaobing.get(`/api/rota/coverage?from=${mon}&to=${sun}`)).status).toBe(403)
    expect((await xiaobing.post('/api/rota/samples/draws', {})).status).toBe(403)
  })

  it('defines, changes and deletes shifts, naming the field that is wrong', async () => {
    const backwards = await admin.post<Issues>('/api/rota/shifts', {
      name: '夜班',
      start: '22:00',
      end: '02:00',
    })
    expect(backwards.status).toBe(400)
    expect(backwards.body.error.issues?.map((i) => i.path)).toEqual(['end'])
    const night = await hr.post<Shift>('/api/rota/shifts', {
      name: '夜班',
      start: '22:00',
      end: '02:00',
      crossesMidnight: true,
    })
    expect(night.status).toBe(201)
    expect(night.body).toMatchObject({ name: '夜班', start: '22:00', end: '02:00', crossesMidnight: true })
    expect(
      (await admin.post<Issues>('/api/rota/shifts', { name: '夜班', start: '21:00', end: '23:00' })).status,
    ).toBe(409)
    const moved = await put<Shift>(admin, `/api/rota/shifts/${night.body.id}`, {
      name: '夜班',
      start: '23:00',
      end: '03:00',
      crossesMidnight: true,
    })
    expect([moved.status, moved.body.start]).toEqual([200, '23:00'])
    // 早班 is in 小冰's and 小焦's patterns: it cannot go.
    const early = await shiftNamed('早班')
    const inUse = await admin.delete<Issues>(`/api/rota/shifts/${early.id}`)
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'conflict'])
    expect((await admin.delete(`/api/rota/shifts/${night.body.id}`)).status).toBe(204)
    expect((await admin.delete(`/api/rota/shifts/${night.body.id}`)).status).toBe(404)
  })

  it('refuses a shift change that would double-book an agent on a day', async () => {
    // 小冰 works 早班 (09:30–16:30) on Mondays; 小焦 works 晚班 on Mondays and 早班 on Tuesdays —
    // giving 小焦 早班 on Monday too is fine, but stretching 早班 to 17:30 then overlaps her 晚班.
    const early = await shiftNamed('早班')
    const late = await shiftNamed('晚班')
    const both = await put<Issues>(admin, '/api/rota/patterns', {
      employeeId: xiaoJiao,
      entries: [
        { weekday: 1, shiftId: early.id },
        { weekday: 1, shiftId: late.id },
        { weekday: 2, shiftId: early.id },
        { weekday: 3, shiftId: late.id },
        { weekday: 4, shiftId: early.id },
        { weekday: 5, shiftId: late.id },
        { weekday: 7, shiftId: late.id },
      ],
    })
    expect(both.status).toBe(200)
    const stretched = await put<Issues>(admin, `/api/rota/shifts/${early.id}`, {
      name: '早班',
      start: '09:30',
      end: '17:30',
    })
    expect(stretched.status).toBe(400)
    expect(stretched.body.error.message).toContain('overlap')
    // Back to the seed pattern.
    const restored = await put(admin, '/api/rota/patterns', {
      employeeId: xiaoJiao,
      entries: [
        { weekday: 2, shiftId: early.id },
        { weekday: 4, shiftId: early.id },
        ...[1, 3, 5, 7].map((weekday) => ({ weekday, shiftId: late.id })),
      ],
    })
    expect(restored.status).toBe(200)
  })

  it('refuses overlapping shifts in a pattern and an unknown agent, naming them', async () => {
    const early = await shiftNamed('早班')
    const office = await admin.post<Shift>('/api/rota/shifts', {
      name: '全天班',
      start: '09:00',
      end: '18:00',
    })
    const overlap = await put<Issues>(admin, '/api/rota/patterns', {
      employeeId: xiaoBing,
      entries: [
        { weekday: 1, shiftId: early.id },
        { weekday: 1, shiftId: office.body.id },
      ],
    })
    expect(overlap.status).toBe(400)
    expect(overlap.body.error.issues?.[0]?.path).toMatch(/^entries\.1/)
    const stranger = await put<Issues>(admin, '/api/rota/patterns', {
      employeeId: org.employees.B001,
      entries: [{ weekday: 1, shiftId: early.id }],
    })
    expect(stranger.status).toBe(400)
    expect(stranger.body.error.issues).toEqual([
      expect.objectContaining({
        path: 'employeeId',
        message: expect.stringContaining(String(org.employees.B001)),
      }),
    ])
    // 李主管's tree holds 小冰 and 小焦, not 王运营 (E005): outside it answers 404.
    const outside = await put<Issues>(zhuguan, '/api/rota/patterns', {
      employeeId: org.employees.E005,
      entries: [{ weekday: 1, shiftId: early.id }],
    })
    expect(outside.status).toBe(404)
    expect((await admin.delete(`/api/rota/shifts/${office.body.id}`)).status).toBe(204)
  })

  it('shows the week, to an agent only their own shifts', async () => {
    const week = await admin.get<{ days: Day[]; timeZone: string }>(
      `/api/rota/calendar?from=${mon}&to=${sun}`,
    )
    expect(week.status).toBe(200)
    const names = (days: Day[], date: string) =>
      days
        .filter((d) => d.date === date)
        .map((d) => `${d.employeeName}:${d.shiftName}`)
        .sort()
    expect(names(week.body.days, mon)).toEqual(['小冰:早班', '小焦:晚班'])
    expect(names(week.body.days, '2026-11-28')).toEqual(['小冰:晚班'])
    const own = await xiaobing.get<{ days: Day[] }>(`/api/rota/calendar?from=${mon}&to=${sun}`)
    expect(new Set(own.body.days.map((d) => d.employeeName))).toEqual(new Set(['小冰']))
    expect(own.body.days).toHaveLength(6)
    const backwards = await admin.get<Issues>(`/api/rota/calendar?from=${sun}&to=${mon}`)
    expect([backwards.status, backwards.body.error.issues?.[0]?.path]).toEqual([400, 'to'])
  })

  it('reports exactly the seed pattern’s uncovered weekend mornings, and a leave day opening and closing a hole', async () => {
    const seed = await coverage(mon, sun)
    expect(seed.gaps.map((g) => [g.date, g.from, g.to, g.onDuty, g.required])).toEqual([
      ['2026-11-28', '09:30', '16:30', 0, 1],
      ['2026-11-29', '09:30', '16:30', 0, 1],
    ])
    const leave = await zhuguan.post<{ id: number }>('/api/rota/exceptions', {
      date: '2026-11-30',
      employeeId: xiaoBing,
      kind: 'leave',
      note: '病假',
    })
    expect(leave.status).toBe(201)
    expect((await coverage('2026-11-30', '2026-11-30')).gaps.map((g) => [g.from, g.to])).toEqual([
      ['09:30', '16:30'],
    ])
    expect((await zhuguan.delete(`/api/rota/exceptions/${leave.body.id}`)).status).toBe(204)
    // Covered by 李主管 (E002), the hole never opens; the cover shows on the calendar.
    const early = await shiftNamed('早班')
    const covered = await zhuguan.post('/api/rota/exceptions', {
      date: '2026-11-30',
      employeeId: xiaoBing,
      kind: 'leave',
      shiftId: early.id,
      coverEmployeeId: org.employees.E002,
    })
    expect(covered.status).toBe(201)
    expect((await coverage('2026-11-30', '2026-11-30')).gaps).toEqual([])
    const day = await admin.get<{ days: Day[]; leaves: { employeeName: string }[] }>(
      '/api/rota/calendar?from=2026-11-30&to=2026-11-30',
    )
    expect(day.body.days.filter((d) => d.source === 'cover').map((d) => d.employeeName)).toEqual(['李主管'])
    expect(day.body.leaves.map((l) => l.employeeName)).toEqual(['小冰'])
    const notRostered = await admin.post<Issues>('/api/rota/exceptions', {
      date: sun,
      employeeId: xiaoBing,
      kind: 'leave',
    })
    expect([notRostered.status, notRostered.body.error.issues?.[0]?.path]).toEqual([400, 'date'])
  })

  it('flags agents over the stored limits', async () => {
    const rules = await put<{ maxWeeklyHours: number }>(hr, '/api/rota/attendance-rules', {
      maxWeeklyHours: 40,
      maxConsecutiveDays: 6,
    })
    expect(rules.status).toBe(200)
    expect((await coverage(mon, sun)).weeklyHoursViolations.map((v) => [v.employeeId, v.hours])).toEqual([
      [xiaoBing, 43.5],
      [xiaoJiao, 44],
    ])
    expect((await put(zhuguan, '/api/rota/attendance-rules', {})).status).toBe(403)
    await put(hr, '/api/rota/attendance-rules', { maxWeeklyHours: 44, maxConsecutiveDays: 6 })
    expect((await coverage(mon, sun)).weeklyHoursViolations).toEqual([])
  })

  it('matches clock records to the rota; an agent reads only their own attendance', async () => {
    // 小冰, 2026-11-02 (Mon, 早班 09:30–16:30): 12 minutes late; 2026-11-03 (Tue, 晚班): on time.
    const punches = await zhuguan.post<{ stored: number }>('/api/rota/clock-events', {
      events: [
        { employeeId: xiaoBing, at: '2026-11-02T09:42:00+08:00', kind: 'in' },
        { employeeId: xiaoBing, at: '2026-11-02T16:31:00+08:00', kind: 'out' },
        { employeeId: xiaoBing, at: '2026-11-03T16:25:00+08:00', kind: 'in' },
        { employeeId: xiaoBing, at: '2026-11-03T23:59:00+08:00', kind: 'out' },
      ],
    })
    expect([punches.status, punches.body.stored]).toEqual([200, 4])
    const badPunch = await admin.post<Issues>('/api/rota/clock-events', {
      events: [{ employeeId: xiaoBing, at: '2026-11-02 09:42', kind: 'in' }],
    })
    expect([badPunch.status, badPunch.body.error.issues?.[0]?.path]).toEqual([400, 'events.0.at'])
    type Attendance = { summaries: { employeeId: number; lateCount: number; attendedShifts: number }[] }
    const mine = await xiaobing.get<Attendance>('/api/rota/attendance?month=2026-11')
    expect(mine.status).toBe(200)
    expect(mine.body.summaries.map((s) => [s.employeeId, s.attendedShifts, s.lateCount])).toEqual([
      [xiaoBing, 2, 1],
    ])
    expect((await xiaobing.get(`/api/rota/attendance?month=2026-11&employeeId=${xiaoJiao}`)).status).toBe(404)
    const all = await admin.get<Attendance>('/api/rota/attendance?month=2026-11')
    // 李主管 covers 小冰's early shift on 2026-11-30, so the month counts her too.
    expect(all.body.summaries.map((s) => s.employeeId)).toEqual([org.employees.E002, xiaoBing, xiaoJiao])
  })

  it('draws a seeded weekly sample, scores it on the template’s indicators and blends the component', async () => {
    const form = await zhuguan.get<{
      criteria: { key: string; maxPoints: number }[]
      template: { code: string }
    }>('/api/rota/samples/form')
    expect(form.body.template.code).toBe('seed-000-customer-service')
    expect(form.body.criteria.map((c) => [c.key, c.maxPoints])).toEqual([
      ['problem_resolution_rate', 25],
      ['service_quality', 25],
      ['customer_reviews', 25],
      ['complaint_handling_rate', 25],
    ])
    const chats = Array.from({ length: 20 }, (_, i) => `TB-${1000 + i}`)
    type Draw = { id: number; seed: string; drawnIds: string[]; employeeId: number }
    const drawn = await zhuguan.post<{ items: Draw[] }>('/api/rota/samples/draws', {
      week: '2026-W45',
      sampleSize: 3,
      seed: 'zhuguan-2026-W45',
      candidates: [{ employeeId: xiaoBing, itemIds: chats }],
    })
    expect(drawn.status).toBe(201)
    const draw = drawn.body.items[0]!
    expect([draw.seed, draw.drawnIds.length]).toEqual(['zhuguan-2026-W45', 3])
    const verify = await zhuguan.get<{ reproducible: boolean }>(`/api/rota/samples/draws/${draw.id}/verify`)
    expect(verify.body.reproducible).toBe(true)
    const again = await zhuguan.post<Issues>('/api/rota/samples/draws', {
      week: '2026-W45',
      sampleSize: 3,
      candidates: [{ employeeId: xiaoBing, itemIds: chats }],
    })
    expect(again.status).toBe(409)
    const outside = await zhuguan.post('/api/rota/samples/draws', {
      week: '2026-W45',
      sampleSize: 1,
      candidates: [{ employeeId: org.employees.E005, itemIds: ['x'] }],
    })
    expect(outside.status).toBe(404)

    const over = await zhuguan.post<Issues>('/api/rota/samples/scores', {
      drawId: draw.id,
      itemId: draw.drawnIds[0],
      points: {
        problem_resolution_rate: 30,
        service_quality: 25,
        customer_reviews: 25,
        complaint_handling_rate: 25,
      },
    })
    expect([over.status, over.body.error.issues?.map((i) => i.path)]).toEqual([
      400,
      ['points.problem_resolution_rate'],
    ])
    const scores = [
      [25, 25, 25, 25], // 100
      [20, 20, 20, 20], // 80
    ]
    for (const [i, p] of scores.entries()) {
      const res = await zhuguan.post<{ score: number; comment: string | null }>('/api/rota/samples/scores', {
        drawId: draw.id,
        itemId: draw.drawnIds[i],
        points: {
          problem_resolution_rate: p[0],
          service_quality: p[1],
          customer_reviews: p[2],
          complaint_handling_rate: p[3],
        },
        comment: i === 1 ? '回复偏慢' : null,
      })
      expect([res.status, res.body.score]).toEqual([200, i === 0 ? 100 : 80])
    }
    const queue = await zhuguan.get<{
      items: { employeeName: string; items: { score: { score: number } | null }[] }[]
    }>('/api/rota/samples?week=2026-W45')
    expect(queue.body.items.map((w) => [w.employeeName, w.items.map((i) => i.score?.score ?? null)])).toEqual(
      [['小冰', [100, 80, null]]],
    )
    // Supervisor mean 90 × 75% + self 80 × 25% = 67.5 + 20 = 87.5
    const component = await zhuguan.get<{ supervisorScore: number; total: number; unscoredItems: unknown[] }>(
      `/api/rota/samples/component?employeeId=${xiaoBing}&month=2026-11&selfScore=80`,
    )
    expect([
      component.body.supervisorScore,
      component.body.total,
      component.body.unscoredItems.length,
    ]).toEqual([90, 87.5, 1])
  })

  it('exports the month as a workbook: the agents × days grid, the gaps, and no formula from a shift name', async () => {
    const injected = await admin.post<Shift>('/api/rota/shifts', {
      name: '=1+1',
      start: '08:00',
      end: '09:00',
    })
    await admin.post('/api/rota/exceptions', {
      date: '2026-11-06',
      employeeId: xiaoBing,
      kind: 'swap',
      shiftId: injected.body.id,
    })
    const res = await app.request('/api/rota/export?month=2026-11', {
      headers: { cookie: admin.cookie ?? '' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await res.arrayBuffer())
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['排班表 2026-11', '覆盖缺口 Gaps', '超限 Limits'])
    const grid = workbook.worksheets[0]!
    expect(grid.getRow(1).getCell(2).value).toBe('11-01 日')
    const rowOf = (name: string) =>
      grid.getRows(2, grid.rowCount - 1)!.find((r) => r.getCell(1).value === name)!
    // 2026-11-02 is a Monday (column 3): 小冰 早班, 小焦 晚班; on the 6th 小冰 swapped to the "=1+1" shift.
    expect(rowOf('小冰').getCell(3).value).toBe('早班')
    expect(rowOf('小焦').getCell(3).value).toBe('晚班')
    expect(rowOf('小冰').getCell(7).value).toBe("'=1+1")
    expect(rowOf('小冰').getCell(7).formula).toBeUndefined()
    const gaps = workbook.worksheets[1]!
    // Every Saturday and Sunday morning of November is open (5 Sundays + 4 Saturdays), plus the swapped Friday.
    expect(gaps.rowCount - 1).toBe(10)
    expect(gaps.getRow(2).getCell(3).value).toBe('09:30')
    expect((await xiaobing.get('/api/rota/export?month=2026-11')).status).toBe(403)
    const bad = await admin.get<Issues>('/api/rota/export?month=2026-13')
    expect([bad.status, bad.body.error.issues?.[0]?.path]).toEqual([400, 'month'])
  })
})
