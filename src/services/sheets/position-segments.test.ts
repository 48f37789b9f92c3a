import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import type { Actor } from '../auth/actor.ts'
import { openCycle } from '../cycles/open-cycle.ts'
import { installBuiltinTemplates } from '../templates/install-builtin-templates.ts'
import { computeSheet } from './compute-sheet.ts'
import { setSheetData } from './set-sheet-data.ts'

// An employee who changed position on 11 September: HR records the earlier position's 10 days and total; the
// computed sheet is weighted by days in each position, with the weighting explained and audited.

describe.each(await testEngines())('position segments (调岗按天折算) on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: Actor
  let sheetId: number
  const deps = () => ({ db: handle.db, now: () => new Date('2026-10-08T02:00:00Z') })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    const template = await handle.db
      .selectFrom('templates')
      .select('id')
      .where('company_id', '=', org.companyId)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const admin: Actor = {
      userId: org.users.admin,
      companyId: org.companyId,
      role: 'admin',
      employeeId: null,
    }
    hr = { userId: org.users.hr, companyId: org.companyId, role: 'hr', employeeId: null }
    const opened = await openCycle(deps(), admin, {
      name: '2026-09',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      participants: { employeeIds: [org.employees.E003] },
      templateId: template.id,
      settings: {},
    })
    await opened.completion
    const db = handle.db
    const sheet = await db
      .selectFrom('appraisal_sheets')
      .select('id')
      .where('cycle_id', '=', opened.cycle.id)
      .executeTakeFirstOrThrow()
    sheetId = sheet.id
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('refuses more days in post than the period has, naming the field', async () => {
    await expect(
      setSheetData(deps(), hr, org.companyId, sheetId, {
        positionSegments: { ownDays: 25, earlier: [{ position: '推广专员', days: 10, total: 80 }] },
        reason: '调岗',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'positionSegments' }] })
  })

  it('weights the computed total by days in each position', async () => {
    await setSheetData(deps(), hr, org.companyId, sheetId, {
      positionSegments: { ownDays: 20, earlier: [{ position: '推广专员', days: 10, total: 70 }] },
      reason: '9 月 11 日由推广专员调任客服专员',
    })
    const db = handle.db
    // every input in (missing inputs hold the sheet): the supervisor's review and the two shop figures
    await sql`update appraisal_sheets set state = 'supervisor_submitted',
        supervisor_review = jsonb_build_object('indicators', jsonb_build_object(
          'problem_resolution_rate', jsonb_build_object('actual', 0.9),
          'service_quality', jsonb_build_object('score', 20))),
        shared_inputs = shared_inputs || jsonb_build_object('indicators', jsonb_build_object(
          'customer_reviews', jsonb_build_object('actual', 0.97),
          'complaint_handling_rate', jsonb_build_object('actual', 1)))
      where id = ${sheetId}`.execute(db)
    await computeSheet(deps(), hr, org.companyId, sheetId)
    const row = await db
      .selectFrom('appraisal_sheets')
      .select(['total', 'score'])
      .where('id', '=', sheetId)
      .executeTakeFirstOrThrow()
    const score = row.score as {
      total: number
      proration: { total: number; coverage: number; explanation: { 'zh-CN': string } }
    }
    // the template's own total for the 20 days, then (70 × 10 + own × 20) ÷ 30
    const expected = Math.round(((70 * 10 + score.total * 20) / 30) * 100) / 100
    expect(Number(row.total)).toBeCloseTo(expected, 2)
    expect(score.proration.total).toBe(Number(row.total))
    expect(score.proration.coverage).toBe(1)
    expect(score.proration.explanation['zh-CN']).toContain('推广专员 10 天 × 70 分')
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['reason'])
      .where('company_id', '=', org.companyId)
      .where('reason', 'like', '%调任%')
      .execute()
    expect(audit.length).toBeGreaterThan(0)
  })
})
