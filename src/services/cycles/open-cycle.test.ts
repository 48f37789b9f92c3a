import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeTestDatabase } from '../../api/testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from '../../api/testing/seed-test-organisation.ts'
import { findJob } from '../../db/cycle-job-repository.ts'
import { selectParticipantBatches } from '../../db/cycle-repository.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../../db/test-database.ts'
import type { Actor } from '../auth/actor.ts'
import { installBuiltinTemplates } from '../templates/install-builtin-templates.ts'
import { openCycle } from './open-cycle.ts'

// Opening a cycle creates sheets batch by batch over id ranges computed in the database, and names the
// participants who got none (their position has no template) without reading every sheet back.

describe.each(await testEngines())('openCycle on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let admin: Actor
  const deps = () => ({ db: handle.db, now: () => new Date('2026-10-01T02:00:00Z') })

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    admin = { userId: org.users.admin, companyId: org.companyId, role: 'admin', employeeId: null }
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('cuts the participants into contiguous id ranges of at most the batch size', async () => {
    const db = handle.db
    const everyone = await db
      .selectFrom('employees')
      .select('id')
      .where('company_id', '=', org.companyId)
      .where('status', '<>', 'left')
      .orderBy('id')
      .execute()
    const batches = await selectParticipantBatches(db, org.companyId, {}, 2)
    expect(batches.map((b) => b.count)).toEqual(
      Array.from({ length: Math.ceil(everyone.length / 2) }, (_, i) => Math.min(2, everyone.length - i * 2)),
    )
    const ids = everyone.map((e) => e.id)
    expect(batches.map((b) => [b.fromId, b.toId])).toEqual(
      batches.map((_, i) => [ids[i * 2], ids[Math.min(ids.length, i * 2 + 2) - 1]]),
    )
    const service = await selectParticipantBatches(
      db,
      org.companyId,
      { departmentIds: [org.departments.service] },
      10,
    )
    expect(service).toEqual([{ fromId: org.employees.E002, toId: org.employees.E004, count: 3 }])
  })

  it('creates a sheet per participant with a template and lists those without one', async () => {
    const db = handle.db
    const opened = await openCycle(deps(), admin, {
      name: '2026-09',
      kind: 'monthly',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      participants: {},
      settings: {},
    })
    await opened.completion
    // What the job should report, worked out independently: active employees whose position has a template.
    const expected = await db
      .selectFrom('employees as e')
      .leftJoin('position_templates as pt', 'pt.position_id', 'e.position_id')
      .select(['e.id', 'e.name', 'pt.template_id'])
      .where('e.company_id', '=', org.companyId)
      .where('e.status', '<>', 'left')
      .orderBy('e.id')
      .execute()
    const withTemplate = expected.filter((e) => e.template_id !== null).map((e) => e.id)
    const without = expected.filter((e) => e.template_id === null).map((e) => ({ id: e.id, name: e.name }))
    expect(withTemplate.length).toBeGreaterThan(0)
    expect(without.length).toBeGreaterThan(0)
    const sheets = await db
      .selectFrom('appraisal_sheets')
      .select('employee_id')
      .where('cycle_id', '=', opened.cycle.id)
      .orderBy('employee_id')
      .execute()
    expect(sheets.map((s) => s.employee_id)).toEqual(withTemplate)
    const job = await findJob(db, org.companyId, opened.jobId)
    expect(job).toMatchObject({
      status: 'succeeded',
      total: expected.length,
      done: expected.length,
      result: { created: withTemplate.length, participants: expected.length, skipped: without },
    })
    const audit = await handle.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'cycle.open')
      .where('entity_id', '=', String(opened.cycle.id))
      .executeTakeFirstOrThrow()
    expect(audit.after).toMatchObject({ sheets: withTemplate.length, skipped: without.map((w) => w.id) })
  })

  it('reports no one skipped when every participant got a sheet', async () => {
    const opened = await openCycle(deps(), admin, {
      name: '2026-08',
      kind: 'monthly',
      periodStart: '2026-08-01',
      periodEnd: '2026-08-31',
      participants: { positionIds: [org.positions.service] },
      settings: {},
    })
    await opened.completion
    const job = await findJob(handle.db, org.companyId, opened.jobId)
    expect(job?.result).toEqual({ created: 2, participants: 2, skipped: [] })
  })
})
