import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryTargets } from '../../contracts/history-targets.ts'
import type { SheetScore } from '../../core/scoring/score-sheet.ts'
import { insertEmployee } from '../../db/organisation-repository.ts'
import { findSheetRow } from '../../db/sheet-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import { loadScoreInputs, scoreSheetRow } from '../../services/sheets/score-sheet-row.ts'
import { installBuiltinTemplates } from '../../services/templates/install-builtin-templates.ts'
import { createApp } from '../create-app.ts'
import { type ApiClient, createApiClient } from '../testing/api-client.ts'
import { closeTestDatabase } from '../testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../testing/seed-test-organisation.ts'
import { waitForJob } from '../testing/wait-for-job.ts'

// Issue 16 parts 5 and 4: a target derived from history (002 T15 目标值为上个月的日均UV×110%) is computed from the
// imported traffic when the cycle opens, frozen on the sheet with its derivation, and recomputed (audited) only
// when HR asks; missing history is missing, never 0. The turnover row (002 T9) counts the period's leavers from
// the employees' hire and leave dates, and HR's own counts (with a reason) win.

type LeaverSources = Record<
  string,
  {
    counts: Record<string, number>
    leavers: { name: string; band: string | null }[]
    used: boolean
  }
>

describe.each(await testEngines())(
  'targets from history and turnover from the organisation on %s',
  (engine) => {
    let handle: TestDatabase
    let org: TestOrganisation
    let hr: ApiClient
    let employee: ApiClient
    let importId = 0
    const clock = new Date('2026-11-02T02:00:00Z')

    const templateId = async (code: string) =>
      (
        await handle.db
          .selectFrom('templates')
          .select('id')
          .where('company_id', '=', org.companyId)
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id

    /** Shop-level traffic: `uv` visitors on every day of the month (YYYY-MM, its day count). */
    const importTraffic = async (month: string, days: number, uv: number) => {
      await sql`insert into fact_traffic (company_id, import_id, row_no, day, date, shop, product_id, uv)
      select ${org.companyId}, ${importId}, d + 1, (${`${month}-01`}::date + d), (${`${month}-01`}::date + d), '测试店', '', ${uv}
      from generate_series(0, ${days - 1}) d`.execute(handle.db)
    }

    const openCycle = async (name: string, code: string, start: string, end: string) => {
      const res = await hr.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
        name,
        kind: 'monthly',
        periodStart: start,
        periodEnd: end,
        templateId: await templateId(code),
        participants: { employeeIds: [org.employees.E001] },
        settings: {},
      })
      expect(res.status).toBe(202)
      expect((await waitForJob(hr, res.body.jobId)).status).toBe('succeeded')
      const sheet = await handle.db
        .selectFrom('appraisal_sheets')
        .select('id')
        .where('cycle_id', '=', res.body.cycle.id)
        .executeTakeFirstOrThrow()
      return { cycleId: res.body.cycle.id, sheetId: sheet.id }
    }

    /** Computes the cycle with its sheets' reviews in (nothing else entered): the items each held sheet waits for. */
    const computeHeldItems = async (cycleId: number) => {
      await sql`update appraisal_sheets set state = 'supervisor_submitted' where cycle_id = ${cycleId}`.execute(
        handle.db,
      )
      const res = await hr.post<{ jobId: number }>(`/api/cycles/${cycleId}/compute`, {})
      expect(res.status).toBe(202)
      const job = await waitForJob(hr, res.body.jobId)
      expect(job.status).toBe('succeeded')
      const held = (job.result as { held?: { items: { key: string }[] }[] }).held ?? []
      return held.flatMap((h) => h.items.map((i) => i.key))
    }

    const scoreOf = async (sheetId: number) => {
      const row = (await findSheetRow(handle.db, org.companyId, sheetId))!
      return scoreSheetRow(row, await loadScoreInputs(handle.db, row)).score as SheetScore & {
        leaverSources?: LeaverSources
      }
    }
    const indicatorOf = (score: SheetScore, key: string) =>
      score.dimensions.flatMap((d) => d.indicators).find((i) => i.key === key)!

    beforeAll(async () => {
      handle = await createTestDatabase(engine)
      org = await seedTestOrganisation(handle.db)
      await installBuiltinTemplates(handle.db, org.companyId)
      importId = (
        await handle.db
          .insertInto('imports')
          .values({
            company_id: org.companyId,
            kind: 'traffic',
            preset: 'generic-traffic',
            source: 'test',
            file_name: 'traffic.csv',
            sha256: 'x',
            size_bytes: 1,
            status: 'completed',
            errors: null,
            created_by_user_id: null,
            period_start: null,
            period_end: null,
            undone_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      const app = createApp({ db: handle.db, engine, now: () => clock })
      hr = createApiClient((p, i) => app.request(p, i))
      employee = createApiClient((p, i) => app.request(p, i))
      await hr.login('hr')
      await employee.login('xiaobing')
    })
    afterAll(async () => {
      await closeTestDatabase(handle)
    })

    it('opening November with October’s traffic freezes 上月日均UV × 110% and T15 scores by it', async () => {
      await importTraffic('2026-10', 31, 100_586)
      await importTraffic('2026-11', 30, 121_000)
      const { cycleId, sheetId } = await openCycle(
        '2026-11',
        'seed-002-t15-new-media-department',
        '2026-11-01',
        '2026-11-30',
      )
      const row = (await findSheetRow(handle.db, org.companyId, sheetId))!
      const frozen = (
        row.targets as { derived: Record<string, { value: number; explanation: Record<string, string> }> }
      ).derived.platform_page_views!
      expect(frozen.value).toBe(110_644.6)
      expect(frozen.explanation['zh-CN']).toBe(
        '目标 = 2026年10月日均独立访客数（UV） 100,586 × 110% = 110,644.6',
      )
      // 11 × 121,000 / 110,644.6 = 12.03 (capped at 120%).
      const platform = indicatorOf(await scoreOf(sheetId), 'platform_page_views')
      expect(platform.target).toBe(110_644.6)
      expect(platform.points).toBe(12.03)
      // The sheet shows the derivation; HR lists it.
      const sheet = await hr.get<{ targets: { derived: Record<string, { explanation: { en: string } }> } }>(
        `/api/sheets/${sheetId}`,
      )
      expect(sheet.status).toBe(200)
      expect(sheet.body.targets.derived.platform_page_views!.explanation.en).toContain('× 110% = 110,644.6')
      const listed = await hr.get<HistoryTargets>(`/api/cycles/${cycleId}/history-targets`)
      expect(listed.status).toBe(200)
      expect(listed.body.items.map((i) => [i.indicatorName, i.target.value])).toEqual([
        ['平台浏览量', 110_644.6],
      ])
      expect((await employee.get(`/api/cycles/${cycleId}/history-targets`)).status).toBe(403)
      // The cycle's compute reads the frozen target too: the row is not held for missing data.
      expect(await computeHeldItems(cycleId)).not.toContain('platform_page_views')
    })

    it('missing history is missing (the row is held), and HR’s recompute with a reason fixes it, audited', async () => {
      // September has no August traffic: the target is missing, not 0, and the ratio row holds the sheet.
      const { cycleId, sheetId } = await openCycle(
        '2026-09',
        'seed-002-t15-new-media-department',
        '2026-09-01',
        '2026-09-30',
      )
      const listed = await hr.get<HistoryTargets>(`/api/cycles/${cycleId}/history-targets`)
      expect(listed.body.items[0]!.target.value).toBeNull()
      expect(listed.body.items[0]!.target.explanation['zh-CN']).toContain('目标缺失：2026年8月没有')
      const before = indicatorOf(await scoreOf(sheetId), 'platform_page_views')
      expect(before.missing).toBe(true)
      expect(before.held).toBe(true)
      expect(await computeHeldItems(cycleId)).toContain('platform_page_views')

      expect((await hr.post(`/api/cycles/${cycleId}/history-targets/recompute`, { reason: '' })).status).toBe(
        400,
      )
      await importTraffic('2026-08', 31, 50_000)
      const res = await hr.post<HistoryTargets>(`/api/cycles/${cycleId}/history-targets/recompute`, {
        reason: '8月流量补导入',
      })
      expect(res.status).toBe(200)
      expect(res.body.recomputed).toBe(1)
      expect(res.body.items[0]).toMatchObject({ changed: true, target: { value: 55_000 } })
      expect(indicatorOf(await scoreOf(sheetId), 'platform_page_views').target).toBe(55_000)
      const audit = await handle.db
        .selectFrom('audit_log')
        .select(['reason', 'after'])
        .where('action', '=', 'cycle.history_targets_recompute')
        .where('entity_id', '=', String(cycleId))
        .executeTakeFirstOrThrow()
      expect(audit.reason).toBe('8月流量补导入')
      expect(JSON.stringify(audit.after)).toContain('55000')
    })

    it('T9 counts the period’s leavers of the department and those under it by tenure, and HR’s counts win', async () => {
      const leaver = (
        employeeNo: string,
        name: string,
        departmentId: number,
        hireDate: string,
        leaveDate: string,
      ) =>
        insertEmployee(handle.db, org.companyId, {
          employeeNo,
          name,
          departmentId,
          positionId: null,
          managerId: null,
          hireDate,
          leaveDate,
          status: 'left',
        })
      await leaver('L001', '离职甲', org.departments.service, '2026-02-01', '2026-11-10') // 9 months
      await leaver('L002', '离职乙', org.departments.operations, '2023-06-01', '2026-11-20') // 3 years
      await leaver('L003', '离职丙', org.departments.service, '2026-08-01', '2026-11-05') // 3 months: listed only
      await leaver('L004', '离职丁', org.departments.service, '2020-01-01', '2026-10-31') // October: not counted
      const { sheetId } = await openCycle(
        '2026-11 电商部负责人',
        'seed-002-t9-ecommerce-head',
        '2026-11-01',
        '2026-11-30',
      )
      const score = await scoreOf(sheetId)
      const source = score.leaverSources!.staff_stability!
      expect(source.counts).toEqual({ over_6_months: 1, over_1_year: 0, over_2_years: 1 })
      expect(source.leavers.map((l) => [l.name, l.band])).toEqual([
        ['离职丙', null],
        ['离职甲', 'over_6_months'],
        ['离职乙', 'over_2_years'],
      ])
      expect(source.used).toBe(true)
      // 10 − 1 − 3 = 6.
      expect(indicatorOf(score, 'staff_stability').points).toBe(6)

      // HR overrides with a reason (the sheet's data step, audited as its event): HR's counts win.
      const sheet = await hr.get<{ version: number }>(`/api/sheets/${sheetId}`)
      const set = await hr.put(`/api/sheets/${sheetId}/data`, {
        expectedVersion: sheet.body.version,
        indicators: { staff_stability: { counts: { over_6_months: 0, over_1_year: 0, over_2_years: 0 } } },
        reason: '离职乙为公司调岗，不计入流失',
      })
      expect(set.status).toBe(200)
      const overridden = await scoreOf(sheetId)
      expect(overridden.leaverSources!.staff_stability!.used).toBe(false)
      expect(indicatorOf(overridden, 'staff_stability').points).toBe(10)
    })
  },
)
