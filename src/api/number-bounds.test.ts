import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seed000CustomerService } from '../core/library/templates/seed-000-customer-service.ts'
import { customerServicePayScheme } from '../core/pay/pay-scheme.ts'
import { createTestDatabase, type TestDatabase, testEngines } from '../db/test-database.ts'
import { installBuiltinTemplates } from '../services/templates/install-builtin-templates.ts'
import { createApp } from './create-app.ts'
import { type ApiClient, createApiClient } from './testing/api-client.ts'
import { closeTestDatabase } from './testing/close-test-database.ts'
import { seedTestOrganisation, type TestOrganisation } from './testing/seed-test-organisation.ts'
import { waitForJob } from './testing/wait-for-job.ts'

// Issue 12 part 6: absurd numbers never reach pay or scores. A pay-scheme base of 1e308 showed 9.7×10^309 yuan on
// the pay sheet, a coefficient of 1,000,000 was accepted and a negative target scored a silent 0. Each money amount,
// coefficient, weight, target and actual is refused at the boundary with a 400 naming the field and its bound.

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } }

describe.each(await testEngines())('number bounds on %s', (engine) => {
  let handle: TestDatabase
  let org: TestOrganisation
  let hr: ApiClient
  let cycleId = 0
  let sheetId = 0
  let sheetVersion = 0
  const clock = new Date('2026-11-05T02:00:00Z')
  const send = <T>(client: ApiClient, method: string, path: string, body: unknown) =>
    client.raw<T>(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken ?? '' },
      body: JSON.stringify(body),
    })
  const refusal = (res: { status: number; body: ErrorBody }) => {
    expect(res.status).toBe(400)
    return res.body.error.issues ?? []
  }

  beforeAll(async () => {
    handle = await createTestDatabase(engine)
    org = await seedTestOrganisation(handle.db)
    await installBuiltinTemplates(handle.db, org.companyId)
    const templateId = (
      await handle.db
        .selectFrom('templates')
        .select('id')
        .where('company_id', '=', org.companyId)
        .where('code', '=', 'seed-000-customer-service')
        .executeTakeFirstOrThrow()
    ).id
    const app = createApp({ db: handle.db, engine, now: () => clock })
    const admin = createApiClient((p, i) => app.request(p, i))
    hr = createApiClient((p, i) => app.request(p, i))
    await admin.login('admin')
    await hr.login('hr')
    const opened = await admin.post<{ cycle: { id: number }; jobId: number }>('/api/cycles', {
      name: '2026年10月',
      kind: 'monthly',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      templateId,
      participants: { employeeIds: [org.employees.E003] },
    })
    cycleId = opened.body.cycle.id
    expect((await waitForJob(admin, opened.body.jobId)).status).toBe('succeeded')
    const sheet = await handle.db
      .selectFrom('appraisal_sheets')
      .select(['id', 'version'])
      .where('cycle_id', '=', cycleId)
      .executeTakeFirstOrThrow()
    sheetId = sheet.id
    sheetVersion = sheet.version
  })
  afterAll(async () => {
    await closeTestDatabase(handle)
  })

  it('refuses a pay-scheme base of 1e308 and a coefficient of 1,000,000, naming field and bound', async () => {
    const huge = customerServicePayScheme({ base: `1${'0'.repeat(308)}` })
    const base = refusal(
      await send<ErrorBody>(hr, 'PUT', '/api/pay/assignments', {
        positionId: org.positions.service,
        scheme: huge,
      }),
    )
    expect(base[0]).toEqual({ path: 'scheme.lines.0.base', message: expect.stringContaining('10,000,000') })
    const asNumber = customerServicePayScheme({ base: 1e308 as unknown as string })
    expect(
      refusal(
        await send<ErrorBody>(hr, 'PUT', '/api/pay/assignments', {
          positionId: org.positions.service,
          scheme: asNumber,
        }),
      )[0]?.path,
    ).toBe('scheme.lines.0.base')
    const coefficient = {
      ...customerServicePayScheme(),
      coefficients: [{ min: 0, minInclusive: true, coefficient: 1_000_000 }],
    }
    const issues = refusal(
      await send<ErrorBody>(hr, 'PUT', '/api/pay/assignments', {
        positionId: org.positions.service,
        scheme: coefficient,
      }),
    )
    expect(issues[0]).toEqual({ path: 'scheme.coefficients.0.coefficient', message: '系数应在 0 到 10 之间' })
    // Inside the bounds it is saved.
    const fine = await send(hr, 'PUT', '/api/pay/assignments', {
      positionId: org.positions.service,
      scheme: customerServicePayScheme({ base: '9999999.99' }),
    })
    expect(fine.status).toBe(200)
  })

  it('refuses rewards, pay inputs and bonus pools beyond their bounds', async () => {
    const reward = refusal(
      await send<ErrorBody>(hr, 'POST', `/api/cycles/${cycleId}/pay-items`, {
        employeeId: org.employees.E003,
        label: '奖励',
        amount: '10000000.01',
      }),
    )
    expect(reward[0]).toEqual({ path: 'amount', message: expect.stringContaining('10,000,000') })
    const input = refusal(
      await send<ErrorBody>(hr, 'PUT', `/api/cycles/${cycleId}/pay-inputs`, {
        employeeId: org.employees.E003,
        values: { sales: '2000000000000' },
        reason: '核对',
      }),
    )
    expect(input[0]?.path).toBe('values.sales')
    expect(input[0]?.message).toContain('1,000,000,000,000')
    const pool = refusal(
      await send<ErrorBody>(hr, 'POST', '/api/bonus-pools', {
        name: '年终奖',
        kind: 'annual',
        cycleId,
        amount: 1e15,
        rule: { kind: 'score' },
      }),
    )
    expect(pool[0]?.path).toBe('amount')
  })

  it('refuses a template coefficient of 1,000,000 and a rater weight above 100%', async () => {
    const definition = {
      ...seed000CustomerService,
      code: 'bounds-test',
      scoring: {
        ...seed000CustomerService.scoring,
        raterWeights: { supervisor: 1000 },
        coefficients: [{ min: 0, minInclusive: true, coefficient: 1_000_000 }],
      },
    }
    const res = await send<ErrorBody>(hr, 'POST', '/api/templates', { definition })
    expect(res.status).toBe(400)
    const paths = (res.body.error.issues ?? []).map((i) => i.path)
    expect(paths).toContain('scoring.coefficients.0.coefficient')
    expect(paths).toContain('scoring.raterWeights.supervisor')
  })

  it('refuses targets and actuals beyond ±1e12, and a negative target for a ratio indicator', async () => {
    const big = refusal(
      await send<ErrorBody>(hr, 'PUT', `/api/sheets/${sheetId}/targets`, {
        expectedVersion: sheetVersion,
        indicators: { problem_resolution_rate: { target: 1e13 } },
      }),
    )
    expect(big[0]).toEqual({
      path: 'indicators.problem_resolution_rate.target',
      message: expect.stringContaining('1,000,000,000,000'),
    })
    const actual = refusal(
      await send<ErrorBody>(hr, 'PUT', `/api/sheets/${sheetId}/data`, {
        expectedVersion: sheetVersion,
        indicators: { customer_reviews: { actual: -1e300 } },
      }),
    )
    expect(actual[0]?.path).toBe('indicators.customer_reviews.actual')
    const negative = refusal(
      await send<ErrorBody>(hr, 'PUT', `/api/sheets/${sheetId}/targets`, {
        expectedVersion: sheetVersion,
        indicators: { problem_resolution_rate: { target: -0.5 } },
      }),
    )
    expect(negative[0]?.path).toBe('targets.indicators.problem_resolution_rate.target')
    expect(negative[0]?.message).toContain('必须大于 0')
  })
})
