import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import type { Actor } from '../auth/actor.ts'
import { getSheet } from '../sheets/get-sheet.ts'
import { installBuiltinTemplates } from '../templates/install-builtin-templates.ts'
import { openCycle } from './open-cycle.ts'
import { sweepDueSheets } from './sweep-due-sheets.ts'

// A signed sheet whose appeal window passes with no appeal becomes final: a read shows it final at once without
// writing, and the sweep (a write: scheduled, CLI or API) finalises it, audited.

describe.each(await testEngines())('sweepDueSheets on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let clock = new Date('2026-10-13T02:00:00Z')
  const deps = () => ({ db: handle.db, now: () => clock })
  let admin: Actor
  let sheets: { id: number; employee_id: number }[] = []

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
    admin = { userId: org.users.admin, companyId: org.companyId, role: 'admin', employeeId: null }
    const opened = await openCycle(deps(), admin, {
      name: '2026-09',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      participants: { employeeIds: [org.employees.E003, org.employees.E004] },
      templateId: template.id,
      settings: {},
    })
    await opened.completion
    const db = handle.db
    sheets = await db
      .selectFrom('appraisal_sheets')
      .select(['id', 'employee_id'])
      .where('cycle_id', '=', opened.cycle.id)
      .orderBy('id')
      .execute()
    // Both signed on Friday 2026-10-09 with a 3-working-day window: the last day to appeal is 2026-10-13.
    await db
      .updateTable('appraisal_sheets')
      .set({ state: 'appeal_window', appeal_deadline: '2026-10-13' })
      .where('cycle_id', '=', opened.cycle.id)
      .execute()
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('leaves sheets open on the last day of the window', async () => {
    expect(await sweepDueSheets(deps(), org.companyId)).toEqual({ finalized: [] })
  })

  it('shows the sheet final on read the day after without writing; the sweep finalises it as the system, audited', async () => {
    clock = new Date('2026-10-14T02:00:00Z')
    const xiaobing: Actor = {
      userId: org.users.xiaobing,
      companyId: org.companyId,
      role: 'employee',
      employeeId: org.employees.E003,
    }
    const mine = sheets.find((s) => s.employee_id === org.employees.E003)!
    const read = await getSheet(deps(), xiaobing, mine.id)
    expect(read.state).toBe('final')
    expect(read.allowedActions).toEqual([])
    const stored = await handle.db
      .selectFrom('appraisal_sheets')
      .select(['state', 'version'])
      .where('id', '=', mine.id)
      .executeTakeFirstOrThrow()
    expect(stored.state).toBe('appeal_window')
    expect(stored.version).toBe(read.version)
    expect(await sweepDueSheets(deps(), org.companyId, { sheetIds: [mine.id] })).toEqual({
      finalized: [mine.id],
    })
    const view = await getSheet(deps(), xiaobing, mine.id)
    expect(view.state).toBe('final')
    expect(view.events.at(-1)).toMatchObject({
      action: 'finalize',
      party: 'system',
      from: 'appeal_window',
      to: 'final',
    })
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', String(mine.id))
      .execute()
    expect(audit).toContainEqual({ action: 'sheet.finalize', actor_user_id: null })
  })

  it('finalises the rest with the sweep, once', async () => {
    const other = sheets.find((s) => s.employee_id === org.employees.E004)!
    expect(await sweepDueSheets(deps(), org.companyId)).toEqual({ finalized: [other.id] })
    expect(await sweepDueSheets(deps(), org.companyId)).toEqual({ finalized: [] })
  })
})
